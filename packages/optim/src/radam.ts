import { ElementwiseOptimizer, resolveOptions } from './optimizer';
import { type FloatArray, type ParamGroup, type ParamsInput, bufferLike } from './parameter';
import { checkBoolean, checkPair, inInterval, nonNegative, owner } from './validate';

/** Options of {@link RAdam} (torch.optim.RAdam's, camelCase). */
export interface RAdamOptions {
  /** Learning rate α. Default 1e-3. */
  lr: number;
  /** Decay rates [β₁, β₂] of the moment averages. Default [0.9, 0.999]. */
  betas: [number, number];
  /** ε added to the denominator. Default 1e-8. */
  eps: number;
  /** L2 penalty λ added to the gradient. Default 0. */
  weightDecay: number;
  /**
   * Maximize the objective instead of minimizing (PyTorch ≥ 2.0 has it; 1.13 does not).
   * Default false.
   */
  maximize: boolean;
}

/** State of one parameter under {@link RAdam}. */
export type RAdamState = {
  /** Steps taken. */
  step: number;
  /** First moment m. */
  expAvg: FloatArray;
  /** Second moment v. */
  expAvgSq: FloatArray;
};

const DEFAULTS: RAdamOptions = {
  lr: 1e-3,
  betas: [0.9, 0.999],
  eps: 1e-8,
  weightDecay: 0,
  maximize: false,
};

/**
 * RAdam (Liu et al., rectified Adam), exactly torch.optim.RAdam: while the variance estimate is
 * unreliable ($ρ_t ≤ 5$) it takes momentum SGD steps, afterwards rectified Adam steps:
 *
 * $ρ_∞ = 2/(1−β₂) − 1$, $ρ_t = ρ_∞ − 2tβ₂^t/(1−β₂^t)$, $\hat m = m/(1−β₁^t)$;
 * if $ρ_t > 5$: $r = \sqrt{\frac{(ρ_t−4)(ρ_t−2)ρ_∞}{(ρ_∞−4)(ρ_∞−2)ρ_t}}$,
 * $θ ← θ − α\hat m\,r\sqrt{1−β₂^t}/(\sqrt v + ε)$; else $θ ← θ − α\hat m$.
 *
 * Defaults: lr 1e-3, betas [0.9, 0.999], eps 1e-8, weightDecay 0, maximize false.
 *
 * @example
 * ```ts
 * const opt = new RAdam([w], { lr: 1e-3 });
 * ```
 */
export class RAdam extends ElementwiseOptimizer<RAdamOptions, RAdamState> {
  constructor(params: ParamsInput<RAdamOptions>, options?: Partial<RAdamOptions>) {
    super('RAdam', params, resolveOptions('RAdam', options, DEFAULTS));
  }

  protected validate(o: RAdamOptions, where: string): void {
    const n = owner('RAdam', where);
    nonNegative(n, 'lr', o.lr);
    nonNegative(n, 'eps', o.eps);
    const [b1, b2] = checkPair(n, 'betas', o.betas);
    inInterval(n, 'betas[0]', b1, 0, 1);
    inInterval(n, 'betas[1]', b2, 0, 1);
    nonNegative(n, 'weightDecay', o.weightDecay);
    checkBoolean(n, 'maximize', o.maximize);
  }

  protected initState(p: FloatArray): RAdamState {
    return { step: 0, expAvg: bufferLike(p), expAvgSq: bufferLike(p) };
  }

  protected update(p: FloatArray, g: FloatArray, s: RAdamState, o: ParamGroup<RAdamOptions>): void {
    const [beta1, beta2] = o.betas;
    const { lr, eps, weightDecay: wd } = o;
    const step = ++s.step;
    const bc1 = 1 - beta1 ** step;
    const bc2 = 1 - beta2 ** step;
    const rhoInf = 2 / (1 - beta2) - 1;
    const rhoT = rhoInf - (2 * step * beta2 ** step) / bc2;
    const rectified = rhoT > 5;
    const rect = rectified
      ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT))
      : 0;
    const bc2Sqrt = Math.sqrt(bc2);
    const c1 = 1 - beta1;
    const c2 = 1 - beta2;
    const sign = o.maximize ? -1 : 1;
    const m = s.expAvg;
    const v = s.expAvgSq;
    for (let i = 0, n = p.length; i < n; i++) {
      let gi = sign * g[i];
      if (wd !== 0) gi = gi + wd * p[i];
      m[i] = m[i] * beta1 + c1 * gi;
      v[i] = v[i] * beta2 + c2 * gi * gi;
      const mHat = m[i] / bc1;
      if (rectified) {
        const adaptiveLr = bc2Sqrt / (Math.sqrt(v[i]) + eps);
        p[i] = p[i] - mHat * lr * adaptiveLr * rect;
      } else {
        p[i] = p[i] - mHat * lr;
      }
    }
  }
}
