/**
 * Adam on the 2-D Rosenbrock function f(x, y) = (1 − x)² + 100 (y − x²)² through autodiff, in
 * steps per second: each step builds f on two 0-d leaves, backpropagates, and applies a
 * hand-coded Adam update to the two values. This is the lectures' regime — tiny problems where
 * per-op overhead, not arithmetic, decides the speed.
 *
 * Rows: gd (`@gd/autodiff`, float64 0-d Vars) vs TensorFlow.js (`tf.variableGrads` on 0-d
 * `tf.scalar` variables, float32) on its cpu and wasm backends, with a hand-written analytic
 * gradient loop and PyTorch's autograd (`/usr/bin/python3`, when importable) as references.
 */
import { spawnSync } from 'node:child_process';
import { type Var, add, mul, square, sub, variable } from '@gd/autodiff';
import { tensor } from '@gd/tensor';
import { maxRelDiff, measure } from '../lib/timing';
import type { BenchRow, Suite, SuiteContext } from '../lib/types';

const START = [-1.5, 2] as const;
const LR = 1e-3;
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;
/** Steps after which the trajectories of gd, the hand-written loop and tfjs are compared. */
const CHECK_STEPS = 1000;

/** Adam state for two scalars, updated in place: PyTorch's formula. */
class Adam2 {
  readonly m = [0, 0];
  readonly v = [0, 0];
  t = 0;
  /** Returns the new value of parameter `i` given its value `p` and gradient `g`. */
  update(i: number, p: number, g: number): number {
    this.m[i] = BETA1 * this.m[i] + (1 - BETA1) * g;
    this.v[i] = BETA2 * this.v[i] + (1 - BETA2) * g * g;
    const mh = this.m[i] / (1 - BETA1 ** this.t);
    const vh = this.v[i] / (1 - BETA2 ** this.t);
    return p - (LR * mh) / (Math.sqrt(vh) + EPS);
  }
}

/** gd: f recorded on 0-d float64 Vars, `backward()`, Adam on `value.data` in place. */
function makeGdLoop() {
  const x = variable(tensor(START[0], { dtype: 'float64' }));
  const y = variable(tensor(START[1], { dtype: 'float64' }));
  const ps: Var[] = [x, y];
  const adam = new Adam2();
  const step = () => {
    x.grad = null;
    y.grad = null;
    const loss = add(square(sub(1, x)), mul(square(sub(y, square(x))), 100));
    loss.backward();
    adam.t++;
    for (let i = 0; i < 2; i++) {
      const d = ps[i].value.data;
      d[0] = adam.update(i, d[0], ps[i].grad!.data[0]);
    }
  };
  return { step, position: () => [x.item(), y.item()] };
}

/** The reference without autodiff: the analytic gradient of Rosenbrock on plain numbers. */
function makeHandLoop() {
  const p: number[] = [START[0], START[1]];
  const adam = new Adam2();
  const step = () => {
    const [x, y] = p;
    const r = y - x * x;
    const gx = -2 * (1 - x) - 400 * x * r;
    const gy = 200 * r;
    adam.t++;
    p[0] = adam.update(0, x, gx);
    p[1] = adam.update(1, y, gy);
  };
  return { step, position: () => [p[0], p[1]] };
}

/**
 * tfjs-core ships its gradient definitions only as extension-less ES modules
 * (`dist/register_all_gradients.js`) that Node cannot load; the `@tensorflow/tfjs` bundle
 * registers them. This registers the four the loop needs, transcribed from tfjs-core 4.22's
 * `gradients/{Add,Sub,Multiply,Square}_grad.ts` (same ops, same reshapes), when missing.
 */
function registerTfGradients(tf: SuiteContext['tf']): void {
  type T = ReturnType<typeof tf.scalar>;
  const bu = tf.broadcast_util;
  const reduceTo = (dy: T, shape: number[], out: number[]) => {
    const axes = bu.getReductionAxes(shape, out);
    return axes.length > 0 ? tf.sum(dy, axes) : dy;
  };
  const binary = (
    kernelName: string,
    derB: (dy: T, a: T, b: T) => T,
    derA: (dy: T, a: T, b: T) => T,
  ) => {
    if (tf.getGradient(kernelName)) return;
    tf.registerGradient({
      kernelName,
      inputsToSave: ['a', 'b'],
      gradFunc: (dy, saved) => {
        const [a, b] = saved as T[];
        const out = bu.assertAndGetBroadcastShape(a.shape, b.shape);
        return {
          a: () => tf.reshape(reduceTo(derA(dy as T, a, b), a.shape, out), a.shape),
          b: () => tf.reshape(reduceTo(derB(dy as T, a, b), b.shape, out), b.shape),
        };
      },
    });
  };
  binary(
    'Add',
    (dy) => dy,
    (dy) => dy,
  );
  binary(
    'Sub',
    (dy) => tf.neg(dy),
    (dy) => dy,
  );
  binary(
    'Multiply',
    (dy, a) => tf.mul(dy, tf.cast(a, 'float32')),
    (dy, _a, b) => tf.mul(dy, tf.cast(b, 'float32')),
  );
  if (!tf.getGradient('Square')) {
    tf.registerGradient({
      kernelName: 'Square',
      inputsToSave: ['x'],
      gradFunc: (dy, saved) => {
        const [x] = saved as T[];
        return { x: () => tf.mul(dy as T, tf.mul(tf.cast(x, 'float32'), 2)) };
      },
    });
  }
}

