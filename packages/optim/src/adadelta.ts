import { ElementwiseOptimizer, resolveOptions } from './optimizer';
import { type FloatArray, type ParamGroup, type ParamsInput, bufferLike } from './parameter';
import { checkBoolean, inInterval, nonNegative, owner } from './validate';

/** Options of {@link Adadelta} (torch.optim.Adadelta's, camelCase). */
export interface AdadeltaOptions {
  /** Coefficient η scaling the delta. Default 1.0. */
  lr: number;
  /** Decay ρ of the running averages. Default 0.9. */
  rho: number;
  /** ε inside both square roots. Default 1e-6. */
  eps: number;
  /** L2 penalty λ added to the gradient. Default 0. */
  weightDecay: number;
  /** Maximize the objective instead of minimizing. Default false. */
  maximize: boolean;
}

/** State of one parameter under {@link Adadelta}. */
export type AdadeltaState = {
  /** Steps taken. */
  step: number;
  /** Running average of squared gradients. */
  squareAvg: FloatArray;
  /** Running average of squared updates. */
  accDelta: FloatArray;
};

const DEFAULTS: AdadeltaOptions = { lr: 1, rho: 0.9, eps: 1e-6, weightDecay: 0, maximize: false };

/**
 * Adadelta (Zeiler), exactly torch.optim.Adadelta:
 *
 * $v ← ρv + (1−ρ)g²$, $Δ = \frac{\sqrt{u + ε}}{\sqrt{v + ε}}\, g$, $u ← ρu + (1−ρ)Δ²$,
 * $θ ← θ − ηΔ$.
 *
 * Defaults: lr 1.0, rho 0.9, eps 1e-6, weightDecay 0, maximize false.
 *
 * @example
 * ```ts
 * const opt = new Adadelta([w]);
 * ```
 */
export class Adadelta extends ElementwiseOptimizer<AdadeltaOptions, AdadeltaState> {
  constructor(params: ParamsInput<AdadeltaOptions>, options?: Partial<AdadeltaOptions>) {
    super('Adadelta', params, resolveOptions('Adadelta', options, DEFAULTS));
  }

  protected validate(o: AdadeltaOptions, where: string): void {
    const n = owner('Adadelta', where);
    nonNegative(n, 'lr', o.lr);
    inInterval(n, 'rho', o.rho, 0, 1, true);
    nonNegative(n, 'eps', o.eps);
    nonNegative(n, 'weightDecay', o.weightDecay);
    checkBoolean(n, 'maximize', o.maximize);
  }

  protected initState(p: FloatArray): AdadeltaState {
    return { step: 0, squareAvg: bufferLike(p), accDelta: bufferLike(p) };
  }

  protected update(
    p: FloatArray,
    g: FloatArray,
    s: AdadeltaState,
    o: ParamGroup<AdadeltaOptions>,
  ): void {
    s.step++;
    const { rho, eps, weightDecay: wd } = o;
    const negLr = -o.lr;
    const c = 1 - rho;
    const sign = o.maximize ? -1 : 1;
    const sq = s.squareAvg;
    const acc = s.accDelta;
    for (let i = 0, n = p.length; i < n; i++) {
      let gi = sign * g[i];
      if (wd !== 0) gi = gi + wd * p[i];
      sq[i] = sq[i] * rho + c * gi * gi;
      const delta = (Math.sqrt(acc[i] + eps) / Math.sqrt(sq[i] + eps)) * gi;
      acc[i] = acc[i] * rho + c * delta * delta;
      p[i] = p[i] + negLr * delta;
    }
  }
}
