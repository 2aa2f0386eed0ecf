import { GdRangeError } from '@gd/errors';
import { type Var, linear, variable } from '@gd/autodiff';
import { type DType, type Generator, ShapeError, type Tensor, zeros } from '@gd/tensor';
import {
  type Nonlinearity,
  kaimingNormal,
  kaimingUniform,
  normalInit,
  uniformInit,
  xavierNormal,
  xavierUniform,
} from './init';
import { Module, type ModuleInput } from './module';

/**
 * How {@link Linear} initialises its weight:
 * - `'default'` — PyTorch's: W ~ kaiming_uniform(a = √5) = U(−1/√in, 1/√in), b ~ U(−1/√in, 1/√in);
 * - `'normal'` — W ~ N(0, std²) (the lectures' `weight_init_std`, default std 0.01), b = 0;
 * - `'xavierUniform'`, `'xavierNormal'` — Glorot (gain option), b = 0;
 * - `'kaimingUniform'`, `'kaimingNormal'` — He (nonlinearity option, default 'relu'), b = 0;
 * - a function `(shape) => Tensor` returning the weight, b = 0.
 */
export type LinearInit =
  | 'default'
  | 'normal'
  | 'xavierUniform'
  | 'xavierNormal'
  | 'kaimingUniform'
  | 'kaimingNormal'
  | ((shape: readonly number[]) => Tensor);

/** Options of {@link Linear}. */
export interface LinearOptions {
  /** Add a learnable bias b. Default true. */
  bias?: boolean;
  /** Weight initialisation, see {@link LinearInit}. Default 'default' (PyTorch's). */
  init?: LinearInit;
  /** Standard deviation for `init: 'normal'`. Default 0.01. */
  std?: number;
  /** Gain for the Xavier inits. Default 1. */
  gain?: number;
  /** Non-linearity for the Kaiming inits. Default 'relu'. */
  nonlinearity?: Nonlinearity;
  /** Parameter dtype. Default 'float32'. */
  dtype?: DType;
  /** Random source for the init; default the global generator (`manualSeed`). */
  generator?: Generator;
}

/**
 * A fully connected (affine) layer, as `torch.nn.Linear`: $y = xW^\top + b$ with weight
 * W of shape [out, in] and bias b of shape [out]; x is [..., in]. Per example this is the cs231n
 * score function $f(x; W) = Wx + b$.
 *
 * @example
 * ```ts
 * const fc = new Linear(784, 40, { init: 'normal', std: 0.01 });
 * fc.forward(randn([100, 784])).shape; // [100, 40]
 * ```
 */
export class Linear extends Module {
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** [out, in]. */
  readonly weight: Var;
  /** [out], or null with `bias: false`. */
  readonly bias: Var | null;

  constructor(inFeatures: number, outFeatures: number, opts: LinearOptions = {}) {
    super();
    for (const [name, v] of [
      ['inFeatures', inFeatures],
      ['outFeatures', outFeatures],
    ] as const) {
      if (!Number.isInteger(v) || v < 1) {
        throw new GdRangeError(`Linear: ${name} must be a positive integer, got ${v}`);
      }
    }
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    const { weight, bias } = initLinear(inFeatures, outFeatures, opts);
    this.weight = this.registerParameter('weight', variable(weight));
    this.bias = this.registerParameter('bias', bias === null ? null : variable(bias));
  }

  forward(input: ModuleInput): Var {
    const x = Module.asVar(input);
    if (x.ndim === 0 || x.shape[x.ndim - 1] !== this.inFeatures) {
      throw new ShapeError(
        `Linear: input of shape [${x.shape.join(', ')}] has ${x.ndim === 0 ? 'no feature axis' : `${x.shape[x.ndim - 1]} features`}, the layer expects [..., ${this.inFeatures}]`,
      );
    }
    return linear(x, this.weight, this.bias);
  }

  protected override extraRepr(): string {
    return `inFeatures=${this.inFeatures}, outFeatures=${this.outFeatures}, bias=${this.bias !== null}`;
  }
}

function initLinear(
  inF: number,
  outF: number,
  opts: LinearOptions,
): { weight: Tensor; bias: Tensor | null } {
  const shape = [outF, inF];
  const r = { dtype: opts.dtype ?? 'float32', generator: opts.generator };
  const init = opts.init ?? 'default';
  const useBias = opts.bias ?? true;
  let weight: Tensor;
  switch (init) {
    case 'default': {
      // kaiming_uniform(a = √5) reduces to U(−1/√fanIn, 1/√fanIn); bias uses the same bound.
      weight = kaimingUniform(shape, { ...r, a: Math.sqrt(5), nonlinearity: 'leakyRelu' });
      const bound = 1 / Math.sqrt(inF);
      return { weight, bias: useBias ? uniformInit([outF], -bound, bound, r) : null };
    }
    case 'normal':
      weight = normalInit(shape, { ...r, std: opts.std ?? 0.01 });
      break;
    case 'xavierUniform':
      weight = xavierUniform(shape, { ...r, gain: opts.gain });
      break;
    case 'xavierNormal':
      weight = xavierNormal(shape, { ...r, gain: opts.gain });
      break;
    case 'kaimingUniform':
      weight = kaimingUniform(shape, { ...r, nonlinearity: opts.nonlinearity ?? 'relu' });
      break;
    case 'kaimingNormal':
      weight = kaimingNormal(shape, { ...r, nonlinearity: opts.nonlinearity ?? 'relu' });
      break;
    default:
      if (typeof init !== 'function') {
        throw new GdRangeError(
          `Linear: unknown init '${String(init)}'; use default, normal, xavierUniform, xavierNormal, kaimingUniform, kaimingNormal or a function`,
        );
      }
      weight = init(shape);
      if (weight.shape.length !== 2 || weight.shape[0] !== outF || weight.shape[1] !== inF) {
        throw new ShapeError(
          `Linear: init function returned shape [${weight.shape.join(', ')}], expected [${outF}, ${inF}]`,
        );
      }
  }
  return { weight, bias: useBias ? zeros([outF], { dtype: r.dtype }) : null };
}
