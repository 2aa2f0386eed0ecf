import { GdRangeError } from '@gd/errors';
import { type DType, type Generator, type Tensor, ShapeError, normal, uniform } from '@gd/tensor';

/** Options every initialiser takes. */
export interface InitOptions {
  /** Element type of the result. Default 'float32'. */
  dtype?: DType;
  /** Random source; the global generator (seeded by `manualSeed`) when omitted. */
  generator?: Generator;
}

/** Non-linearities {@link calculateGain} knows (PyTorch's names; `'leaky_relu'` also accepted). */
export type Nonlinearity =
  | 'linear'
  | 'identity'
  | 'sigmoid'
  | 'tanh'
  | 'relu'
  | 'leakyRelu'
  | 'leaky_relu'
  | 'selu';

/** Which fan Kaiming initialisation preserves: `'fanIn'` (forward pass) or `'fanOut'` (backward). */
export type FanMode = 'fanIn' | 'fanOut';

/**
 * The recommended gain for a non-linearity, as `torch.nn.init.calculate_gain`: linear/sigmoid 1,
 * tanh 5/3, relu √2, leaky ReLU √(2 / (1 + slope²)) (slope default 0.01), SELU 3/4.
 *
 * @example
 * ```ts
 * calculateGain('relu'); // 1.4142135623730951
 * ```
 */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  switch (nonlinearity) {
    case 'linear':
    case 'identity':
    case 'sigmoid':
      return 1;
    case 'tanh':
      return 5 / 3;
    case 'relu':
      return Math.SQRT2;
    case 'leakyRelu':
    case 'leaky_relu': {
      const slope = param ?? 0.01;
      return Math.sqrt(2 / (1 + slope * slope));
    }
    case 'selu':
      return 3 / 4;
    default:
      throw new GdRangeError(
        `calculateGain: unknown nonlinearity '${String(nonlinearity)}'; use linear, sigmoid, tanh, relu, leakyRelu or selu`,
      );
  }
}

/**
 * Fan-in and fan-out of a weight of `shape` `[out, in, ...receptive]`, as PyTorch computes them:
 * fanIn = in·∏receptive, fanOut = out·∏receptive. Needs at least 2 axes.
 *
 * @example
 * ```ts
 * fans([40, 784]); // { fanIn: 784, fanOut: 40 }
 * ```
 */
export function fans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length < 2) {
    throw new ShapeError(
      `fans: fan-in and fan-out need a weight with at least 2 axes, got shape [${shape.join(', ')}]`,
    );
  }
  const receptive = shape.slice(2).reduce((a, b) => a * b, 1);
  return { fanIn: shape[1] * receptive, fanOut: shape[0] * receptive };
}

function checkPositive(op: string, name: string, v: number): void {
  if (!(v > 0) || !Number.isFinite(v)) {
    throw new GdRangeError(`${op}: ${name} must be a positive finite number, got ${v}`);
  }
}

/**
 * Samples U(low, high) of `shape` (`torch.nn.init.uniform_`).
 *
 * @example
 * ```ts
 * uniformInit([3, 2], -0.1, 0.1, { generator: new Generator(0) });
 * ```
 */
export function uniformInit(
  shape: readonly number[],
  low: number,
  high: number,
  opts: InitOptions = {},
): Tensor {
  if (!(high >= low)) {
    throw new GdRangeError(`uniformInit: need low ≤ high, got low=${low}, high=${high}`);
  }
  return uniform(low, high, shape, opts);
}

/**
 * Samples N(mean, std²) of `shape` (`torch.nn.init.normal_`); the lectures' MultiLayerNet uses
 * std = weight_init_std = 0.01.
 *
 * @example
 * ```ts
 * normalInit([40, 784], { std: 0.01 });
 * ```
 */
export function normalInit(
  shape: readonly number[],
  opts: InitOptions & { mean?: number; std?: number } = {},
): Tensor {
  const std = opts.std ?? 1;
  if (!(std >= 0) || !Number.isFinite(std)) {
    throw new GdRangeError(`normalInit: std must be a finite number ≥ 0, got ${std}`);
  }
  return normal(opts.mean ?? 0, std, shape, opts);
}

/**
 * Xavier/Glorot uniform: U(−a, a) with a = gain·√(6 / (fanIn + fanOut)). Default gain 1.
 *
 * @example
 * ```ts
 * xavierUniform([20, 40]);
 * ```
 */
export function xavierUniform(
  shape: readonly number[],
  opts: InitOptions & { gain?: number } = {},
): Tensor {
  const { fanIn, fanOut } = fans(shape);
  const gain = opts.gain ?? 1;
  checkPositive('xavierUniform', 'gain', gain);
  const a = gain * Math.sqrt(6 / (fanIn + fanOut));
  return uniform(-a, a, shape, opts);
}

/**
 * Xavier/Glorot normal: N(0, std²) with std = gain·√(2 / (fanIn + fanOut)). Default gain 1.
 *
 * @example
 * ```ts
 * xavierNormal([20, 40], { gain: calculateGain('tanh') });
 * ```
 */
export function xavierNormal(
  shape: readonly number[],
  opts: InitOptions & { gain?: number } = {},
): Tensor {
  const { fanIn, fanOut } = fans(shape);
  const gain = opts.gain ?? 1;
  checkPositive('xavierNormal', 'gain', gain);
  return normal(0, gain * Math.sqrt(2 / (fanIn + fanOut)), shape, opts);
}

/** Options of the Kaiming (He) initialisers, PyTorch's defaults. */
export interface KaimingOptions extends InitOptions {
  /** Negative slope of the leaky ReLU that follows (only for leakyRelu). Default 0. */
  a?: number;
  /** Default 'fanIn'. */
  mode?: FanMode;
  /** Default 'leakyRelu' (with a = 0 this is ReLU's gain √2). */
  nonlinearity?: Nonlinearity;
}

function kaimingStd(op: string, shape: readonly number[], opts: KaimingOptions): number {
  const { fanIn, fanOut } = fans(shape);
  const mode = opts.mode ?? 'fanIn';
  if (mode !== 'fanIn' && mode !== 'fanOut') {
    throw new GdRangeError(`${op}: mode must be 'fanIn' or 'fanOut', got '${String(mode)}'`);
  }
  const gain = calculateGain(opts.nonlinearity ?? 'leakyRelu', opts.a ?? 0);
  return gain / Math.sqrt(mode === 'fanIn' ? fanIn : fanOut);
}

/**
 * Kaiming/He uniform: U(−b, b) with b = gain·√(3 / fan), gain from {@link calculateGain}
 * (`nonlinearity`, `a`), fan = fanIn or fanOut (`mode`).
 *
 * @example
 * ```ts
 * kaimingUniform([40, 784], { nonlinearity: 'relu' });
 * ```
 */
export function kaimingUniform(shape: readonly number[], opts: KaimingOptions = {}): Tensor {
  const bound = Math.sqrt(3) * kaimingStd('kaimingUniform', shape, opts);
  return uniform(-bound, bound, shape, opts);
}

/**
 * Kaiming/He normal: N(0, std²) with std = gain / √fan.
 *
 * @example
 * ```ts
 * kaimingNormal([40, 784], { nonlinearity: 'relu' }); // std = √(2 / 784)
 * ```
 */
export function kaimingNormal(shape: readonly number[], opts: KaimingOptions = {}): Tensor {
  return normal(0, kaimingStd('kaimingNormal', shape, opts), shape, opts);
}
