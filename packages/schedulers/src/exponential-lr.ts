import type { OptimizerLike } from './optimizer.js';
import type { Schedule } from './schedule.js';
import { LRScheduler } from './scheduler.js';
import { finite, nonNegative } from './validate.js';

/** Options of {@link ExponentialLR}. */
export interface ExponentialLROptions {
  /** Multiplicative factor per epoch (≥ 0). */
  gamma: number;
  /** Index of the last epoch when resuming; default −1. */
  lastEpoch?: number;
}

/**
 * Multiplies each group's learning rate by `gamma` every epoch (PyTorch's `ExponentialLR`).
 *
 * Chainable form: ηₜ = ηₜ₋₁ · γ (t ≥ 1). Closed form: ηₜ = η₀ · γᵗ.
 *
 * @example
 * ```ts
 * const opt = { paramGroups: [{ lr: 0.1 }] };
 * const sched = new ExponentialLR(opt, { gamma: 0.9 });
 * sched.step(); opt.paramGroups[0].lr; // 0.09
 * ```
 */
export class ExponentialLR extends LRScheduler {
  gamma: number;

  constructor(optimizer: OptimizerLike, options: ExponentialLROptions) {
    super(optimizer, 'ExponentialLR');
    this.gamma = nonNegative('ExponentialLR', 'gamma', options?.gamma);
    this.attach(options.lastEpoch ?? -1);
  }

  protected getLr(): number[] {
    const groups = this.groups();
    if (this.lastEpoch === 0) return groups.map((g) => g.lr);
    return groups.map((g) => g.lr * this.gamma);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((base) => base * this.gamma ** this.lastEpoch);
  }
}

/**
 * The closed form of {@link ExponentialLR}: `t ↦ lr · γᵗ`.
 *
 * @example
 * ```ts
 * exponentialLRSchedule({ lr: 0.1, gamma: 0.5 })(3); // 0.0125
 * ```
 */
export function exponentialLRSchedule(options: { lr: number; gamma: number }): Schedule {
  const lr = finite('exponentialLRSchedule', 'lr', options?.lr);
  const gamma = nonNegative('exponentialLRSchedule', 'gamma', options.gamma);
  return (t) => lr * gamma ** t;
}
