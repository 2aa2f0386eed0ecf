"""Times PyTorch on the bench's jobs (read as JSON from stdin); prints JSON timings (ms per call).

One thread: torch.set_num_threads(1) and threadpoolctl pins the BLAS to 1 thread. Each job gets
a warm-up and the fastest of several samples (a sample repeats fast calls for >= 20 ms),
mirroring bench/src/lib/timing.ts. The BLAS in use is reported from threadpoolctl.
"""
import json
import sys
import time

import torch
import torch.nn.functional as F

try:
    from threadpoolctl import threadpool_info, threadpool_limits
except ImportError:  # still one torch thread; the BLAS may use more
    threadpool_info = None
    threadpool_limits = None


def measure(fn, budget=1.0, min_samples=5, max_samples=21, min_sample=0.02):
    fn()
    fn()
    t = time.perf_counter()
    fn()
    once = max(time.perf_counter() - t, 1e-6)
    reps = max(1, int(min_sample / once + 0.999))
    samples = max(min_samples, min(max_samples, int(budget / (once * reps))))
    best = float("inf")
    for _ in range(samples):
        t = time.perf_counter()
        for _ in range(reps):
            fn()
        best = min(best, (time.perf_counter() - t) / reps)
    return best * 1e3


def mlp_step(job):
    gen = torch.Generator().manual_seed(0)
    sizes = job["sizes"]
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU() if job["activation"] == "relu" else torch.nn.Sigmoid())
    net = torch.nn.Sequential(*layers)
    x = torch.rand(job["batch"], sizes[0], generator=gen)
    y = torch.randint(0, sizes[-1], (job["batch"],), generator=gen)
    if job["optimizer"] == "adam":
        opt = torch.optim.Adam(net.parameters(), lr=job["lr"])
    else:
        opt = torch.optim.SGD(net.parameters(), lr=job["lr"])

    def step():
        opt.zero_grad()
        loss = F.cross_entropy(net(x), y)
        loss.backward()
        opt.step()

    return step


def rosenbrock_step(job):
    x = torch.tensor(job["start"][0], dtype=torch.float64, requires_grad=True)
    y = torch.tensor(job["start"][1], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([x, y], lr=job["lr"])

    def step():
        opt.zero_grad()
        loss = (1 - x) ** 2 + 100 * (y - x**2) ** 2
        loss.backward()
        opt.step()

    return step


def run(jobs):
    gen = torch.Generator().manual_seed(0)
    out = {}
    for job in jobs:
        kind = job["kind"]
        if kind == "matmul":
            n = job["n"]
            dt = torch.float64 if job.get("dtype") == "float64" else torch.float32
            a = torch.rand(n, n, generator=gen, dtype=dt)
            b = torch.rand(n, n, generator=gen, dtype=dt)
            A = a.t() if job["transA"] else a
            B = b.t() if job["transB"] else b
            with torch.no_grad():
                out[job["name"]] = measure(lambda: torch.matmul(A, B))
        elif kind == "expMulAdd":
            x = torch.rand(job["size"], generator=gen, dtype=torch.float32)
            with torch.no_grad():
                out[job["name"]] = measure(lambda: torch.exp(x) * x + 1)
        elif kind == "mlp":
            out[job["name"]] = measure(mlp_step(job), budget=2.0)
        elif kind == "rosenbrock":
            out[job["name"]] = measure(rosenbrock_step(job), budget=1.5)
    return out


def blas_name():
    if threadpool_info is None:
        return "unknown (threadpoolctl missing)"
    libs = [f"{i['internal_api']} {i.get('version') or ''}".strip() for i in threadpool_info() if i["user_api"] == "blas"]
    return ", ".join(libs) or "none found (reference BLAS?)"


def main():
    jobs = json.load(sys.stdin)
    torch.set_num_threads(1)
    if threadpool_limits is not None:
        with threadpool_limits(limits=1):
            times = run(jobs)
    else:
        times = run(jobs)
    json.dump({"version": torch.__version__, "blas": blas_name(), "times": times}, sys.stdout)


if __name__ == "__main__":
    main()
