/**
 * Matrix products in GFLOP/s = 2·m·n·k / t: float32 512² in all four transpose combinations
 * (forward passes use A·Bᵀ, backward passes Aᵀ·B and A·B), float32 128² (an MLP layer's size),
 * and float64 512². gd: `matmul(a, b, { transposeA, transposeB })`; tfjs:
 * `tf.matMul(a, b, transposeA, transposeB)`; jax-js: a jitted `np.matmul` of transposed views;
 * torch: `torch.matmul` of `.t()` views.
 */
import { Tensor, matmul } from '@gd/tensor';
import { randomFloat32 } from '../lib/data';
import { onTier } from '../lib/gd';
import { jaxMatmul } from '../lib/jax';
import { maxRelDiff, measure, measureAsync } from '../lib/timing';
import { type TorchJob, torchTimes } from '../lib/torch';
import type { BenchRow, Suite, SuiteContext } from '../lib/types';

interface Case {
  n: number;
  ta: boolean;
  tb: boolean;
  dtype: 'float32' | 'float64';
}

const CASES: Case[] = [
  { n: 512, ta: false, tb: false, dtype: 'float32' },
  { n: 512, ta: true, tb: false, dtype: 'float32' },
  { n: 512, ta: false, tb: true, dtype: 'float32' },
  { n: 512, ta: true, tb: true, dtype: 'float32' },
  { n: 128, ta: false, tb: false, dtype: 'float32' },
  { n: 512, ta: false, tb: false, dtype: 'float64' },
];

const OPTS = { warmup: 2, minSamples: 5, budgetMs: 1200 };
const SLOW = { warmup: 1, minSamples: 3, budgetMs: 1000 };

function rowName({ n, ta, tb, dtype }: Case): string {
  return `matmul ${n}² ${ta ? 'Aᵀ' : 'A'}·${tb ? 'Bᵀ' : 'B'}${dtype === 'float64' ? ' float64' : ''}`;
}

async function run(ctx: SuiteContext): Promise<BenchRow[]> {
  const { tf } = ctx;
  const rows: BenchRow[] = [];
  const jobs: TorchJob[] = [];
  for (const c of CASES) {
    const { n, ta, tb, dtype } = c;
    const name = rowName(c);
    ctx.log(name);
    jobs.push({ name, kind: 'matmul', n, transA: ta, transB: tb, dtype });
    const aData = randomFloat32(n * n, 1 + n);
    const bData = randomFloat32(n * n, 2 + n);
    const gflops = (ms: number) => (2 * n ** 3) / (ms * 1e6);
    const a = new Tensor(dtype === 'float64' ? Float64Array.from(aData) : aData, [n, n]);
    const b = new Tensor(dtype === 'float64' ? Float64Array.from(bData) : bData, [n, n]);
    const opts = { transposeA: ta, transposeB: tb };
    const gd = onTier('wasm', () => measure(() => void matmul(a, b, opts), OPTS));
    const gdOut = onTier('wasm', () => matmul(a, b, opts).data);
    const gdJs = onTier('js', () => measure(() => void matmul(a, b, opts), OPTS));
    const jsOut = onTier('js', () => matmul(a, b, opts).data);
    const row: BenchRow = {
      name,
      unit: 'GFLOP/s',
      better: 'higher',
      gd: gflops(gd),
      gdJs: gflops(gdJs),
      maxRelDiff: maxRelDiff(gdOut, jsOut),
    };
    if (n === 512 && dtype === 'float32') row.target = 40;
    if (dtype === 'float32') {
      const tfRun = async (backend: 'cpu' | 'wasm') => {
        await tf.useBackend(backend);
        const x = tf.tensor2d(aData, [n, n], 'float32');
        const y = tf.tensor2d(bData, [n, n], 'float32');
        const ms = measure(
          () => tf.matMul(x, y, ta, tb).dispose(),
          backend === 'cpu' && n >= 512 ? SLOW : OPTS,
        );
        x.dispose();
        y.dispose();
        return gflops(ms);
      };
      row.tfjsCpu = await tfRun('cpu');
      row.tfjsWasm = await tfRun('wasm');
      await tf.useBackend('cpu');
      if (ctx.jax) {
        const j = jaxMatmul(aData, bData, n, ta, tb);
        row.jax = gflops(await measureAsync(j.run, OPTS));
        j.dispose();
      }
    }
    rows.push(row);
  }
  const torch = torchTimes(jobs, ctx.log);
  if (torch)
    for (const row of rows) {
      const n = Number(/(\d+)²/.exec(row.name)?.[1]);
      row.torch = (2 * n ** 3) / (torch.times[row.name] * 1e6);
    }
  return rows;
}

/** Matrix products, the kernel that dominates training time. */
export const suite: Suite = { name: 'matmul', run };
