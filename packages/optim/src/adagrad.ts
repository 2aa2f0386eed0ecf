import { ElementwiseOptimizer, resolveOptions } from './optimizer';
import { type FloatArray, type ParamGroup, type ParamsInput, bufferLike } from './parameter';
import { checkBoolean, nonNegative, owner } from './validate';

/** Options of {@link Adagrad} (torch.optim.Adagrad's, camelCase). */
export interface AdagradOptions {
  /** Learning rate η. Default 1e-2. */
  lr: number;
  /** Learning-rate decay: step t uses $η/(1 + (t−1)·lrDecay)$. Default 0. */
  lrDecay: number;
  /** L2 penalty λ added to the gradient. Default 0. */
  weightDecay: number;
  /** Starting value h₀ of the accumulated squared gradients. Default 0. */
  initialAccumulatorValue: number;
  /** ε added to $\sqrt{h}$. Default 1e-10. */
  eps: number;
  /** Maximize the objective instead of minimizing. Default false. */
  maximize: boolean;
}

/** State of one parameter under {@link Adagrad}. */
export type AdagradState = {
  /** Steps taken. */
  step: number;
  /** Accumulated squared gradients h. */
  sum: FloatArray;
};

const DEFAULTS: AdagradOptions = {
  lr: 1e-2,
  lrDecay: 0,
  weightDecay: 0,
  initialAccumulatorValue: 0,
  eps: 1e-10,
  maximize: false,
};

/**
 * AdaGrad (Duchi et al.), exactly torch.optim.Adagrad: per-coordinate steps shrink with the
 * accumulated squared gradients,
 *
 * $h ← h + g²,\ θ ← θ − \tilde η\, g/(\sqrt h + ε)$ with $\tilde η = η/(1 + (t−1)·\text{lrDecay})$,
 * $h_0$ = initialAccumulatorValue and $g = ∇f(θ) + λθ$.
 *
 * Lecture forms: the optimizer exercise's $h_0 = θ,\ w ← w − ε g/(\sqrt h + θ)$ is
 * `{ lr: ε, initialAccumulatorValue: θ, eps: θ }`; the optimizers seminar's $Δθ = −αg/\sqrt{Σ g²}$ is
 * `{ lr: α, eps: 0 }`.
 *
 * Defaults: lr 1e-2, lrDecay 0, weightDecay 0, initialAccumulatorValue 0, eps 1e-10, maximize false.
 *
 * @example
 * ```ts
 * const opt = new Adagrad([w], { lr: 0.1, initialAccumulatorValue: 1e-7, eps: 1e-7 });
 * ```
 */
export class Adagrad extends ElementwiseOptimizer<AdagradOptions, AdagradState> {
  constructor(params: ParamsInput<AdagradOptions>, options?: Partial<AdagradOptions>) {
    super('Adagrad', params, resolveOptions('Adagrad', options, DEFAULTS));
  }

  protected validate(o: AdagradOptions, where: string): void {
    const n = owner('Adagrad', where);
    nonNegative(n, 'lr', o.lr);
    nonNegative(n, 'lrDecay', o.lrDecay);
    nonNegative(n, 'weightDecay', o.weightDecay);
    nonNegative(n, 'initialAccumulatorValue', o.initialAccumulatorValue);
    nonNegative(n, 'eps', o.eps);
    checkBoolean(n, 'maximize', o.maximize);
  }

  protected initState(p: FloatArray, o: ParamGroup<AdagradOptions>): AdagradState {
    return { step: 0, sum: bufferLike(p, o.initialAccumulatorValue) };
  }

  protected update(
    p: FloatArray,
    g: FloatArray,
    s: AdagradState,
    o: ParamGroup<AdagradOptions>,
  ): void {
    const step = ++s.step;
    const clr = o.lr / (1 + (step - 1) * o.lrDecay);
    const negClr = -clr;
    const { eps, weightDecay: wd } = o;
    const sign = o.maximize ? -1 : 1;
    const h = s.sum;
    for (let i = 0, n = p.length; i < n; i++) {
      let gi = sign * g[i];
      if (wd !== 0) gi = gi + wd * p[i];
      h[i] = h[i] + gi * gi;
      p[i] = p[i] + (negClr * gi) / (Math.sqrt(h[i]) + eps);
    }
  }
}
