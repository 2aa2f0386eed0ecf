"""Times PyTorch on the bench's jobs (read as JSON from stdin); prints JSON timings (ms).

Each job is timed with torch.set_num_threads(1) and with every core, with
warm-up and the median of several samples, mirroring bench/src/lib/timing.ts.
"""
import json
import os
import statistics
import sys
import time

import torch

torch.set_grad_enabled(False)


def measure(fn, budget=0.6, min_samples=5, max_samples=21, min_sample=0.02):
    fn()
    t = time.perf_counter()
    fn()
    once = max(time.perf_counter() - t, 1e-6)
    reps = max(1, int(min_sample / once + 0.999))
    samples = max(min_samples, min(max_samples, int(budget / (once * reps))))
    times = []
    for _ in range(samples):
        t = time.perf_counter()
        for _ in range(reps):
            fn()
        times.append((time.perf_counter() - t) / reps)
    return statistics.median(times) * 1e3


def run(jobs):
    gen = torch.Generator().manual_seed(0)
    out = {}
    for job in jobs:
        if job["kind"] == "matmul":
            n = job["n"]
            a = torch.rand(n, n, generator=gen, dtype=torch.float32)
            b = torch.rand(n, n, generator=gen, dtype=torch.float32)
            if job["transB"]:
                out[job["name"]] = measure(lambda: torch.matmul(a, b.t()))
            else:
                out[job["name"]] = measure(lambda: torch.matmul(a, b))
        elif job["kind"] == "expMulAdd":
            x = torch.rand(job["size"], generator=gen, dtype=torch.float32)
            out[job["name"]] = measure(lambda: torch.exp(x) * x + 1)
    return out


def main():
    jobs = json.load(sys.stdin)
    # This machine's torch defaults to one OpenMP thread; ask for every core for the second run.
    threads = max(torch.get_num_threads(), os.cpu_count() or 1)
    torch.set_num_threads(1)
    single = run(jobs)
    torch.set_num_threads(threads)
    multi = run(jobs)
    blas = "generic" if "BLAS_INFO=generic" in torch.__config__.show() else "optimised"
    json.dump(
        {"threads": threads, "version": torch.__version__, "blas": blas, "single": single, "multi": multi},
        sys.stdout,
    )


if __name__ == "__main__":
    main()
