import { GdRangeError } from '@gd/errors';
import type { OptimizerLike } from './optimizer.js';
import type { Schedule } from './schedule.js';
import { LRScheduler } from './scheduler.js';
import { finite, integer } from './validate.js';

/** Options of {@link CosineAnnealingWarmRestarts}. */
export interface CosineAnnealingWarmRestartsOptions {
  /** Length of the first period, in epochs (integer ≥ 1). */
  t0: number;
  /** Growth factor of the period after each restart (integer ≥ 1); default 1. */
  tMult?: number;
  /** Minimum learning rate; default 0. */
  etaMin?: number;
  /** Index of the last epoch when resuming; default −1. */
  lastEpoch?: number;
}

/** Position within the current period for a (possibly fractional) epoch: PyTorch's formula. */
export function warmRestartPosition(
  epoch: number,
  t0: number,
  tMult: number,
): { tCur: number; tI: number } {
  if (epoch < t0) return { tCur: epoch, tI: t0 };
  if (tMult === 1) return { tCur: epoch % t0, tI: t0 };
  // Python's int(math.log(x, base)) truncates log(x)/log(base).
  const n = Math.trunc(Math.log((epoch / t0) * (tMult - 1) + 1) / Math.log(tMult));
  return {
    tCur: epoch - (t0 * (tMult ** n - 1)) / (tMult - 1),
    tI: t0 * tMult ** n,
  };
}

/**
 * Cosine annealing with warm restarts (SGDR; PyTorch's `CosineAnnealingWarmRestarts`): the lr
 * follows a cosine from its initial value to `etaMin` over Tᵢ epochs, then jumps back up; each
 * period is `tMult` times the previous.
 *
 * ηₜ = η_min + ½(η₀ − η_min)(1 + cos(π·T_cur/Tᵢ)), T₀ = t0, Tᵢ₊₁ = tMult·Tᵢ.
 *
 * `step()` advances by one; `step(epoch)` accepts fractional epochs (call it every batch with
 * `epoch + i / iters`). Defaults: tMult = 1, etaMin = 0.
 *
 * @example
 * ```ts
 * const opt = { paramGroups: [{ lr: 0.1 }] };
 * const sched = new CosineAnnealingWarmRestarts(opt, { t0: 10, tMult: 2 });
 * for (let i = 0; i < 20; i++) sched.step(3 + i / 20); // fractional epochs
 * ```
 */
export class CosineAnnealingWarmRestarts extends LRScheduler {
  t0: number;
  tI: number;
  tMult: number;
  etaMin: number;
  tCur: number;

  constructor(optimizer: OptimizerLike, options: CosineAnnealingWarmRestartsOptions) {
    super(optimizer, 'CosineAnnealingWarmRestarts');
    const owner = 'CosineAnnealingWarmRestarts';
    this.t0 = integer(owner, 't0', options?.t0, 1);
    this.tI = this.t0;
    this.tMult = integer(owner, 'tMult', options.tMult ?? 1, 1);
    this.etaMin = finite(owner, 'etaMin', options.etaMin ?? 0);
    this.tCur = options.lastEpoch ?? -1;
    this.attach(options.lastEpoch ?? -1);
  }

  protected getLr(): number[] {
    return this.baseLrs.map(
      (base) =>
        this.etaMin + ((base - this.etaMin) * (1 + Math.cos((Math.PI * this.tCur) / this.tI))) / 2,
    );
  }

  /**
   * Advances one epoch, or moves to `epoch` (fractional allowed, ≥ 0), restarting the cosine
   * at the period boundaries.
   */
  override step(epoch?: number): void {
    if (epoch === undefined && this.lastEpoch < 0) epoch = 0;
    if (epoch === undefined) {
      epoch = this.lastEpoch + 1;
      this.tCur = this.tCur + 1;
      if (this.tCur >= this.tI) {
        this.tCur = this.tCur - this.tI;
        this.tI = this.tI * this.tMult;
      }
    } else {
      if (typeof epoch !== 'number' || !Number.isFinite(epoch) || epoch < 0) {
        throw new GdRangeError(
          `CosineAnnealingWarmRestarts.step: epoch must be a finite number ≥ 0, got ${epoch}`,
        );
      }
      ({ tCur: this.tCur, tI: this.tI } = warmRestartPosition(epoch, this.t0, this.tMult));
    }
    this.lastEpoch = Math.floor(epoch);
    this.writeLrs(this.getLr());
  }
}

/**
 * The closed form of {@link CosineAnnealingWarmRestarts} at a (possibly fractional) epoch.
 *
 * @example
 * ```ts
 * const s = cosineAnnealingWarmRestartsSchedule({ lr: 0.1, t0: 10, tMult: 2 });
 * s(10); // 0.1 — a restart
 * ```
 */
export function cosineAnnealingWarmRestartsSchedule(
  options: { lr: number } & CosineAnnealingWarmRestartsOptions,
): Schedule {
  const owner = 'cosineAnnealingWarmRestartsSchedule';
  const lr = finite(owner, 'lr', options?.lr);
  const t0 = integer(owner, 't0', options.t0, 1);
  const tMult = integer(owner, 'tMult', options.tMult ?? 1, 1);
  const etaMin = finite(owner, 'etaMin', options.etaMin ?? 0);
  return (t) => {
    const { tCur, tI } = warmRestartPosition(t, t0, tMult);
    return etaMin + ((lr - etaMin) * (1 + Math.cos((Math.PI * tCur) / tI))) / 2;
  };
}
