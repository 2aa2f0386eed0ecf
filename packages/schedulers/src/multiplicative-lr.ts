import { type LrLambda, lambdasFor } from './lambda-lr.js';
import type { OptimizerLike } from './optimizer.js';
import type { Schedule } from './schedule.js';
import { LRScheduler } from './scheduler.js';
import { callable, finite } from './validate.js';

/** Options of {@link MultiplicativeLR}. */
export interface MultiplicativeLROptions {
  /** The factor applied at epoch t (t ≥ 1); one function, or one per group. */
  lrLambda: LrLambda | readonly LrLambda[];
  /** Index of the last epoch when resuming; default −1. */
  lastEpoch?: number;
}

/**
 * Multiplies each group's current learning rate by a function of the epoch
 * (PyTorch's `MultiplicativeLR`). Being chainable, it composes with changes made elsewhere.
 *
 * ηₜ = ηₜ₋₁ · λ(t) for t ≥ 1, η₀ unchanged; so ηₜ = η₀ · ∏ₖ₌₁ᵗ λ(k)
 *
 * @example
 * ```ts
 * const opt = { paramGroups: [{ lr: 0.1 }] };
 * const sched = new MultiplicativeLR(opt, { lrLambda: () => 0.9 });
 * sched.step(); sched.step(); opt.paramGroups[0].lr; // 0.081
 * ```
 */
export class MultiplicativeLR extends LRScheduler {
  lrLambdas: LrLambda[];

  constructor(optimizer: OptimizerLike, options: MultiplicativeLROptions) {
    super(optimizer, 'MultiplicativeLR');
    this.lrLambdas = lambdasFor('MultiplicativeLR', options?.lrLambda, this.groups().length);
    this.attach(options.lastEpoch ?? -1);
  }

  protected getLr(): number[] {
    const groups = this.groups();
    if (this.lastEpoch > 0) {
      return groups.map((g, i) => g.lr * this.lrLambdas[i](this.lastEpoch));
    }
    return groups.map((g) => g.lr);
  }
}

/**
 * The closed form of {@link MultiplicativeLR}: `t ↦ lr · ∏ₖ₌₁ᵗ λ(k)` (O(t) per call).
 *
 * @example
 * ```ts
 * multiplicativeLRSchedule({ lr: 0.1, lrLambda: () => 0.5 })(3); // 0.0125
 * ```
 */
export function multiplicativeLRSchedule(options: { lr: number; lrLambda: LrLambda }): Schedule {
  const lr = finite('multiplicativeLRSchedule', 'lr', options.lr);
  const f = callable<LrLambda>('multiplicativeLRSchedule', 'lrLambda', options.lrLambda);
  return (t) => {
    let value = lr;
    for (let k = 1; k <= t; k++) value *= f(k);
    return value;
  };
}
