import { ElementwiseOptimizer, resolveOptions } from './optimizer';
import { type FloatArray, type ParamGroup, type ParamsInput, bufferLike } from './parameter';
import { checkBoolean, nonNegative, owner } from './validate';

/** Options of {@link RMSprop} (torch.optim.RMSprop's, camelCase, plus two lecture options). */
export interface RMSpropOptions {
  /** Learning rate η. Default 1e-2. */
  lr: number;
  /** Smoothing constant α of the squared-gradient average. Default 0.99. */
  alpha: number;
  /** ε added to the denominator. Default 1e-8. */
  eps: number;
  /** L2 penalty λ added to the gradient. Default 0. */
  weightDecay: number;
  /** Momentum factor μ. Default 0. */
  momentum: number;
  /** Normalise by the estimated variance (subtract the squared mean gradient). Default false. */
  centered: boolean;
  /** Maximize the objective instead of minimizing. Default false. */
  maximize: boolean;
  /**
   * ε inside the square root, $g/\sqrt{v + ε}$, as the optimizers seminar writes RMSprop, instead of
   * PyTorch's $g/(\sqrt v + ε)$. Not a PyTorch option. Default false.
   */
  epsInsideSqrt: boolean;
  /**
   * Starting value h₀ of the squared-gradient average (the optimizer exercise starts it at a small θ).
   * Not a PyTorch option (PyTorch starts at 0). Default 0.
   */
  initialAccumulatorValue: number;
}

/** State of one parameter under {@link RMSprop}. */
export type RMSpropState = {
  /** Steps taken. */
  step: number;
  /** Running average v of squared gradients. */
  squareAvg: FloatArray;
  /** Momentum buffer (momentum > 0 only), else `null`. */
  momentumBuffer: FloatArray | null;
  /** Running average of gradients (centered only), else `null`. */
  gradAvg: FloatArray | null;
};

const DEFAULTS: RMSpropOptions = {
  lr: 1e-2,
  alpha: 0.99,
  eps: 1e-8,
  weightDecay: 0,
  momentum: 0,
  centered: false,
  maximize: false,
  epsInsideSqrt: false,
  initialAccumulatorValue: 0,
};

/**
 * RMSprop (Hinton), exactly torch.optim.RMSprop:
 *
 * $v ← αv + (1−α)g²$; with centered $\bar g ← α\bar g + (1−α)g$ and $v̄ = v − \bar g²$;
 * $θ ← θ − η\, g/(\sqrt{v̄} + ε)$, or with momentum $b ← μb + g/(\sqrt{v̄} + ε),\ θ ← θ − ηb$.
 *
 * Lecture forms: the optimizers seminar's $Δθ = −αg/\sqrt{v + ε}$ (ρ = 0.99, ε = 1e-8) is
 * `{ lr: α, alpha: ρ, eps: ε, epsInsideSqrt: true }`; the optimizer exercise's $h_0 = θ,\ h ← αh + (1−α)g²,\
 * w ← w − εg/(\sqrt h + θ)$ is `{ lr: ε, alpha: α, eps: θ, initialAccumulatorValue: θ }`.
 *
 * Defaults: lr 1e-2, alpha 0.99, eps 1e-8, weightDecay 0, momentum 0, centered false,
 * maximize false, epsInsideSqrt false, initialAccumulatorValue 0.
 *
 * @example
 * ```ts
 * const opt = new RMSprop([w], { lr: 1e-3, alpha: 0.9 });
 * ```
 */
export class RMSprop extends ElementwiseOptimizer<RMSpropOptions, RMSpropState> {
  constructor(params: ParamsInput<RMSpropOptions>, options?: Partial<RMSpropOptions>) {
    super('RMSprop', params, resolveOptions('RMSprop', options, DEFAULTS));
  }

  protected validate(o: RMSpropOptions, where: string): void {
    const n = owner('RMSprop', where);
    nonNegative(n, 'lr', o.lr);
    nonNegative(n, 'eps', o.eps);
    nonNegative(n, 'momentum', o.momentum);
    nonNegative(n, 'weightDecay', o.weightDecay);
    nonNegative(n, 'alpha', o.alpha);
    checkBoolean(n, 'centered', o.centered);
    checkBoolean(n, 'maximize', o.maximize);
    checkBoolean(n, 'epsInsideSqrt', o.epsInsideSqrt);
    nonNegative(n, 'initialAccumulatorValue', o.initialAccumulatorValue);
  }

  protected initState(p: FloatArray, o: ParamGroup<RMSpropOptions>): RMSpropState {
    return {
      step: 0,
      squareAvg: bufferLike(p, o.initialAccumulatorValue),
      momentumBuffer: o.momentum > 0 ? bufferLike(p) : null,
      gradAvg: o.centered ? bufferLike(p) : null,
    };
  }

  protected update(
    p: FloatArray,
    g: FloatArray,
    s: RMSpropState,
    o: ParamGroup<RMSpropOptions>,
  ): void {
    s.step++;
    const { lr, alpha, eps, weightDecay: wd, momentum } = o;
    const negLr = -lr;
    const c = 1 - alpha;
    const sign = o.maximize ? -1 : 1;
    const inside = o.epsInsideSqrt;
    const sq = s.squareAvg;
    const ga = o.centered ? (s.gradAvg ??= bufferLike(p)) : null;
    const buf = momentum > 0 ? (s.momentumBuffer ??= bufferLike(p)) : null;
    for (let i = 0, n = p.length; i < n; i++) {
      let gi = sign * g[i];
      if (wd !== 0) gi = gi + wd * p[i];
      sq[i] = sq[i] * alpha + c * gi * gi;
      let v = sq[i];
      if (ga !== null) {
        ga[i] = ga[i] * alpha + c * gi;
        v = v + -ga[i] * ga[i];
      }
      const avg = inside ? Math.sqrt(v + eps) : Math.sqrt(v) + eps;
      if (buf !== null) {
        buf[i] = buf[i] * momentum + gi / avg;
        p[i] = p[i] + negLr * buf[i];
      } else {
        p[i] = p[i] + (negLr * gi) / avg;
      }
    }
  }
}
