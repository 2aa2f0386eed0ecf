/**
 * Adam on the 2-D Rosenbrock function f(x, y) = (1 − x)² + 100 (y − x²)², in steps per second,
 * each library through its own optimizer as its users write it: gd — two 0-d float64
 * `variable`s (@gd/autodiff), `new Adam([x, y])` from @gd/optim, `zeroGrad` / `backward` /
 * `step`; tfjs — `tf.train.adam().minimize` over two 0-d `tf.variable`s (float32); torch —
 * `torch.optim.Adam` over two 0-d float64 tensors. This is the lectures' regime: tiny problems
 * where per-op overhead, not arithmetic, decides the speed. A hand-written analytic-gradient
 * Adam loop on plain numbers is shown as a labelled reference column only.
 */
import { add, mul, square, sub, variable } from '@gd/autodiff';
import { Adam } from '@gd/optim';
import { registerAllTfGradients } from '../lib/tf-gradients';
import { maxRelDiff, measure } from '../lib/timing';
import { torchTimes } from '../lib/torch';
import type { BenchRow, Suite, SuiteContext } from '../lib/types';

const START = [-1.5, 2] as const;
const LR = 1e-3;
/** Steps after which the trajectories of gd and the hand-written loop are compared. */
const CHECK_STEPS = 1000;

/** gd as its users write it. */
function makeGdLoop() {
  const x = variable(START[0], { dtype: 'float64' });
  const y = variable(START[1], { dtype: 'float64' });
  const adam = new Adam([x, y], { lr: LR });
  const step = () => {
    adam.zeroGrad();
    add(square(sub(1, x)), mul(square(sub(y, square(x))), 100)).backward();
    adam.step();
  };
  return { step, position: () => [x.item(), y.item()] };
}

/** Reference only: the analytic gradient and PyTorch's Adam formula on plain numbers. */
function makeHandLoop() {
  const p = [START[0], START[1]];
  const m = [0, 0];
  const v = [0, 0];
  let t = 0;
  const step = () => {
    const [x, y] = p;
    const r = y - x * x;
    const g = [-2 * (1 - x) - 400 * x * r, 200 * r];
    t++;
    for (let i = 0; i < 2; i++) {
      m[i] = 0.9 * m[i] + 0.1 * g[i];
      v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
      const mh = m[i] / (1 - 0.9 ** t);
      const vh = v[i] / (1 - 0.999 ** t);
      p[i] -= (LR * mh) / (Math.sqrt(vh) + 1e-8);
    }
  };
  return { step, position: () => [p[0], p[1]] };
}

function stepsPerSecond(step: () => void, block: number): number {
  const ms = measure(
    () => {
      for (let i = 0; i < block; i++) step();
    },
    { warmup: 2, minSamples: 7, budgetMs: 2500, minSampleMs: 0 },
  );
  return (block / ms) * 1000;
}

function runFor(loop: { step: () => void; position: () => number[] }, steps: number): number[] {
  for (let i = 0; i < steps; i++) loop.step();
  return loop.position();
}

async function run(ctx: SuiteContext): Promise<BenchRow[]> {
  const { tf, log } = ctx;
  const name = 'Rosenbrock 2-D, Adam (@gd/optim) via autodiff, 0-d float64';
  log(name);
  const gdAt = runFor(makeGdLoop(), CHECK_STEPS);
  const handAt = runFor(makeHandLoop(), CHECK_STEPS);
  const diff = maxRelDiff(gdAt, handAt);
  log(`  gd vs hand-written after ${CHECK_STEPS} steps: max rel diff ${diff.toExponential(2)}`);
  const gd = stepsPerSecond(makeGdLoop().step, 2000);
  const hand = stepsPerSecond(makeHandLoop().step, 200_000);

  await registerAllTfGradients();
  const tfRun = async (backend: 'cpu' | 'wasm') => {
    await tf.useBackend(backend);
    const x = tf.variable(tf.scalar(START[0]));
    const y = tf.variable(tf.scalar(START[1]));
    const opt = tf.train.adam(LR);
    const f = () =>
      tf.add(tf.square(tf.sub(1, x)), tf.mul(tf.square(tf.sub(y, tf.square(x))), 100));
    const sps = stepsPerSecond(() => {
      opt.minimize(f as () => ReturnType<typeof tf.scalar>);
    }, 100);
    opt.dispose();
    x.dispose();
    y.dispose();
    return sps;
  };
  const tfjsCpu = await tfRun('cpu');
  const tfjsWasm = await tfRun('wasm');
  await tf.useBackend('cpu');
  const row: BenchRow = {
    name,
    unit: 'steps/s',
    better: 'higher',
    gd,
    tfjsCpu,
    tfjsWasm,
    extra: { 'hand-written loop (reference)': hand },
    maxRelDiff: diff,
  };
  const torch = torchTimes([{ name, kind: 'rosenbrock', start: START, lr: LR }], log);
  if (torch) row.torch = 1000 / torch.times[name];
  return [row];
}

/** Per-op overhead of autodiff plus an optimizer on a tiny problem. */
export const suite: Suite = { name: 'rosenbrock', run };
