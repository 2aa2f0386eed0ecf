import { fusedAdam } from '@gd/tensor';
import { ElementwiseOptimizer, resolveOptions } from './optimizer';
import { type FloatArray, type ParamGroup, type ParamsInput, bufferLike } from './parameter';
import { checkBoolean, checkOneOf, checkPair, inInterval, nonNegative } from './validate';

/**
 * How Adam corrects the bias of its zero-initialised moments: `'step'` divides by $1 − β^t$ (the
 * paper's and PyTorch's), `'constant'` by $1 − β$ without the power t (the optimizer exercise's
 * $\hat m = m/(1−ρ_1)$, $\hat v = v/(1−ρ_2)$), `'none'` not at all.
 */
export type AdamBiasCorrection = 'step' | 'constant' | 'none';

const BIAS_CORRECTIONS: readonly AdamBiasCorrection[] = ['step', 'constant', 'none'];

/** Options of {@link Adam} (torch.optim.Adam's, camelCase, plus `epsInsideSqrt`). */
export interface AdamOptions {
  /** Learning rate α. Default 1e-3. */
  lr: number;
  /** Decay rates [β₁, β₂] of the first and second moment averages. Default [0.9, 0.999]. */
  betas: [number, number];
  /** ε added to the denominator for numerical stability. Default 1e-8. */
  eps: number;
  /** L2 penalty λ added to the gradient (coupled; see {@link AdamW} for decoupled). Default 0. */
  weightDecay: number;
  /** Use the running maximum of v (AMSGrad). Default false. */
  amsgrad: boolean;
  /** Maximize the objective instead of minimizing. Default false. */
  maximize: boolean;
  /**
   * Put ε inside the square root, $\sqrt{\hat v + ε}$, as the optimizers seminar writes Adam, instead of
   * PyTorch's $\sqrt{\hat v} + ε$. Not a PyTorch option. Default false.
   */
  epsInsideSqrt: boolean;
  /**
   * Bias correction of the moments: `'step'` ($1 − β^t$, PyTorch's), `'constant'` ($1 − β$, the
   * optimizer exercise's $\hat m = m/(1−ρ_1)$ without the power t) or `'none'`. Not a PyTorch option.
   * Default 'step'.
   */
  biasCorrection: AdamBiasCorrection;
}

/** State of one parameter under {@link Adam} / {@link AdamW}. */
export type AdamState = {
  /** Steps taken. */
  step: number;
  /** First moment m. */
  expAvg: FloatArray;
  /** Second moment v. */
  expAvgSq: FloatArray;
  /** Running maximum of v (AMSGrad only), else `null`. */
  maxExpAvgSq: FloatArray | null;
};

/** Adam's defaults, shared with AdamW (which changes weightDecay). */
export const ADAM_DEFAULTS: AdamOptions = {
  lr: 1e-3,
  betas: [0.9, 0.999],
  eps: 1e-8,
  weightDecay: 0,
  amsgrad: false,
  maximize: false,
  epsInsideSqrt: false,
  biasCorrection: 'step',
};

/** Constructor checks shared by Adam and AdamW, with PyTorch's ranges. */
export function validateAdam(n: string, o: AdamOptions): void {
  nonNegative(n, 'lr', o.lr);
  nonNegative(n, 'eps', o.eps);
  const [b1, b2] = checkPair(n, 'betas', o.betas);
  inInterval(n, 'betas[0]', b1, 0, 1);
  inInterval(n, 'betas[1]', b2, 0, 1);
  nonNegative(n, 'weightDecay', o.weightDecay);
  checkBoolean(n, 'amsgrad', o.amsgrad);
  checkBoolean(n, 'maximize', o.maximize);
  checkBoolean(n, 'epsInsideSqrt', o.epsInsideSqrt);
  checkOneOf(n, 'biasCorrection', o.biasCorrection, BIAS_CORRECTIONS);
}

/** Creates Adam's zeroed moment buffers for one parameter. */
export function initAdamState(p: FloatArray, o: AdamOptions): AdamState {
  return {
    step: 0,
    expAvg: bufferLike(p),
    expAvgSq: bufferLike(p),
    maxExpAvgSq: o.amsgrad ? bufferLike(p) : null,
  };
}

