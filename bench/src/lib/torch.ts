/**
 * Optional PyTorch reference figures: runs `torch_ref.py` with the system Python (where torch is
 * installed on this machine) and returns its timings, or null when torch is not importable.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A job for the Python side; `name` keys the answer. */
export type TorchJob =
  | { name: string; kind: 'matmul'; n: number; transB: boolean }
  | { name: string; kind: 'expMulAdd'; size: number };

/** Per job name: median ms per call with one thread and with `threads` threads. */
export interface TorchTimes {
  threads: number;
  version: string;
  /** 'generic' when torch was built against reference BLAS (Debian's python3-torch is). */
  blas: string;
  single: Record<string, number>;
  multi: Record<string, number>;
}

const PYTHON = process.env.GD_BENCH_PYTHON ?? '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./torch_ref.py', import.meta.url));

/** Times the jobs in PyTorch; null (with the reason logged) when Python or torch is missing. */
export function torchTimes(jobs: readonly TorchJob[], log: (m: string) => void): TorchTimes | null {
  const r = spawnSync(PYTHON, [SCRIPT], {
    input: JSON.stringify(jobs),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.error || r.status !== 0) {
    log(`torch: skipped (${r.error?.message ?? r.stderr.trim().split('\n').pop()})`);
    return null;
  }
  return JSON.parse(r.stdout) as TorchTimes;
}
