/**
 * The MLP training step as a gd user writes it — `mlp` from @gd/nn, `crossEntropy` from
 * @gd/losses, an optimizer from @gd/optim — on a fixed random batch, for the steps/s rows.
 */
import { crossEntropy } from '@gd/losses';
import { type Activation, mlp } from '@gd/nn';
import { Adam, SGD } from '@gd/optim';
import { Generator, Tensor, randint, randn } from '@gd/tensor';

/** A training-step benchmark configuration. */
export interface MlpConfig {
  sizes: number[];
  activation: Activation;
  optimizer: 'adam' | 'sgd';
  lr: number;
  batch: number;
}

/** The MLP: 784-128-64-10 ReLU, Adam, batch 128. */
export const RELU_ADAM: MlpConfig = {
  sizes: [784, 128, 64, 10],
  activation: 'relu',
  optimizer: 'adam',
  lr: 1e-3,
  batch: 128,
};

/** The optimizer exercise's MLP: 784-40-20-10 sigmoid, SGD 0.1, batch 100. */
export const SIGMOID_SGD: MlpConfig = {
  sizes: [784, 40, 20, 10],
  activation: 'sigmoid',
  optimizer: 'sgd',
  lr: 0.1,
  batch: 100,
};

/** A fixed batch: inputs uniform-ish in [0, 1) like pixels, integer labels. */
export function mlpBatch(cfg: MlpConfig, seed = 7): { x: Float32Array; y: Int32Array } {
  const g = new Generator(seed);
  const x = randn([cfg.batch, cfg.sizes[0]], { generator: g }).data as Float32Array;
  for (let i = 0; i < x.length; i++) x[i] = Math.abs(x[i]) % 1;
  const y = randint(0, cfg.sizes.at(-1) ?? 10, [cfg.batch], { generator: g }).data as Int32Array;
  return { x, y };
}

/** One gd training step (zeroGrad, forward, loss, backward, step); returns the loss. */
export function gdMlpStep(cfg: MlpConfig, seed = 7): () => number {
  const { x, y } = mlpBatch(cfg, seed);
  const xs = new Tensor(x, [cfg.batch, cfg.sizes[0]]);
  const ys = new Tensor(y, [cfg.batch]);
  const net = mlp(cfg.sizes, { activation: cfg.activation, generator: new Generator(seed) });
  const opt =
    cfg.optimizer === 'adam'
      ? new Adam(net.parameters(), { lr: cfg.lr })
      : new SGD(net.parameters(), { lr: cfg.lr });
  return () => {
    opt.zeroGrad();
    const loss = crossEntropy(net.forward(xs), ys);
    loss.backward();
    opt.step();
    return loss.item();
  };
}