/** tfjs: `tf.variableGrads` of f on two 0-d variables, the same Adam in JS, `assign` back. */
function makeTfLoop(tf: SuiteContext['tf']) {
  const x = tf.variable(tf.scalar(START[0]));
  const y = tf.variable(tf.scalar(START[1]));
  const adam = new Adam2();
  const f = () => tf.add(tf.square(tf.sub(1, x)), tf.mul(tf.square(tf.sub(y, tf.square(x))), 100));
  const step = () => {
    tf.tidy(() => {
      const { grads } = tf.variableGrads(f as () => ReturnType<typeof tf.scalar>, [x, y]);
      const gx = grads[x.name].dataSync()[0];
      const gy = grads[y.name].dataSync()[0];
      adam.t++;
      x.assign(tf.scalar(adam.update(0, x.dataSync()[0], gx)));
      y.assign(tf.scalar(adam.update(1, y.dataSync()[0], gy)));
    });
  };
  const dispose = () => {
    x.dispose();
    y.dispose();
  };
  return { step, position: () => [x.dataSync()[0], y.dataSync()[0]], dispose };
}

/** Steps per second of `step`, timing blocks of `block` steps. */
function stepsPerSecond(step: () => void, block: number): number {
  const ms = measure(
    () => {
      for (let i = 0; i < block; i++) step();
    },
    { warmup: 2, minSamples: 7, budgetMs: 2500, minSampleMs: 0 },
  );
  return (block / ms) * 1000;
}

const TORCH_SCRIPT = `
import json, time, torch
torch.set_num_threads(1)
x = torch.tensor(${START[0]}, dtype=torch.float64, requires_grad=True)
y = torch.tensor(${START[1]}, dtype=torch.float64, requires_grad=True)
opt = torch.optim.Adam([x, y], lr=${LR}, betas=(${BETA1}, ${BETA2}), eps=${EPS})
def step():
    opt.zero_grad()
    loss = (1 - x) ** 2 + 100 * (y - x ** 2) ** 2
    loss.backward()
    opt.step()
for _ in range(500): step()
best = 0.0
for _ in range(5):
    n = 3000
    t = time.perf_counter()
    for _ in range(n): step()
    best = max(best, n / (time.perf_counter() - t))
print(json.dumps({"stepsPerSecond": best, "version": torch.__version__}))
`;

/** PyTorch autograd + torch.optim.Adam on the same loop, best of 5 runs; null without torch. */
function torchStepsPerSecond(log: (m: string) => void): number | null {
  const python = process.env.GD_BENCH_PYTHON ?? '/usr/bin/python3';
  const r = spawnSync(python, ['-c', TORCH_SCRIPT], { encoding: 'utf8', timeout: 120_000 });
  if (r.error || r.status !== 0) {
    log(`  torch: skipped (${r.error?.message ?? r.stderr.trim().split('\n').pop()})`);
    return null;
  }
  return (JSON.parse(r.stdout) as { stepsPerSecond: number }).stepsPerSecond;
}

function runFor(loop: { step: () => void; position: () => number[] }, steps: number): number[] {
  for (let i = 0; i < steps; i++) loop.step();
  return loop.position();
}

async function run(ctx: SuiteContext): Promise<BenchRow[]> {
  const { tf, log } = ctx;
  const name = 'Rosenbrock 2-D, Adam via autodiff';
  log(name);

  // Same trajectory first: gd (float64) must follow the hand-written loop to rounding.
  const gdAt = runFor(makeGdLoop(), CHECK_STEPS);
  const handAt = runFor(makeHandLoop(), CHECK_STEPS);
  log(
    `  gd vs hand-written after ${CHECK_STEPS} steps: max rel diff ${maxRelDiff(gdAt, handAt).toExponential(2)}`,
  );

  const gd = stepsPerSecond(makeGdLoop().step, 2000);
  log(`  gd: ${Math.round(gd)} steps/s`);
  const hand = stepsPerSecond(makeHandLoop().step, 200_000);

  registerTfGradients(tf);
  const tfRun = async (backend: 'cpu' | 'wasm') => {
    await tf.useBackend(backend);
    const check = makeTfLoop(tf);
    const at = runFor(check, CHECK_STEPS);
    check.dispose();
    const loop = makeTfLoop(tf);
    const before = tf.memory().numTensors;
    const sps = stepsPerSecond(loop.step, 100);
    const leaked = tf.memory().numTensors - before;
    loop.dispose();
    log(
      `  tfjs-${backend}: ${Math.round(sps)} steps/s${leaked > 0 ? ` (${leaked} tensors leaked)` : ''}`,
    );
    return { sps, at };
  };
  const cpu = await tfRun('cpu');
  const wasm = await tfRun('wasm');
  await tf.useBackend('cpu');
  const torch = torchStepsPerSecond(log);

  const extra: Record<string, number> = { 'hand-written gradient loop': hand };
  if (torch !== null) extra['torch autograd (1 thr)'] = torch;
  return [
    {
      name: `${name} (0-d float64; tfjs float32)`,
      unit: 'steps/s',
      better: 'higher',
      gd,
      tfjsCpu: cpu.sps,
      tfjsWasm: wasm.sps,
      extra,
      // tfjs runs in float32, so its trajectory agrees with gd's only to float32 precision.
      maxRelDiff: maxRelDiff(gdAt, cpu.at),
    },
  ];
}

/** Per-op overhead of reverse-mode autodiff on a tiny problem: gd vs tfjs vs PyTorch. */
export const suite: Suite = { name: 'autodiff', run };
