"""PyTorch's side of bench/src/tta/fashion-mnist.ts: the same training.

Usage: fashion_mnist_torch.py ROOT EPOCHS [THREADS]. THREADS (default 1) pins torch's intra-op
threads and, through threadpoolctl, the BLAS. Prints JSON with per-epoch time (training only),
mean loss and test accuracy, peak RSS, torch version, BLAS and threads.
"""
import gzip
import json
import resource
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

try:
    from threadpoolctl import threadpool_info, threadpool_limits
except ImportError:
    threadpool_info = None
    threadpool_limits = None


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def main():
    root, epochs = sys.argv[1], int(sys.argv[2])
    torch.set_num_threads(THREADS)
    torch.manual_seed(0)
    xtr = torch.from_numpy(idx(f"{root}/train-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255)
    ytr = torch.from_numpy(idx(f"{root}/train-labels-idx1-ubyte.gz").astype(np.int64))
    xte = torch.from_numpy(idx(f"{root}/t10k-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255)
    yte = torch.from_numpy(idx(f"{root}/t10k-labels-idx1-ubyte.gz").astype(np.int64))
    net = torch.nn.Sequential(
        torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10)
    )
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    log = []
    for epoch in range(1, epochs + 1):
        t0 = time.perf_counter()
        perm = torch.randperm(len(xtr))
        total, n = 0.0, 0
        for i in range(0, len(xtr), 128):
            b = perm[i : i + 128]
            opt.zero_grad()
            loss = F.cross_entropy(net(xtr[b]), ytr[b])
            loss.backward()
            opt.step()
            total += loss.item()
            n += 1
        seconds = time.perf_counter() - t0
        with torch.no_grad():
            acc = (net(xte).argmax(1) == yte).float().mean().item()
        log.append({"epoch": epoch, "seconds": seconds, "loss": total / n, "testAccuracy": acc})
        print(f"torch epoch {epoch}: {seconds:.1f} s, test {100 * acc:.2f}%", file=sys.stderr)
    blas = "unknown"
    if threadpool_info is not None:
        blas = ", ".join(f"{i['internal_api']} {i.get('version') or ''}".strip() for i in threadpool_info() if i["user_api"] == "blas")
    print(json.dumps({
        "version": torch.__version__,
        "blas": blas,
        "threads": torch.get_num_threads(),
        "epochs": log,
        "maxRssMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


THREADS = int(sys.argv[3]) if len(sys.argv) > 3 else 1

if __name__ == "__main__":
    if threadpool_limits is not None:
        with threadpool_limits(limits=THREADS):
            main()
    else:
        main()
