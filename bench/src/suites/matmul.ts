/**
 * Matrix products in GFLOP/s = 2·m·n·k / t: float32 512² in all four transpose combinations
 * (forward passes use A·Bᵀ, backward passes Aᵀ·B and A·B), float32 128² (an MLP layer's size),
 * and float64 512². gd: `matmul(a, b, { transposeA, transposeB })` with `setNumThreads(1)`, like
 * the 1-thread PyTorch column; tfjs: `tf.matMul(a, b, transposeA, transposeB)`; jax-js: a jitted
 * `np.matmul` of transposed views; torch: `torch.matmul` of `.t()` views.
 *
 * Then gd alone with 1 and 2 threads (`setNumThreads`) on 512² and on the Fashion-MNIST MLP's two
 * large products (forward x·W₁ᵀ, 128×784·(256×784)ᵀ; backward Gᵀ·x, 256×128ᵀ·128×784).
 *
 * Before the first row, one untimed product and a garbage collection: until the C allocator has
 * freed one large block, glibc serves each fresh 1 MB output from new, page-faulting mmap memory,
 * which made whichever row ran first ~30% slower (steady-state training never sees that).
 */
import { Tensor, getNumThreads, matmul, setNumThreads } from '@gd/tensor';
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

interface ThreadCase {
  name: string;
  m: number;
  n: number;
  k: number;
  ta: boolean;
  tb: boolean;
}

const THREAD_CASES: ThreadCase[] = [
  { name: 'matmul 512² A·B', m: 512, n: 512, k: 512, ta: false, tb: false },
  { name: 'matmul 512² A·Bᵀ', m: 512, n: 512, k: 512, ta: false, tb: true },
  { name: 'matmul MLP forward 128×784·(256×784)ᵀ', m: 128, n: 256, k: 784, ta: false, tb: true },
  { name: 'matmul MLP backward 256×128ᵀ·128×784', m: 256, n: 784, k: 128, ta: true, tb: false },
];

declare const gc: (() => void) | undefined;

/** Runs threaded products for half a second, so the helper threads (started in the background) are ready. */
async function helpersStarted(a: Tensor): Promise<void> {
  for (let i = 0; i < 20; i++) {
    void matmul(a, a);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** gd alone on the thread cases, with 1 and with 2 threads. */
async function threadRows(ctx: SuiteContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const prev = getNumThreads();
  setNumThreads(2);
  await helpersStarted(new Tensor(randomFloat32(512 * 512, 3), [512, 512]));
  for (const c of THREAD_CASES) {
    const a = new Tensor(randomFloat32(c.m * c.k, 5), c.ta ? [c.k, c.m] : [c.m, c.k]);
    const b = new Tensor(randomFloat32(c.k * c.n, 6), c.tb ? [c.n, c.k] : [c.k, c.n]);
    const opts = { transposeA: c.ta, transposeB: c.tb };
    const gflops = (ms: number) => (2 * c.m * c.n * c.k) / (ms * 1e6);
    for (const threads of [1, 2]) {
      const name = `${c.name}, ${threads} thread${threads > 1 ? 's' : ''}`;
      ctx.log(name);
      setNumThreads(threads);
      const ms = onTier('wasm', () => measure(() => void matmul(a, b, opts), OPTS));
      rows.push({ name, unit: 'GFLOP/s', better: 'higher', gd: gflops(ms) });
    }
  }
  setNumThreads(prev);
  return rows;
}

function rowName({ n, ta, tb, dtype }: Case): string {
  return `matmul ${n}² ${ta ? 'Aᵀ' : 'A'}·${tb ? 'Bᵀ' : 'B'}${dtype === 'float64' ? ' float64' : ''}`;
}

async function run(ctx: SuiteContext): Promise<BenchRow[]> {
  const { tf } = ctx;
  const rows: BenchRow[] = [];
  const jobs: TorchJob[] = [];
  const prevThreads = getNumThreads();
  setNumThreads(1);
  {
    const w = new Tensor(randomFloat32(512 * 512, 7), [512, 512]);
    onTier('wasm', () => matmul(w, w));
    if (typeof gc === 'function') gc();
  }
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
  setNumThreads(prevThreads);
  rows.push(...(await threadRows(ctx)));
  const torch = torchTimes(jobs, ctx.log);
  if (torch)
    for (const row of rows) {
      if (!(row.name in torch.times)) continue;
      const n = Number(/(\d+)²/.exec(row.name)?.[1]);
      row.torch = (2 * n ** 3) / (torch.times[row.name] * 1e6);
    }
  return rows;
}

/** Matrix products, the kernel that dominates training time. */
export const suite: Suite = { name: 'matmul', run };
