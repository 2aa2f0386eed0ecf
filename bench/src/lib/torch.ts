/**
 * Optional PyTorch reference figures: runs `torch_ref.py` with the system Python (where torch is
 * installed on this machine), one thread with the BLAS pinned to one thread, and returns its
 * timings, or null when torch is not importable.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A job for the Python side; `name` keys the answer. */
export type TorchJob =
  | {
      name: string;
      kind: 'matmul';
      n: number;
      transA: boolean;
      transB: boolean;
      dtype: 'float32' | 'float64';
    }
  | { name: string; kind: 'expMulAdd'; size: number }
  | {
      name: string;
      kind: 'mlp';
      sizes: number[];
      activation: string;
      optimizer: string;
      lr: number;
      batch: number;
    }
  | { name: string; kind: 'rosenbrock'; start: readonly number[]; lr: number };

/** Per job name: fastest ms per call on one thread. */
export interface TorchTimes {
  version: string;
  /** The BLAS torch calls, as threadpoolctl reports it (e.g. `openblas 0.3.21`). */
  blas: string;
  times: Record<string, number>;
}

const PYTHON = process.env.GD_BENCH_PYTHON ?? '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./torch_ref.py', import.meta.url));

/** The torch version and BLAS of the last successful run, for RESULTS.md. */
export let torchInfo: { version: string; blas: string } | null = null;

/** Times the jobs in PyTorch; null (with the reason logged) when Python or torch is missing. */
export function torchTimes(jobs: readonly TorchJob[], log: (m: string) => void): TorchTimes | null {
  const r = spawnSync(PYTHON, [SCRIPT], {
    input: JSON.stringify(jobs),
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (r.error || r.status !== 0) {
    log(`torch: skipped (${r.error?.message ?? r.stderr.trim().split('\n').pop()})`);
    return null;
  }
  const t = JSON.parse(r.stdout) as TorchTimes;
  torchInfo = { version: t.version, blas: t.blas };
  return t;
}
