import type { OptimizerLike } from './optimizer.js';
import type { Schedule } from './schedule.js';
import { LRScheduler } from './scheduler.js';
import { finite, positive } from './validate.js';

/** Options of {@link CosineAnnealingLR}. */
export interface CosineAnnealingLROptions {
  /** Half-period of the cosine, in epochs (> 0). */
  tMax: number;
  /** Minimum learning rate; default 0. */
  etaMin?: number;
  /** Index of the last epoch when resuming; default −1. */
  lastEpoch?: number;
}

/** Python's `%`: the result has the sign of the divisor. */
function pyMod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/**
 * Anneals each group's learning rate along a cosine from its initial value to `etaMin` over
 * `tMax` epochs, then back up (PyTorch's `CosineAnnealingLR`; SGDR without restarts).
 *
 * Closed form: ηₜ = η_min + ½(η₀ − η_min)(1 + cos(π·t/T_max)).
 * Chainable form (used by `step()`, so changes made elsewhere carry over):
 * ηₜ = η_min + (ηₜ₋₁ − η_min)·(1 + cos(πt/T))/(1 + cos(π(t−1)/T)), and at t − 1 − T ≡ 0 (mod 2T)
 * ηₜ = ηₜ₋₁ + ½(η₀ − η_min)(1 − cos(π/T)). Defaults: etaMin = 0.
 *
 * @example
 * ```ts
 * const opt = { paramGroups: [{ lr: 0.1 }] };
 * const sched = new CosineAnnealingLR(opt, { tMax: 100, etaMin: 0.001 });
 * ```
 */
export class CosineAnnealingLR extends LRScheduler {
  tMax: number;
  etaMin: number;

  constructor(optimizer: OptimizerLike, options: CosineAnnealingLROptions) {
    super(optimizer, 'CosineAnnealingLR');
    this.tMax = positive('CosineAnnealingLR', 'tMax', options?.tMax);
    this.etaMin = finite('CosineAnnealingLR', 'etaMin', options.etaMin ?? 0);
    this.attach(options.lastEpoch ?? -1);
  }

  protected getLr(): number[] {
    const groups = this.groups();
    const { tMax, etaMin, lastEpoch: t } = this;
    if (t === 0) return groups.map((g) => g.lr);
    if (this.stepCount === 1 && t > 0) {
      // Resuming (lastEpoch ≥ 0 at construction): nothing to chain from, use the closed form.
      return this.baseLrs.map(
        (base) => etaMin + ((base - etaMin) * (1 + Math.cos((t * Math.PI) / tMax))) / 2,
      );
    }
    if (pyMod(t - 1 - tMax, 2 * tMax) === 0) {
      return groups.map(
        (g, i) => g.lr + ((this.baseLrs[i] - etaMin) * (1 - Math.cos(Math.PI / tMax))) / 2,
      );
    }
    return groups.map(
      (g) =>
        ((1 + Math.cos((Math.PI * t) / tMax)) / (1 + Math.cos((Math.PI * (t - 1)) / tMax))) *
          (g.lr - etaMin) +
        etaMin,
    );
  }

  protected override closedFormLr(): number[] {
    const { tMax, etaMin, lastEpoch: t } = this;
    return this.baseLrs.map(
      (base) => etaMin + ((base - etaMin) * (1 + Math.cos((Math.PI * t) / tMax))) / 2,
    );
  }
}

/**
 * The closed form of {@link CosineAnnealingLR}: `t ↦ η_min + ½(lr − η_min)(1 + cos(πt/T_max))`.
 *
 * @example
 * ```ts
 * cosineAnnealingSchedule({ lr: 0.1, tMax: 10 })(5); // 0.05
 * ```
 */
export function cosineAnnealingSchedule(
  options: { lr: number } & CosineAnnealingLROptions,
): Schedule {
  const lr = finite('cosineAnnealingSchedule', 'lr', options?.lr);
  const tMax = positive('cosineAnnealingSchedule', 'tMax', options.tMax);
  const etaMin = finite('cosineAnnealingSchedule', 'etaMin', options.etaMin ?? 0);
  return (t) => etaMin + ((lr - etaMin) * (1 + Math.cos((Math.PI * t) / tMax))) / 2;
}
