import type { OptimizerLike } from './optimizer.js';
import type { Schedule } from './schedule.js';
import { LRScheduler } from './scheduler.js';
import { finite, milestoneList, nonNegative } from './validate.js';

/** Options of {@link MultiStepLR}. */
export interface MultiStepLROptions {
  /** Epoch indices at which to decay, non-decreasing (a repeated one decays twice). */
  milestones: readonly number[];
  /** Multiplicative factor per milestone; default 0.1. */
  gamma?: number;
  /** Index of the last epoch when resuming; default −1. */
  lastEpoch?: number;
}

/** Number of milestones ≤ t (Python's `bisect_right`). */
export function bisectRight(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t < sorted[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Decays each group's learning rate by `gamma` whenever the epoch reaches a milestone
 * (PyTorch's `MultiStepLR`).
 *
 * Chainable form: ηₜ = ηₜ₋₁ · γ^c(t), c(t) = how many milestones equal t.
 * Closed form: ηₜ = η₀ · γ^|{m ∈ milestones : m ≤ t}|. Defaults: gamma = 0.1.
 *
 * @example
 * ```ts
 * const opt = { paramGroups: [{ lr: 0.05 }] };
 * const sched = new MultiStepLR(opt, { milestones: [30, 80], gamma: 0.1 });
 * ```
 */
export class MultiStepLR extends LRScheduler {
  milestones: number[];
  gamma: number;

  constructor(optimizer: OptimizerLike, options: MultiStepLROptions) {
    super(optimizer, 'MultiStepLR');
    this.milestones = milestoneList('MultiStepLR', 'milestones', options?.milestones, false);
    this.gamma = nonNegative('MultiStepLR', 'gamma', options.gamma ?? 0.1);
    this.attach(options.lastEpoch ?? -1);
  }

  protected getLr(): number[] {
    const groups = this.groups();
    let count = 0;
    for (const m of this.milestones) if (m === this.lastEpoch) count++;
    if (count === 0) return groups.map((g) => g.lr);
    return groups.map((g) => g.lr * this.gamma ** count);
  }

  protected override closedFormLr(): number[] {
    const k = bisectRight(this.milestones, this.lastEpoch);
    return this.baseLrs.map((base) => base * this.gamma ** k);
  }
}

/**
 * The closed form of {@link MultiStepLR}: `t ↦ lr · γ^(number of milestones ≤ t)`.
 *
 * @example
 * ```ts
 * multiStepLRSchedule({ lr: 0.1, milestones: [30, 80] })(50); // 0.01
 * ```
 */
export function multiStepLRSchedule(options: { lr: number } & MultiStepLROptions): Schedule {
  const lr = finite('multiStepLRSchedule', 'lr', options?.lr);
  const milestones = milestoneList('multiStepLRSchedule', 'milestones', options.milestones, false);
  const gamma = nonNegative('multiStepLRSchedule', 'gamma', options.gamma ?? 0.1);
  return (t) => lr * gamma ** bisectRight(milestones, t);
}
