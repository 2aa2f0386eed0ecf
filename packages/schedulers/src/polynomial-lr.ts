import type { OptimizerLike } from './optimizer.js';
import type { Schedule } from './schedule.js';
import { LRScheduler } from './scheduler.js';
import { finite, integer, nonNegative } from './validate.js';

/** Options of {@link PolynomialLR}. */
export interface PolynomialLROptions {
  /** Epochs over which the lr decays to 0; default 5. */
  totalIters?: number;
  /** Power of the polynomial (≥ 0); default 1. */
  power?: number;
  /** Index of the last epoch when resuming; default −1. */
  lastEpoch?: number;
}

function check(owner: string, options: PolynomialLROptions): { totalIters: number; power: number } {
  return {
    totalIters: integer(owner, 'totalIters', options.totalIters ?? 5, 1),
    power: nonNegative(owner, 'power', options.power ?? 1),
  };
}

/**
 * Decays the learning rate polynomially to 0 over `totalIters` epochs (PyTorch's
 * `PolynomialLR`).
 *
 * Chainable form: ηₜ = ηₜ₋₁ · ((1 − t/N) / (1 − (t−1)/N))^p for 1 ≤ t ≤ N.
 * Closed form: ηₜ = η₀ · (1 − min(t, N)/N)^p. Defaults: totalIters = 5, power = 1.
 *
 * @example
 * ```ts
 * const opt = { paramGroups: [{ lr: 0.001 }] };
 * const sched = new PolynomialLR(opt, { totalIters: 4, power: 1 }); // 0.001, 0.00075, 0.0005, …
 * ```
 */
export class PolynomialLR extends LRScheduler {
  totalIters: number;
  power: number;

  constructor(optimizer: OptimizerLike, options: PolynomialLROptions = {}) {
    super(optimizer, 'PolynomialLR');
    ({ totalIters: this.totalIters, power: this.power } = check('PolynomialLR', options));
    this.attach(options.lastEpoch ?? -1);
  }

  protected getLr(): number[] {
    const groups = this.groups();
    const { totalIters: n, lastEpoch: t } = this;
    if (t === 0 || t > n) return groups.map((g) => g.lr);
    const decay = ((1.0 - t / n) / (1.0 - (t - 1) / n)) ** this.power;
    return groups.map((g) => g.lr * decay);
  }

  protected override closedFormLr(): number[] {
    const { totalIters: n, lastEpoch: t } = this;
    return this.baseLrs.map((base) => base * (1.0 - Math.min(n, t) / n) ** this.power);
  }
}

/**
 * The closed form of {@link PolynomialLR}: `t ↦ lr · (1 − min(t, N)/N)^p`.
 *
 * @example
 * ```ts
 * polynomialLRSchedule({ lr: 0.1, totalIters: 10, power: 2 })(5); // 0.025
 * ```
 */
export function polynomialLRSchedule(options: { lr: number } & PolynomialLROptions): Schedule {
  const lr = finite('polynomialLRSchedule', 'lr', options?.lr);
  const { totalIters: n, power } = check('polynomialLRSchedule', options);
  return (t) => lr * (1.0 - Math.min(n, t) / n) ** power;
}
