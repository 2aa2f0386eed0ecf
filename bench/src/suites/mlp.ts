/**
 * Training steps per second of two MLPs on a fixed batch, each library as its users write it:
 * - 784-128-64-10 ReLU, Adam (lr 1e-3), batch 128 (the network);
 * - 784-40-20-10 sigmoid, SGD (lr 0.1), batch 100 (the optimizer exercise's MultiLayerNet).
 * gd: `mlp` (@gd/nn), `crossEntropy` (@gd/losses), `Adam`/`SGD` (@gd/optim), `backward()`.
 * tfjs: `tf.train.adam|sgd().minimize` of `tf.losses.softmaxCrossEntropy` over `tf.variable`s.
 * jax-js: one jitted function doing forward, `valueAndGrad` and the update. torch: `nn.Sequential`,
 * `F.cross_entropy`, `torch.optim`, one thread.
 */
import { RELU_ADAM, SIGMOID_SGD, type MlpConfig, gdMlpStep, mlpBatch } from '../lib/mlp';
import { onTier } from '../lib/gd';
import { jaxMlpStep } from '../lib/jax';
import { registerAllTfGradients } from '../lib/tf-gradients';
import { measure, measureAsync } from '../lib/timing';
import { type TorchJob, torchTimes } from '../lib/torch';
import type { BenchRow, Suite, SuiteContext } from '../lib/types';

const OPTS = { warmup: 5, minSamples: 5, budgetMs: 2500, minSampleMs: 100 };

function rowName(cfg: MlpConfig): string {
  return `MLP ${cfg.sizes.join('-')} ${cfg.activation}, ${cfg.optimizer === 'adam' ? 'Adam' : 'SGD'}, batch ${cfg.batch}`;
}

async function tfSteps(ctx: SuiteContext, cfg: MlpConfig, backend: 'cpu' | 'wasm') {
  const { tf } = ctx;
  await tf.useBackend(backend);
  const { x, y } = mlpBatch(cfg);
  const L = cfg.sizes.length - 1;
  const xs = tf.tensor2d(x, [cfg.batch, cfg.sizes[0]]);
  const ys = tf.oneHot(tf.tensor1d(y, 'int32'), cfg.sizes[L]);
  type V = ReturnType<typeof tf.variable>;
  type T = ReturnType<typeof tf.relu>;
  const ws: V[] = [];
  const bs: V[] = [];
  for (let l = 0; l < L; l++) {
    const bound = 1 / Math.sqrt(cfg.sizes[l]);
    ws.push(tf.variable(tf.randomUniform([cfg.sizes[l], cfg.sizes[l + 1]], -bound, bound)));
    bs.push(tf.variable(tf.randomUniform([cfg.sizes[l + 1]], -bound, bound)));
  }
  const opt = cfg.optimizer === 'adam' ? tf.train.adam(cfg.lr) : tf.train.sgd(cfg.lr);
  const act = (t: ReturnType<typeof tf.relu>) =>
    cfg.activation === 'relu' ? tf.relu(t) : tf.sigmoid(t);
  const step = () => {
    const loss = opt.minimize(() => {
      let h: T = xs;
      for (let l = 0; l < L; l++) {
        h = tf.add(tf.matMul(h, ws[l]), bs[l]);
        if (l < L - 1) h = act(h);
      }
      return tf.losses.softmaxCrossEntropy(ys, h);
    }, true);
    loss?.dataSync();
    loss?.dispose();
  };
  const ms = measure(step, OPTS);
  opt.dispose();
  for (const v of [...ws, ...bs, xs, ys]) v.dispose();
  await tf.useBackend('cpu');
  return 1000 / ms;
}

async function run(ctx: SuiteContext): Promise<BenchRow[]> {
  await registerAllTfGradients();
  const rows: BenchRow[] = [];
  const jobs: TorchJob[] = [];
  for (const [cfg, target] of [
    [RELU_ADAM, 330],
    [SIGMOID_SGD, 1000],
  ] as const) {
    const name = rowName(cfg);
    ctx.log(name);
    jobs.push({ name, kind: 'mlp', ...cfg });
    const gd = onTier('wasm', () => measure(gdMlpStep(cfg), OPTS));
    const gdJs = onTier('js', () => measure(gdMlpStep(cfg), OPTS));
    const row: BenchRow = {
      name,
      unit: 'steps/s',
      better: 'higher',
      gd: 1000 / gd,
      gdJs: 1000 / gdJs,
      target,
      tfjsCpu: await tfSteps(ctx, cfg, 'cpu'),
      tfjsWasm: await tfSteps(ctx, cfg, 'wasm'),
    };
    if (ctx.jax) {
      const { x, y } = mlpBatch(cfg);
      const j = jaxMlpStep(cfg, x, y);
      row.jax = 1000 / (await measureAsync(j.run, OPTS));
      j.dispose();
    }
    rows.push(row);
  }
  const torch = torchTimes(jobs, ctx.log);
  if (torch) for (const row of rows) row.torch = 1000 / torch.times[row.name];
  return rows;
}

/** Whole training steps: matmuls, activations, loss, backward and the optimizer together. */
export const suite: Suite = { name: 'mlp', run };
