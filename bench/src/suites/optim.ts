/**
 * One Adam step over 1e6 float32 parameters: gd's `Adam.step()` (a fused in-place loop per
 * parameter), the same update hand-written as one loop over typed arrays (the ceiling a JS
 * implementation can reach), and TensorFlow.js's `tf.train.adam` (`applyGradients`, one op per
 * term of the formula) on its cpu and wasm backends. Milliseconds per step.
 */
import { Adam } from '@gd/optim';
import { Tensor } from '@gd/tensor';
import { randomFloat32 } from '../lib/data';
import { maxRelDiff, measure } from '../lib/timing';
import type { BenchRow, Suite, SuiteContext } from '../lib/types';

const SIZE = 1_000_000;
const LR = 1e-3;
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;
const OPTS = { warmup: 3, minSamples: 9, budgetMs: 2000, minSampleMs: 0 };

/** The hand-written reference: PyTorch's Adam formula, one loop, no allocation. */
function makeFusedAdam(p: Float32Array, g: Float32Array) {
  const m = new Float32Array(p.length);
  const v = new Float32Array(p.length);
  let t = 0;
  return () => {
    t++;
    const bc1 = 1 - BETA1 ** t;
    const bc2Sqrt = Math.sqrt(1 - BETA2 ** t);
    const negStep = -LR / bc1;
    for (let i = 0; i < p.length; i++) {
      const gi = g[i];
      m[i] = m[i] * BETA1 + (1 - BETA1) * gi;
      v[i] = v[i] * BETA2 + (1 - BETA2) * gi * gi;
      p[i] = p[i] + (negStep * m[i]) / (Math.sqrt(v[i]) / bc2Sqrt + EPS);
    }
  };
}

async function run(ctx: SuiteContext): Promise<BenchRow[]> {
  const { tf } = ctx;
  const name = 'Adam step, 1e6 float32 params';
  ctx.log(name);
  const p0 = randomFloat32(SIZE, 3, -1, 1);
  const grad = randomFloat32(SIZE, 5, -1, 1);

  const param = { value: new Tensor(p0.slice(), [SIZE]), grad: new Tensor(grad.slice(), [SIZE]) };
  const adam = new Adam([param], { lr: LR, betas: [BETA1, BETA2], eps: EPS });
  const gdMs = measure(() => void adam.step(), OPTS);

  const hand = p0.slice();
  const handMs = measure(makeFusedAdam(hand, grad.slice()), OPTS);

  // One step from the same start, to check that all three compute the same update.
  const gdOne = { value: new Tensor(p0.slice(), [SIZE]), grad: new Tensor(grad.slice(), [SIZE]) };
  new Adam([gdOne], { lr: LR, betas: [BETA1, BETA2], eps: EPS }).step();
  const handOne = p0.slice();
  makeFusedAdam(handOne, grad.slice())();

  const tfRun = async (backend: 'cpu' | 'wasm') => {
    await tf.useBackend(backend);
    const w = tf.variable(tf.tensor1d(p0, 'float32'));
    const g = tf.tensor1d(grad, 'float32');
    const opt = tf.train.adam(LR, BETA1, BETA2, EPS);
    let first: Float32Array | null = null;
    const ms = measure(() => {
      opt.applyGradients([{ name: w.name, tensor: g }]);
      if (first === null) first = w.dataSync() as Float32Array;
    }, OPTS);
    opt.dispose();
    w.dispose();
    g.dispose();
    return { ms, first: first as Float32Array | null };
  };
  const cpu = await tfRun('cpu');
  const wasm = await tfRun('wasm');
  await tf.useBackend('cpu');

  // Compare the updates p₁ − p₀ rather than p₁: where p₁ lands near 0 a relative difference of
  // the parameters would only measure float32 cancellation.
  const delta = (p1: Float32Array) => Float64Array.from(p1, (x, i) => x - p0[i]);
  const gdDelta = delta(gdOne.value.data as Float32Array);
  ctx.log(
    `  gd vs hand-written loop, first update: max rel diff ${maxRelDiff(gdDelta, delta(handOne)).toExponential(2)}`,
  );
  return [
    {
      name,
      unit: 'ms',
      better: 'lower',
      gd: gdMs,
      tfjsCpu: cpu.ms,
      tfjsWasm: wasm.ms,
      extra: { 'hand-written fused loop': handMs },
      maxRelDiff: cpu.first ? maxRelDiff(gdDelta, delta(cpu.first)) : undefined,
    },
  ];
}

/** Optimizer update throughput: gd's fused Adam vs a hand-written loop vs tf.train.adam. */
export const suite: Suite = { name: 'optim', run };
