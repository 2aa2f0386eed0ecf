/**
 * Square float32 matrix products, plain and with the second operand transposed (what every
 * backward pass of a linear layer does), in GFLOP/s = 2N³ / t.
 */
import { Tensor, matmul } from '@gd/tensor';
import { randomFloat32 } from '../lib/data';
import { maxRelDiff, measure } from '../lib/timing';
import { type TorchJob, torchTimes } from '../lib/torch';
import type { BenchRow, Suite, SuiteContext } from '../lib/types';

const SIZES = [128, 256, 512, 1024];

/** A slow library on a large size gets fewer samples so the whole bench stays short. */
function timing(n: number) {
  return n >= 1024
    ? { warmup: 1, minSamples: 3, budgetMs: 1500 }
    : { warmup: 2, minSamples: 5, budgetMs: 1200 };
}

function rowName(n: number, transB: boolean): string {
  return `matmul ${n}×${n}${transB ? ' · Bᵀ' : ''}`;
}

async function run(ctx: SuiteContext): Promise<BenchRow[]> {
  const { tf } = ctx;
  const rows: BenchRow[] = [];
  const jobs: TorchJob[] = [];
  for (const n of SIZES) {
    const aData = randomFloat32(n * n, 1 + n);
    const bData = randomFloat32(n * n, 2 + n);
    const flops = 2 * n ** 3;
    const gflops = (ms: number) => flops / (ms * 1e6);
    for (const transB of [false, true]) {
      const name = rowName(n, transB);
      jobs.push({ name, kind: 'matmul', n, transB });
      ctx.log(name);
      const a = new Tensor(aData, [n, n]);
      const b = new Tensor(bData, [n, n]);
      const gdMs = measure(() => void matmul(a, b, { transposeB: transB }), timing(n));
      const gdOut = matmul(a, b, { transposeB: transB }).data;

      const tfRun = async (backend: 'cpu' | 'wasm') => {
        await tf.useBackend(backend);
        const ta = tf.tensor2d(aData, [n, n], 'float32');
        const tb = tf.tensor2d(bData, [n, n], 'float32');
        let last: Float32Array | null = null;
        const ms = measure(() => {
          const c = tf.matMul(ta, tb, false, transB);
          if (backend === 'cpu' && last === null) last = c.dataSync() as Float32Array;
          c.dispose();
        }, timing(n));
        ta.dispose();
        tb.dispose();
        return { ms, out: last as Float32Array | null };
      };
      const cpu = await tfRun('cpu');
      const wasm = await tfRun('wasm');
      rows.push({
        name,
        unit: 'GFLOP/s',
        better: 'higher',
        gd: gflops(gdMs),
        tfjsCpu: gflops(cpu.ms),
        tfjsWasm: gflops(wasm.ms),
        maxRelDiff: cpu.out ? maxRelDiff(gdOut, cpu.out) : undefined,
      });
    }
  }
  await tf.useBackend('cpu');
  const torch = torchTimes(jobs, ctx.log);
  if (torch) {
    for (const row of rows) {
      const n = Number(/(\d+)×/.exec(row.name)?.[1]);
      const g = (ms: number) => (2 * n ** 3) / (ms * 1e6);
      row.extra = {
        'torch 1 thr': g(torch.single[row.name]),
        [`torch ${torch.threads} thr`]: g(torch.multi[row.name]),
      };
    }
  }
  return rows;
}

/** Matrix products, the kernel that dominates training time. */
export const suite: Suite = { name: 'matmul', run };
