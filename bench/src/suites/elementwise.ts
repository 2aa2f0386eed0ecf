/**
 * Element-wise arithmetic on 1e6 float32 values: `exp(x)·x + 1`, written as each library's
 * users write it — three ops and three temporaries in gd, tfjs and torch; one jitted (fused)
 * function in jax-js. Elements per second. A second row times what a ReLU layer of the MLP
 * costs outside its matrix products: relu forward and the backward mask product
 * `g · (h > 0)` on a 128×256 float32 activation (gd and tfjs only).
 */
import { Tensor, add, exp, greater, mul, relu } from '@gd/tensor';
import { randomFloat32 } from '../lib/data';
import { onTier } from '../lib/gd';
import { jaxExpMulAdd } from '../lib/jax';
import { maxRelDiff, measure, measureAsync } from '../lib/timing';
import { torchTimes } from '../lib/torch';
import type { BenchRow, Suite, SuiteContext } from '../lib/types';

const SIZE = 1_000_000;
const OPTS = { warmup: 3, minSamples: 9, budgetMs: 1500, minSampleMs: 0 };

async function run(ctx: SuiteContext): Promise<BenchRow[]> {
  const { tf } = ctx;
  const name = 'exp(x)·x + 1, 1e6 float32';
  ctx.log(name);
  const perSecond = (ms: number) => SIZE / (ms / 1000);
  // Inputs in [-4, 4) keep exp finite and exercise both signs.
  const data = randomFloat32(SIZE, 7, -4, 4);
  const x = new Tensor(data, [SIZE]);
  const f = () => add(mul(exp(x), x), 1);
  const gd = onTier('wasm', () => measure(() => void f(), OPTS));
  const gdJs = onTier('js', () => measure(() => void f(), OPTS));
  const gdOut = f().data;

  const tfRun = async (backend: 'cpu' | 'wasm') => {
    await tf.useBackend(backend);
    const tx = tf.tensor1d(data, 'float32');
    let last: Float32Array | null = null;
    const ms = measure(() => {
      const y = tf.tidy(() => tf.add(tf.mul(tf.exp(tx), tx), 1));
      if (backend === 'cpu' && last === null) last = y.dataSync() as Float32Array;
      y.dispose();
    }, OPTS);
    tx.dispose();
    return { ms, out: last as Float32Array | null };
  };
  const cpu = await tfRun('cpu');
  const wasm = await tfRun('wasm');
  await tf.useBackend('cpu');
  const row: BenchRow = {
    name,
    unit: 'elements/s',
    better: 'higher',
    gd: perSecond(gd),
    gdJs: perSecond(gdJs),
    tfjsCpu: perSecond(cpu.ms),
    tfjsWasm: perSecond(wasm.ms),
    target: 1.5e8,
    maxRelDiff: cpu.out ? maxRelDiff(gdOut, cpu.out) : undefined,
  };
  if (ctx.jax) {
    const j = jaxExpMulAdd(data);
    row.jax = perSecond(await measureAsync(j.run, OPTS));
    j.dispose();
  }
  const torch = torchTimes([{ name, kind: 'expMulAdd', size: SIZE }], ctx.log);
  if (torch) row.torch = perSecond(torch.times[name]);
  return [row, await reluRow(ctx)];
}

/** relu(h) and g · (h > 0) on a 128×256 float32 batch: a ReLU layer's element-wise work. */
async function reluRow(ctx: SuiteContext): Promise<BenchRow> {
  const { tf } = ctx;
  const name = 'relu + backward mask, 128×256 float32';
  ctx.log(name);
  const shape = [128, 256];
  const n = 128 * 256;
  const perSecond = (ms: number) => n / (ms / 1000);
  const hd = randomFloat32(n, 11, -1, 1);
  const gdata = randomFloat32(n, 12, -1, 1);
  const h = new Tensor(hd, shape);
  const g = new Tensor(gdata, shape);
  const opts = { warmup: 20, minSamples: 9, budgetMs: 800 };
  const f = () => {
    relu(h);
    mul(g, greater(h, 0));
  };
  const gd = onTier('wasm', () => measure(f, opts));
  const gdJs = onTier('js', () => measure(f, opts));
  const tfRun = async (backend: 'cpu' | 'wasm') => {
    await tf.useBackend(backend);
    const th = tf.tensor2d(hd, [128, 256], 'float32');
    const tg = tf.tensor2d(gdata, [128, 256], 'float32');
    const ms = measure(() => {
      tf.tidy(() => {
        tf.relu(th);
        tf.mul(tg, tf.cast(tf.greater(th, 0), 'float32'));
      });
    }, opts);
    th.dispose();
    tg.dispose();
    return ms;
  };
  const row: BenchRow = {
    name,
    unit: 'elements/s',
    better: 'higher',
    gd: perSecond(gd),
    gdJs: perSecond(gdJs),
    tfjsCpu: perSecond(await tfRun('cpu')),
    tfjsWasm: perSecond(await tfRun('wasm')),
  };
  await tf.useBackend('cpu');
  return row;
}

/** Element-wise ops: memory traffic, temporaries and transcendental functions. */
export const suite: Suite = { name: 'elementwise', run };