/**
 * The Adam update of one parameter, in place, one fused pass — PyTorch 1.13's single-tensor
 * formula operation for operation, so float64 runs agree to the last bits:
 *
 * $t ← t+1$; $g ← ∇f(θ) + λ_c θ$; $θ ← θ(1 − αλ_d)$;
 * $m ← β₁m + (1−β₁)g$; $v ← β₂v + (1−β₂)g²$ ($\hat v = \max(\hat v, v)$ with AMSGrad);
 * $θ ← θ − \frac{α}{1−β₁^t} · \frac{m}{\sqrt{v}/\sqrt{1−β₂^t} + ε}$.
 *
 * With `biasCorrection: 'constant'` the corrections are $1−β₁$ and $1−β₂$, with `'none'` 1.
 *
 * `coupledDecay` λ_c is Adam's weightDecay; `decoupledDecay` λ_d is AdamW's. The loop is
 * @gd/tensor's `fusedAdam`: a WASM SIMD kernel on the `'wasm'` tier that gives the same
 * bits as its JS reference loop (the `'js'` tier), about 3× faster.
 */
export function adamUpdate(
  p: FloatArray,
  g: FloatArray,
  s: AdamState,
  o: AdamOptions,
  coupledDecay: number,
  decoupledDecay: number,
): void {
  const step = ++s.step;
  // amsgrad may be switched on after the state was created; its maximum then starts at 0.
  const vmax = o.amsgrad ? (s.maxExpAvgSq ??= bufferLike(p)) : null;
  fusedAdam(p, g, s.expAvg, s.expAvgSq, vmax, {
    step,
    lr: o.lr,
    betas: o.betas,
    eps: o.eps,
    weightDecay: coupledDecay,
    decoupledWeightDecay: decoupledDecay,
    maximize: o.maximize,
    epsInsideSqrt: o.epsInsideSqrt,
    biasCorrection: o.biasCorrection,
  });
}

/**
 * Adam (Kingma & Ba), exactly torch.optim.Adam:
 *
 * $m ← β₁m + (1−β₁)g,\ v ← β₂v + (1−β₂)g²,\ θ ← θ − α\frac{m/(1−β₁^t)}{\sqrt{v/(1−β₂^t)} + ε}$
 * with $g = ∇f(θ) + λθ$ when weightDecay λ ≠ 0, and $v$ replaced by its running maximum with
 * amsgrad.
 *
 * Lecture forms: the optimizer exercise's $\hat m = m/(1−ρ₁),\ \hat v = v/(1−ρ₂),\
 * w ← w − η\hat m/(\sqrt{\hat v} + ε)$ (no power t in the corrections) is
 * `{ lr: η, betas: [ρ₁, ρ₂], eps: ε, biasCorrection: 'constant' }`; the optimizers seminar's $Δθ = −α\hat m/\sqrt{\hat v + ε}$ is `{ epsInsideSqrt: true }`.
 *
 * Defaults: lr 1e-3, betas [0.9, 0.999], eps 1e-8, weightDecay 0, amsgrad false, maximize false,
 * epsInsideSqrt false, biasCorrection 'step'.
 *
 * @example
 * ```ts
 * const opt = new Adam([w], { lr: 1e-3 });
 * opt.zeroGrad(); loss(w).backward(); opt.step();
 * ```
 */
export class Adam extends ElementwiseOptimizer<AdamOptions, AdamState> {
  constructor(params: ParamsInput<AdamOptions>, options?: Partial<AdamOptions>) {
    super('Adam', params, resolveOptions('Adam', options, ADAM_DEFAULTS));
  }

  protected validate(o: AdamOptions, where: string): void {
    validateAdam(where === 'options' ? 'Adam' : `Adam: ${where}`, o);
  }

  protected initState(p: FloatArray, o: ParamGroup<AdamOptions>): AdamState {
    return initAdamState(p, o);
  }

  protected update(p: FloatArray, g: FloatArray, s: AdamState, o: ParamGroup<AdamOptions>): void {
    adamUpdate(p, g, s, o, o.weightDecay, 0);
  }
}
