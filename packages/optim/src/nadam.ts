import { ElementwiseOptimizer, resolveOptions } from './optimizer';
import { type FloatArray, type ParamGroup, type ParamsInput, bufferLike } from './parameter';
import { checkBoolean, checkPair, inInterval, nonNegative, owner } from './validate';

/** Options of {@link NAdam} (torch.optim.NAdam's, camelCase). */
export interface NAdamOptions {
  /** Learning rate α. Default 2e-3. */
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
  /** ψ in the momentum schedule $μ_t = β₁(1 − ½·0.96^{tψ})$. Default 4e-3. */
  momentumDecay: number;
}

/** State of one parameter under {@link NAdam}. */
export type NAdamState = {
  /** Steps taken. */
  step: number;
  /** Product of the momentum schedule $Π_{i≤t} μ_i$. */
  muProduct: number;
  /** First moment m. */
  expAvg: FloatArray;
  /** Second moment v. */
  expAvgSq: FloatArray;
};

const DEFAULTS: NAdamOptions = {
  lr: 2e-3,
  betas: [0.9, 0.999],
  eps: 1e-8,
  weightDecay: 0,
  momentumDecay: 4e-3,
  maximize: false,
};

/**
 * NAdam (Dozat: Adam with Nesterov momentum), exactly torch.optim.NAdam:
 *
 * $μ_t = β₁(1 − ½·0.96^{tψ})$, $m ← β₁m + (1−β₁)g$, $v ← β₂v + (1−β₂)g²$,
 * $θ ← θ − α\left[\frac{1−μ_t}{1−Π_{i≤t}μ_i} g + \frac{μ_{t+1}}{1−Π_{i≤t+1}μ_i} m\right] /
 * (\sqrt{v/(1−β₂^t)} + ε)$.
 *
 * Defaults: lr 2e-3, betas [0.9, 0.999], eps 1e-8, weightDecay 0, momentumDecay 4e-3,
 * maximize false.
 *
 * @example
 * ```ts
 * const opt = new NAdam([w]);
 * ```
 */
export class NAdam extends ElementwiseOptimizer<NAdamOptions, NAdamState> {
  constructor(params: ParamsInput<NAdamOptions>, options?: Partial<NAdamOptions>) {
    super('NAdam', params, resolveOptions('NAdam', options, DEFAULTS));
  }

  protected validate(o: NAdamOptions, where: string): void {
    const n = owner('NAdam', where);
    nonNegative(n, 'lr', o.lr);
    nonNegative(n, 'eps', o.eps);
    const [b1, b2] = checkPair(n, 'betas', o.betas);
    inInterval(n, 'betas[0]', b1, 0, 1);
    inInterval(n, 'betas[1]', b2, 0, 1);
    nonNegative(n, 'weightDecay', o.weightDecay);
    nonNegative(n, 'momentumDecay', o.momentumDecay);
    checkBoolean(n, 'maximize', o.maximize);
  }

  protected initState(p: FloatArray): NAdamState {
    return { step: 0, muProduct: 1, expAvg: bufferLike(p), expAvgSq: bufferLike(p) };
  }

  protected update(p: FloatArray, g: FloatArray, s: NAdamState, o: ParamGroup<NAdamOptions>): void {
    const [beta1, beta2] = o.betas;
    const { lr, eps, weightDecay: wd, momentumDecay: psi } = o;
    const step = ++s.step;
    const bc2 = 1 - beta2 ** step;
    const mu = beta1 * (1 - 0.5 * 0.96 ** (step * psi));
    const muNext = beta1 * (1 - 0.5 * 0.96 ** ((step + 1) * psi));
    s.muProduct *= mu;
    const muProductNext = s.muProduct * mu * muNext;
    const cg = (-lr * (1 - mu)) / (1 - s.muProduct);
    const cm = (-lr * muNext) / (1 - muProductNext);
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
      const denom = Math.sqrt(v[i] / bc2) + eps;
      p[i] = p[i] + (cg * gi) / denom;
      p[i] = p[i] + (cm * m[i]) / denom;
    }
  }
}
