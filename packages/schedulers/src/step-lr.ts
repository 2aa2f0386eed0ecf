import type { OptimizerLike } from './optimizer.js';
import type { Schedule } from './schedule.js';
import { LRScheduler } from './scheduler.js';
import { finite, integer, nonNegative } from './validate.js';

/** Options of {@link StepLR}. */
export interface StepLROptions {
  /** Period of the decay, in epochs (integer ≥ 1). */
  stepSize: number;
  /** Multiplicative factor per period; default 0.1. */
  gamma?: number;
  /** Index of the last epoch when resuming; default −1. */
  lastEpoch?: number;
}

function check(owner: string, options: StepLROptions): { stepSize: number; gamma: number } {
  return {
    stepSize: integer(owner, 'stepSize', options?.stepSize, 1),
    gamma: nonNegative(owner, 'gamma', options.gamma ?? 0.1),
  };
}

/**
 * Decays each group's learning rate by `gamma` every `stepSize` epochs (PyTorch's `StepLR`,
 * the lecture's StepLR figure).
 *
 * Chainable form: ηₜ = ηₜ₋₁ · γ when t > 0 and t mod s = 0, else ηₜ₋₁.
 * Closed form: ηₜ = η₀ · γ^⌊t/s⌋. Defaults: gamma = 0.1.
 *
 * @example
 * ```ts
 * const opt = { paramGroups: [{ lr: 0.05 }] };
 * const sched = new StepLR(opt, { stepSize: 30, gamma: 0.1 });
 * for (let epoch = 0; epoch < 30; epoch++) sched.step();
 * opt.paramGroups[0].lr; // 0.005
 * ```
 */
export class StepLR extends LRScheduler {
  stepSize: number;
  gamma: number;

  constructor(optimizer: OptimizerLike, options: StepLROptions) {
    super(optimizer, 'StepLR');
    ({ stepSize: this.stepSize, gamma: this.gamma } = check('StepLR', options));
    this.attach(options.lastEpoch ?? -1);
  }

  protected getLr(): number[] {
    const groups = this.groups();
    if (this.lastEpoch === 0 || this.lastEpoch % this.stepSize !== 0)
      return groups.map((g) => g.lr);
    return groups.map((g) => g.lr * this.gamma);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map(
      (base) => base * this.gamma ** Math.floor(this.lastEpoch / this.stepSize),
    );
  }
}

/**
 * The closed form of {@link StepLR}: `t ↦ lr · γ^⌊t/stepSize⌋`.
 *
 * @example
 * ```ts
 * stepLRSchedule({ lr: 0.1, stepSize: 30 })(65); // 0.001
 * ```
 */
export function stepLRSchedule(options: { lr: number } & StepLROptions): Schedule {
  const lr = finite('stepLRSchedule', 'lr', options?.lr);
  const { stepSize, gamma } = check('stepLRSchedule', options);
  return (t) => lr * gamma ** Math.floor(t / stepSize);
}
