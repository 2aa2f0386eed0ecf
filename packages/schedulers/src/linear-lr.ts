import { GdRangeError } from '@gd/errors';
import type { OptimizerLike } from './optimizer.js';
import type { Schedule } from './schedule.js';
import { LRScheduler } from './scheduler.js';
import { finite, inRange, integer } from './validate.js';

/** Options of {@link LinearLR}. */
export interface LinearLROptions {
  /** Factor at epoch 0, in (0, 1]; default 1/3. */
  startFactor?: number;
  /** Factor from `totalIters` on, in [0, 1]; default 1. */
  endFactor?: number;
  /** Epochs over which the factor moves linearly; default 5. */
  totalIters?: number;
  /** Index of the last epoch when resuming; default −1. */
  lastEpoch?: number;
}

interface Checked {
  startFactor: number;
  endFactor: number;
  totalIters: number;
}

function check(owner: string, options: LinearLROptions): Checked {
  const startFactor = finite(owner, 'startFactor', options.startFactor ?? 1 / 3);
  if (startFactor <= 0 || startFactor > 1) {
    // 0 makes the chainable form divide by zero at epoch 1 (PyTorch ≥ 2.0 rejects it too).
    throw new GdRangeError(`${owner}: startFactor must be in (0, 1], got ${startFactor}`);
  }
  return {
    startFactor,
    endFactor: inRange(owner, 'endFactor', options.endFactor ?? 1, 0, 1),
    totalIters: integer(owner, 'totalIters', options.totalIters ?? 5, 1),
  };
}

/**
 * Moves the learning-rate factor linearly from `startFactor` to `endFactor` over
 * `totalIters` epochs (PyTorch's `LinearLR`), the usual linear warm-up.
 *
 * Chainable form: ηₜ = ηₜ₋₁ · (1 + (e − s) / (N·s + (t − 1)(e − s))) for 1 ≤ t ≤ N.
 * Closed form: ηₜ = η₀ · (s + (e − s) · min(t, N)/N).
 * Defaults: startFactor = 1/3, endFactor = 1, totalIters = 5.
 *
 * @example
 * ```ts
 * const opt = { paramGroups: [{ lr: 0.05 }] };
 * const sched = new LinearLR(opt, { startFactor: 0.5, totalIters: 4 }); // 0.025, 0.03125, …, 0.05
 * ```
 */
export class LinearLR extends LRScheduler {
  startFactor: number;
  endFactor: number;
  totalIters: number;

  constructor(optimizer: OptimizerLike, options: LinearLROptions = {}) {
    super(optimizer, 'LinearLR');
    const c = check('LinearLR', options);
    this.startFactor = c.startFactor;
    this.endFactor = c.endFactor;
    this.totalIters = c.totalIters;
    this.attach(options.lastEpoch ?? -1);
  }

  protected getLr(): number[] {
    const groups = this.groups();
    const { startFactor: s, endFactor: e, totalIters: n, lastEpoch: t } = this;
    if (t === 0) return groups.map((g) => g.lr * s);
    if (t > n) return groups.map((g) => g.lr);
    return groups.map((g) => g.lr * (1 + (e - s) / (n * s + (t - 1) * (e - s))));
  }

  protected override closedFormLr(): number[] {
    const { startFactor: s, endFactor: e, totalIters: n, lastEpoch: t } = this;
    return this.baseLrs.map((base) => base * (s + ((e - s) * Math.min(n, t)) / n));
  }
}

/**
 * The closed form of {@link LinearLR}: `t ↦ lr · (s + (e − s) · min(t, N)/N)`.
 *
 * @example
 * ```ts
 * linearLRSchedule({ lr: 0.1, startFactor: 0.1, totalIters: 10 })(5); // 0.055
 * ```
 */
export function linearLRSchedule(options: { lr: number } & LinearLROptions): Schedule {
  const lr = finite('linearLRSchedule', 'lr', options?.lr);
  const { startFactor: s, endFactor: e, totalIters: n } = check('linearLRSchedule', options);
  return (t) => lr * (s + ((e - s) * Math.min(n, t)) / n);
}
