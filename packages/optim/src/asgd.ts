import { ElementwiseOptimizer, resolveOptions } from './optimizer';
import { type FloatArray, type ParamGroup, type ParamsInput, bufferLike } from './parameter';
import { checkBoolean, checkNumber, nonNegative, owner } from './validate';

/** Options of {@link ASGD} (torch.optim.ASGD's, camelCase). */
export interface ASGDOptions {
  /** Learning rate η₀. Default 1e-2. */
  lr: number;
  /** Decay term λ. Default 1e-4. */
  lambd: number;
  /** Power α of the η decay. Default 0.75. */
  alpha: number;
  /** Step at which averaging starts. Default 1e6. */
  t0: number;
  /** L2 penalty added to the gradient. Default 0. */
  weightDecay: number;
  /** Maximize the objective instead of minimizing. Default false. */
  maximize: boolean;
}

/** State of one parameter under {@link ASGD}. */
export type ASGDState = {
  /** Steps taken. */
  step: number;
  /** Current step size η_t. */
  eta: number;
  /** Averaging coefficient μ_t. */
  mu: number;
  /** The averaged parameter $\bar θ$ (the estimate ASGD returns). */
  ax: FloatArray;
};

const DEFAULTS: ASGDOptions = {
  lr: 1e-2,
  lambd: 1e-4,
  alpha: 0.75,
  t0: 1e6,
  weightDecay: 0,
  maximize: false,
};

/**
 * Averaged SGD (Polyak & Juditsky), exactly torch.optim.ASGD:
 *
 * $θ ← θ(1 − λη_t) − η_t g$; $\bar θ ← \bar θ + μ_t(θ − \bar θ)$ (or $\bar θ ← θ$ while μ_t = 1);
 * then $η_{t+1} = η_0/(1 + λη_0 t)^α$, $μ_{t+1} = 1/\max(1, t − t_0)$.
 * The average is `state.get(p).ax`.
 *
 * Defaults: lr 1e-2, lambd 1e-4, alpha 0.75, t0 1e6, weightDecay 0, maximize false.
 *
 * @example
 * ```ts
 * const opt = new ASGD([w], { lr: 0.01, t0: 100 });
 * ```
 */
export class ASGD extends ElementwiseOptimizer<ASGDOptions, ASGDState> {
  constructor(params: ParamsInput<ASGDOptions>, options?: Partial<ASGDOptions>) {
    super('ASGD', params, resolveOptions('ASGD', options, DEFAULTS));
  }

  protected validate(o: ASGDOptions, where: string): void {
    const n = owner('ASGD', where);
    nonNegative(n, 'lr', o.lr);
    checkNumber(n, 'lambd', o.lambd);
    checkNumber(n, 'alpha', o.alpha);
    checkNumber(n, 't0', o.t0);
    nonNegative(n, 'weightDecay', o.weightDecay);
    checkBoolean(n, 'maximize', o.maximize);
  }

  protected initState(p: FloatArray, o: ParamGroup<ASGDOptions>): ASGDState {
    return { step: 0, eta: o.lr, mu: 1, ax: bufferLike(p) };
  }

  protected update(p: FloatArray, g: FloatArray, s: ASGDState, o: ParamGroup<ASGDOptions>): void {
    const { lr, lambd, alpha, t0, weightDecay: wd } = o;
    const step = ++s.step;
    const eta = s.eta;
    const mu = s.mu;
    const decay = 1 - lambd * eta;
    const sign = o.maximize ? -1 : 1;
    const ax = s.ax;
    for (let i = 0, n = p.length; i < n; i++) {
      let gi = sign * g[i];
      if (wd !== 0) gi = gi + wd * p[i];
      p[i] = p[i] * decay;
      p[i] = p[i] + -eta * gi;
      ax[i] = mu !== 1 ? ax[i] + (p[i] - ax[i]) * mu : p[i];
    }
    s.eta = lr / (1 + lambd * lr * step) ** alpha;
    s.mu = 1 / Math.max(1, step - t0);
  }
}
