import { fusedSgd } from '@gd/tensor';
import { GdRangeError, GdTypeError } from '@gd/errors';
import { ElementwiseOptimizer, resolveOptions } from './optimizer';
import { type FloatArray, type ParamGroup, type ParamsInput, bufferLike } from './parameter';
import { checkBoolean, nonNegative, owner } from './validate';

/** Options of {@link SGD} (torch.optim.SGD's, camelCase). */
export interface SGDOptions {
  /** Learning rate η. Required (here or in every parameter group), as in PyTorch 1.13. */
  lr: number;
  /** Momentum factor μ. Default 0 (plain gradient descent). */
  momentum: number;
  /** Dampening τ of the gradient added to the momentum buffer. Default 0. */
  dampening: number;
  /** L2 penalty λ added to the gradient. Default 0. */
  weightDecay: number;
  /** Nesterov momentum (needs momentum > 0 and dampening 0). Default false. */
  nesterov: boolean;
  /** Maximize the objective instead of minimizing. Default false. */
  maximize: boolean;
}

/** State of one parameter under {@link SGD}. */
export type SGDState = {
  /** The momentum buffer b, `null` when momentum is 0. */
  momentumBuffer: FloatArray | null;
};

const DEFAULTS: SGDOptions = {
  lr: Number.NaN,
  momentum: 0,
  dampening: 0,
  weightDecay: 0,
  nesterov: false,
  maximize: false,
};

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and weight decay —
 * exactly torch.optim.SGD:
 *
 * $g ← ∇f(θ) + λθ$; with momentum $b ← g$ on the first step, then $b ← μb + (1−τ)g$;
 * $g ← g + μb$ (Nesterov) or $g ← b$; finally $θ ← θ − ηg$.
 *
 * Lecture forms (seeds 001, 002, 004):
 * - GD $x ← x − ηf'(x)$: `{ lr: η }`.
 * - Momentum $v ← μv − εg,\ w ← w + v$: `{ lr: ε, momentum: μ }` (here $v = −εb$; identical
 *   in exact arithmetic while the learning rate is constant).
 * - Damped momentum $Δθ ← βΔθ − (1−β)α∇E,\ θ ← θ + Δθ$: `{ lr: (1−β)α, momentum: β }`, the
 *   same from the first step. `{ lr: α, momentum: β, dampening: β }` gives it only from the
 *   second step, because PyTorch starts the buffer at $g$, not $(1−β)g$.
 *
 * Defaults: momentum 0, dampening 0, weightDecay 0, nesterov false, maximize false; `lr` is required.
 *
 * @example
 * ```ts
 * const opt = new SGD([w], { lr: 0.1, momentum: 0.9 });
 * opt.zeroGrad(); loss(w).backward(); opt.step();
 * ```
 */
export class SGD extends ElementwiseOptimizer<SGDOptions, SGDState> {
  constructor(params: ParamsInput<SGDOptions>, options: Partial<SGDOptions> = {}) {
    // As in PyTorch, lr may instead be given by every parameter group.
    const list =
      params !== null && typeof params === 'object' && Symbol.iterator in params
        ? [...params]
        : params;
    const everyGroupHasLr =
      Array.isArray(list) &&
      list.length > 0 &&
      list.every((g) => g !== null && typeof g === 'object' && 'params' in g && g.lr !== undefined);
    if ((options === null || options?.lr === undefined) && !everyGroupHasLr) {
      throw new GdTypeError(
        'SGD: the learning rate is required, e.g. new SGD(params, { lr: 0.01 }) or an lr in every parameter group',
      );
    }
    super('SGD', list as ParamsInput<SGDOptions>, resolveOptions('SGD', options, DEFAULTS));
  }

  protected validate(o: SGDOptions, where: string): void {
    const n = owner('SGD', where);
    // Without a default lr (every group brings its own) the defaults hold NaN, PyTorch's `required`.
    if (!(where === 'options' && Number.isNaN(o.lr))) nonNegative(n, 'lr', o.lr);
    nonNegative(n, 'momentum', o.momentum);
    nonNegative(n, 'dampening', o.dampening);
    nonNegative(n, 'weightDecay', o.weightDecay);
    checkBoolean(n, 'nesterov', o.nesterov);
    checkBoolean(n, 'maximize', o.maximize);
    if (o.nesterov && (o.momentum <= 0 || o.dampening !== 0)) {
      throw new GdRangeError(
        `${n}: nesterov requires momentum > 0 and dampening 0, got momentum ${o.momentum} and dampening ${o.dampening}`,
      );
    }
  }

  protected initState(): SGDState {
    return { momentumBuffer: null };
  }

  // @gd/tensor's fusedSgd: a WASM SIMD kernel on the 'wasm' tier, the same bits as its JS loop.
  protected update(p: FloatArray, g: FloatArray, s: SGDState, o: ParamGroup<SGDOptions>): void {
    const { lr, momentum, dampening, weightDecay, nesterov, maximize } = o;
    // PyTorch starts the momentum buffer at the first gradient, not at μ·0 + (1−τ)g.
    const isFirstStep = momentum !== 0 && s.momentumBuffer === null;
    if (isFirstStep) s.momentumBuffer = bufferLike(p);
    fusedSgd(p, g, s.momentumBuffer, {
      lr,
      momentum,
      dampening,
      weightDecay,
      nesterov,
      maximize,
      isFirstStep,
    });
  }
}
