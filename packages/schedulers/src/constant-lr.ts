import { GdRangeError } from '@gd/errors';
import type { OptimizerLike } from './optimizer.js';
import type { Schedule } from './schedule.js';
import { LRScheduler } from './scheduler.js';
import { finite, integer } from './validate.js';

/** Options of {@link ConstantLR}. */
export interface ConstantLROptions {
  /** Factor applied until `totalIters`, in (0, 1]; default 1/3. */
  factor?: number;
  /** Number of epochs the factor is applied for; default 5. */
  totalIters?: number;
  /** Index of the last epoch when resuming; default −1. */
  lastEpoch?: number;
}

function check(owner: string, options: ConstantLROptions): { factor: number; totalIters: number } {
  const factor = finite(owner, 'factor', options.factor ?? 1 / 3);
  if (factor <= 0 || factor > 1) {
    // factor = 0 would make the chainable form divide by zero when the factor is lifted.
    throw new GdRangeError(
      `${owner}: factor must be in (0, 1], got ${factor}; use LambdaLR for a schedule that is 0 for a while`,
    );
  }
  return { factor, totalIters: integer(owner, 'totalIters', options.totalIters ?? 5, 0) };
}

/**
 * Multiplies the learning rate by a constant factor for the first `totalIters` epochs
 * (PyTorch's `ConstantLR`), e.g. a low-lr warm-up.
 *
 * Chainable form: η₀ = η₀·f; ηₜ = ηₜ₋₁/f at t = totalIters; otherwise unchanged.
 * Closed form: ηₜ = η₀ · (f if t < totalIters else 1). Defaults: factor = 1/3, totalIters = 5.
 *
 * @example
 * ```ts
 * const opt = { paramGroups: [{ lr: 0.05 }] };
 * const sched = new ConstantLR(opt, { factor: 0.5, totalIters: 4 }); // lr 0.025 for epochs 0–3
 * ```
 */
export class ConstantLR extends LRScheduler {
  factor: number;
  totalIters: number;

  constructor(optimizer: OptimizerLike, options: ConstantLROptions = {}) {
    super(optimizer, 'ConstantLR');
    ({ factor: this.factor, totalIters: this.totalIters } = check('ConstantLR', options));
    this.attach(options.lastEpoch ?? -1);
  }

  protected getLr(): number[] {
    const groups = this.groups();
    if (this.lastEpoch === 0) return groups.map((g) => g.lr * this.factor);
    if (this.lastEpoch !== this.totalIters) return groups.map((g) => g.lr);
    return groups.map((g) => g.lr * (1.0 / this.factor));
  }

  protected override closedFormLr(): number[] {
    const lifted = this.lastEpoch >= this.totalIters ? 1 : 0;
    return this.baseLrs.map((base) => base * (this.factor + lifted * (1 - this.factor)));
  }
}

/**
 * The closed form of {@link ConstantLR}: `t ↦ lr · (t < totalIters ? factor : 1)`.
 *
 * @example
 * ```ts
 * constantLRSchedule({ lr: 0.1, factor: 0.5, totalIters: 4 })(3); // 0.05
 * ```
 */
export function constantLRSchedule(options: { lr: number } & ConstantLROptions): Schedule {
  const lr = finite('constantLRSchedule', 'lr', options?.lr);
  const { factor, totalIters } = check('constantLRSchedule', options);
  return (t) => lr * (factor + (t >= totalIters ? 1 : 0) * (1 - factor));
}
