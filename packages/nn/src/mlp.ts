import { GdRangeError } from '@gd/errors';
import type { DType, Generator } from '@gd/tensor';
import { GELU } from './gelu';
import { LeakyReLU, ReLU, Sigmoid, Tanh } from './activations';
import { BatchNorm1d } from './batch-norm';
import { Dropout } from './dropout';
import type { Nonlinearity } from './init';
import { Linear, type LinearInit } from './linear';
import type { Module } from './module';
import { Sequential } from './sequential';

/** Hidden-layer activations {@link mlp} can use. */
export type Activation = 'relu' | 'sigmoid' | 'tanh' | 'leakyRelu' | 'gelu';

/** Options of {@link mlp}. */
export interface MlpOptions {
  /** Activation after each hidden layer. Default 'relu' (the lecture's MultiLayerNet default). */
  activation?: Activation;
  /** Linear weight init (see `LinearInit`). Default 'default' (PyTorch's). */
  init?: LinearInit;
  /** Std for `init: 'normal'` — the lecture's `weight_init_std`. Default 0.01. */
  std?: number;
  /** Insert BatchNorm1d between each hidden Linear and its activation. Default false. */
  batchNorm?: boolean;
  /** Dropout probability after each hidden activation; 0 (default) adds none. */
  dropout?: number;
  /** Parameter dtype. Default 'float32'. */
  dtype?: DType;
  /** Random source for init and dropout; default the global generator. */
  generator?: Generator;
}

function activationModule(name: Activation): Module {
  switch (name) {
    case 'relu':
      return new ReLU();
    case 'sigmoid':
      return new Sigmoid();
    case 'tanh':
      return new Tanh();
    case 'leakyRelu':
      return new LeakyReLU();
    case 'gelu':
      return new GELU();
    default:
      throw new GdRangeError(
        `mlp: unknown activation '${String(name)}'; use relu, sigmoid, tanh, leakyRelu or gelu`,
      );
  }
}

const KAIMING_GAIN: Record<Activation, Nonlinearity> = {
  relu: 'relu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  leakyRelu: 'leakyRelu',
  gelu: 'relu',
};

/**
 * A multi-layer perceptron — the lecture's MultiLayerNet (the optimizer exercise):
 * `sizes = [784, 40, 20, 10]` gives Linear(784→40) → [BatchNorm1d] → act → [Dropout] →
 * Linear(40→20) → … → Linear(20→10), the last layer bare (it returns logits/scores; pair it with
 * `crossEntropy`). The lecture's network is
 * `mlp([784, 40, 20, 10], { activation: 'sigmoid', init: 'normal', std: 0.01, batchNorm })`.
 *
 * @example
 * ```ts
 * const net = mlp([784, 40, 20, 10], { activation: 'sigmoid', init: 'normal', std: 0.01 });
 * net.forward(randn([100, 784])).shape; // [100, 10]
 * ```
 */
export function mlp(sizes: readonly number[], opts: MlpOptions = {}): Sequential {
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new GdRangeError(
      `mlp: sizes must list at least the input and output sizes, e.g. [784, 40, 20, 10], got [${String(sizes)}]`,
    );
  }
  const activation = opts.activation ?? 'relu';
  activationModule(activation);
  const dropout = opts.dropout ?? 0;
  const net = new Sequential();
  for (let i = 0; i + 1 < sizes.length; i++) {
    net.append(
      new Linear(sizes[i], sizes[i + 1], {
        init: opts.init,
        std: opts.std,
        nonlinearity: KAIMING_GAIN[activation],
        dtype: opts.dtype,
        generator: opts.generator,
      }),
    );
    if (i + 2 === sizes.length) break;
    if (opts.batchNorm) net.append(new BatchNorm1d(sizes[i + 1], { dtype: opts.dtype }));
    net.append(activationModule(activation));
    if (dropout > 0) net.append(new Dropout(dropout, { generator: opts.generator }));
  }
  return net;
}
