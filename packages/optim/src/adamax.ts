import { ElementwiseOptimizer, resolveOptions } from './optimizer';
import { type FloatArray, type ParamGroup, type ParamsInput, bufferLike } from './parameter';
import { checkBoolean, checkPair, inInterval, nonNegative, owner } from './validate';

/** Options of {@link Adamax} (torch.optim.Adamax's, camelCase). */
export interface AdamaxOptions {
  /** Learning rate α. Default 2e-3. */
  lr: number;
  /** Decay rates [β₁, β₂] of the first moment and the infinity norm. Default [0.9, 0.999]. */
  betas: [number, number];
  /** ε added to |g| in the infinity norm. Default 1e-8. */
  eps: number;
  /** L2 penalty λ added to the gradient. Default 0. */
  weightDecay: number;
  /** Maximize the objective instead of minimizing. Default false. */
  maximize: boolean;
}

/** State of one parameter under {@link Adamax}. */
export type AdamaxState = {
  /** Steps taken. */
  step: number;
  /** First moment m. */
  expAvg: FloatArray;
  /** Exponentially weighted infinity norm u. */
  expInf: FloatArray;
};

const DEFAULTS: AdamaxOptions = {
  lr: 2e-3,
  betas: [0.9, 0.999],
  eps: 1e-8,
  weightDecay: 0,
  maximize: false,
};

/**
 * Adamax (Kingma & Ba, the infinity-norm variant of Adam), exactly torch.optim.Adamax:
 *
 * $m ← β₁m + (1−β₁)g$, $u ← \max(β₂u, |g| + ε)$, $θ ← θ − \frac{α}{1−β₁^t}\, m/u$.
 *
 * Defaults: lr 2e-3, betas [0.9, 0.999], eps 1e-8, weightDecay 0, maximize false.
 *
 * @example
 * ```ts
 * const opt = new Adamax([w], { lr: 2e-3 });
 * ```
 */
export class Adamax extends ElementwiseOptimizer<AdamaxOptions, AdamaxState> {
  constructor(params: ParamsInput<AdamaxOptions>, options?: Partial<AdamaxOptions>) {
    super('Adamax', params, resolveOptions('Adamax', options, DEFAULTS));
  }

  protected validate(o: AdamaxOptions, where: string): void {
    const n = owner('Adamax', where);
    nonNegative(n, 'lr', o.lr);
    nonNegative(n, 'eps', o.eps);
    const [b1, b2] = checkPair(n, 'betas', o.betas);
    inInterval(n, 'betas[0]', b1, 0, 1);
    inInterval(n, 'betas[1]', b2, 0, 1);
    nonNegative(n, 'weightDecay', o.weightDecay);
    checkBoolean(n, 'maximize', o.maximize);
  }

  protected initState(p: FloatArray): AdamaxState {
    return { step: 0, expAvg: bufferLike(p), expInf: bufferLike(p) };
  }

  protected update(
    p: FloatArray,
    g: FloatArray,
    s: AdamaxState,
    o: ParamGroup<AdamaxOptions>,
  ): void {
    const [beta1, beta2] = o.betas;
    const { eps, weightDecay: wd } = o;
    const step = ++s.step;
    const negClr = -(o.lr / (1 - beta1 ** step));
    const c1 = 1 - beta1;
    const sign = o.maximize ? -1 : 1;
    const m = s.expAvg;
    const u = s.expInf;
    for (let i = 0, n = p.length; i < n; i++) {
      let gi = sign * g[i];
      if (wd !== 0) gi = gi + wd * p[i];
      m[i] = m[i] * beta1 + c1 * gi;
      u[i] = Math.max(u[i] * beta2, Math.abs(gi) + eps);
      p[i] = p[i] + (negClr * m[i]) / u[i];
    }
  }
}
