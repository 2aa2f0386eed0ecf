import { GdRangeError } from '@gd/errors';
import { ElementwiseOptimizer, resolveOptions } from './optimizer';
import { type FloatArray, type ParamGroup, type ParamsInput, bufferLike } from './parameter';
import { checkBoolean, checkPair, nonNegative, owner } from './validate';

/** Options of {@link Rprop} (torch.optim.Rprop's, camelCase). */
export interface RpropOptions {
  /** Initial step size of every coordinate. Default 1e-2. */
  lr: number;
  /** Step-size factors (η⁻, η⁺) after a sign change / no change, 0 < η⁻ < 1 < η⁺. Default [0.5, 1.2]. */
  etas: [number, number];
  /** [min, max] allowed step sizes. Default [1e-6, 50]. */
  stepSizes: [number, number];
  /** Maximize the objective instead of minimizing. Default false. */
  maximize: boolean;
}

/** State of one parameter under {@link Rprop}. */
export type RpropState = {
  /** Steps taken. */
  step: number;
  /** The previous (masked) gradient. */
  prev: FloatArray;
  /** Per-coordinate step sizes Δ. */
  stepSize: FloatArray;
};

const DEFAULTS: RpropOptions = {
  lr: 1e-2,
  etas: [0.5, 1.2],
  stepSizes: [1e-6, 50],
  maximize: false,
};

/**
 * Rprop (Riedmiller & Braun, resilient backpropagation), exactly torch.optim.Rprop: only the
 * sign of the gradient is used, with a per-coordinate step that grows while the sign holds:
 *
 * $Δ ← \text{clamp}(Δ·η^±, Δ_{min}, Δ_{max})$ (η⁺ if $g·g_{prev} > 0$, η⁻ if < 0, else 1);
 * where the sign flipped $g ← 0$; $θ ← θ − \text{sign}(g)Δ$; $g_{prev} ← g$.
 *
 * Defaults: lr 1e-2, etas [0.5, 1.2], stepSizes [1e-6, 50], maximize false.
 *
 * @example
 * ```ts
 * const opt = new Rprop([w], { lr: 0.01 });
 * ```
 */
export class Rprop extends ElementwiseOptimizer<RpropOptions, RpropState> {
  constructor(params: ParamsInput<RpropOptions>, options?: Partial<RpropOptions>) {
    super('Rprop', params, resolveOptions('Rprop', options, DEFAULTS));
  }

  protected validate(o: RpropOptions, where: string): void {
    const n = owner('Rprop', where);
    nonNegative(n, 'lr', o.lr);
    const [etaMinus, etaPlus] = checkPair(n, 'etas', o.etas);
    if (!(etaMinus > 0 && etaMinus < 1 && etaPlus > 1)) {
      throw new GdRangeError(
        `${n}: etas must satisfy 0 < etas[0] < 1 < etas[1], got [${etaMinus}, ${etaPlus}]`,
      );
    }
    const [lo, hi] = checkPair(n, 'stepSizes', o.stepSizes);
    if (!(lo >= 0 && lo <= hi)) {
      throw new GdRangeError(
        `${n}: stepSizes must satisfy 0 <= stepSizes[0] <= stepSizes[1], got [${lo}, ${hi}]`,
      );
    }
    checkBoolean(n, 'maximize', o.maximize);
  }

  protected initState(p: FloatArray, o: ParamGroup<RpropOptions>): RpropState {
    return { step: 0, prev: bufferLike(p), stepSize: bufferLike(p, o.lr) };
  }

  protected update(p: FloatArray, g: FloatArray, s: RpropState, o: ParamGroup<RpropOptions>): void {
    s.step++;
    const [etaMinus, etaPlus] = o.etas;
    const [lo, hi] = o.stepSizes;
    const sign = o.maximize ? -1 : 1;
    const prev = s.prev;
    const delta = s.stepSize;
    for (let i = 0, n = p.length; i < n; i++) {
      let gi = sign * g[i];
      const prod = gi * prev[i];
      const factor = prod > 0 ? etaPlus : prod < 0 ? etaMinus : 1;
      delta[i] = Math.min(Math.max(delta[i] * factor, lo), hi);
      if (factor === etaMinus) gi = 0;
      p[i] = p[i] + -Math.sign(gi) * delta[i];
      prev[i] = gi;
    }
  }
}
