import { GdRangeError, GdTypeError } from '@gd/errors';
import { groupsOf, type OptimizerLike } from './optimizer.js';
import type { Scheduler } from './scheduler.js';
import { collectState, restoreState, type SchedulerState } from './state.js';
import { finite, integer, nonNegative, oneOf, perGroup } from './validate.js';

/** Options of {@link ReduceLROnPlateau}. */
export interface ReduceLROnPlateauOptions {
  /** 'min': reduce when the metric stops decreasing; 'max': when it stops increasing. Default 'min'. */
  mode?: 'min' | 'max';
  /** new lr = lr · factor, in [0, 1); default 0.1. */
  factor?: number;
  /** Epochs without improvement tolerated before reducing; default 10. */
  patience?: number;
  /** Minimum change that counts as an improvement; default 1e-4. */
  threshold?: number;
  /** 'rel': best·(1 ∓ threshold); 'abs': best ∓ threshold. Default 'rel'. */
  thresholdMode?: 'rel' | 'abs';
  /** Epochs to wait after a reduction before counting bad epochs again; default 0. */
  cooldown?: number;
  /** Lower bound on the lr, one value or one per group; default 0. */
  minLr?: number | readonly number[];
  /** Reductions smaller than eps are skipped; default 1e-8. */
  eps?: number;
}

/** A metric: a number, or anything with `item()` such as a 0-d Tensor or Var. */
export type Metric = number | { item(): number };

/**
 * Reduces the learning rate when a metric has stopped improving (PyTorch's
 * `ReduceLROnPlateau`). Call `step(metric)` once per epoch with the validation loss (or
 * accuracy with mode 'max').
 *
 * Improvement (mode 'min'): rel: m < best·(1 − threshold); abs: m < best − threshold
 * (mode 'max' mirrors it). After more than `patience` bad epochs (not counted during
 * `cooldown`): lr ← max(lr·factor, minLr) when that lowers it by more than eps.
 * Defaults: mode 'min', factor 0.1, patience 10, threshold 1e-4, thresholdMode 'rel',
 * cooldown 0, minLr 0, eps 1e-8.
 *
 * @example
 * ```ts
 * const opt = { paramGroups: [{ lr: 0.1 }] };
 * const sched = new ReduceLROnPlateau(opt, { patience: 2, factor: 0.5 });
 * for (const loss of [1, 0.9, 0.9, 0.9, 0.9]) sched.step(loss);
 * opt.paramGroups[0].lr; // 0.05
 * ```
 */
export class ReduceLROnPlateau implements Scheduler {
  readonly optimizer: OptimizerLike;
  factor: number;
  minLrs: number[];
  patience: number;
  cooldown: number;
  cooldownCounter = 0;
  mode: 'min' | 'max';
  threshold: number;
  thresholdMode: 'rel' | 'abs';
  best: number;
  numBadEpochs = 0;
  modeWorse: number;
  eps: number;
  lastEpoch = 0;
  private lastLr: number[];

  constructor(optimizer: OptimizerLike, options: ReduceLROnPlateauOptions = {}) {
    const owner = 'ReduceLROnPlateau';
    if (
      optimizer === null ||
      typeof optimizer !== 'object' ||
      !Array.isArray(optimizer.paramGroups)
    ) {
      throw new GdTypeError(
        `${owner}: optimizer must be an object with a paramGroups array, got ${String(optimizer)}`,
      );
    }
    this.optimizer = optimizer;
    const factor = finite(owner, 'factor', options.factor ?? 0.1);
    if (factor < 0 || factor >= 1) {
      throw new GdRangeError(`${owner}: factor must be in [0, 1), got ${factor}`);
    }
    this.factor = factor;
    const n = optimizer.paramGroups.length;
    this.minLrs = perGroup(owner, 'minLr', options.minLr ?? 0, n).map((v, i) =>
      nonNegative(owner, `minLr[${i}]`, v),
    );
    this.patience = integer(owner, 'patience', options.patience ?? 10, 0);
    this.cooldown = integer(owner, 'cooldown', options.cooldown ?? 0, 0);
    this.mode = oneOf(owner, 'mode', options.mode ?? 'min', ['min', 'max']);
    this.threshold = nonNegative(owner, 'threshold', options.threshold ?? 1e-4);
    this.thresholdMode = oneOf(owner, 'thresholdMode', options.thresholdMode ?? 'rel', [
      'rel',
      'abs',
    ]);
    this.eps = nonNegative(owner, 'eps', options.eps ?? 1e-8);
    this.modeWorse = this.mode === 'min' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    this.best = this.modeWorse;
    this.lastLr = groupsOf(optimizer).map((g) => g.lr);
  }

  /** Whether the scheduler is waiting out a cooldown. */
  get inCooldown(): boolean {
    return this.cooldownCounter > 0;
  }

  /** Whether `a` improves on `best` by more than the threshold. */
  isBetter(a: number, best: number): boolean {
    if (this.mode === 'min' && this.thresholdMode === 'rel') return a < best * (1 - this.threshold);
    if (this.mode === 'min') return a < best - this.threshold;
    if (this.thresholdMode === 'rel') return a > best * (this.threshold + 1);
    return a > best + this.threshold;
  }

  /** Records one epoch's metric and reduces the lr if it has plateaued. */
  step(metric: Metric, epoch?: number): void {
    let current: number;
    if (typeof metric === 'number') current = metric;
    else if (metric !== null && typeof metric === 'object' && typeof metric.item === 'function') {
      current = metric.item();
    } else {
      throw new GdTypeError(
        `ReduceLROnPlateau.step: metric must be a number or have item(), got ${String(metric)}`,
      );
    }
    this.lastEpoch = epoch ?? this.lastEpoch + 1;
    if (this.isBetter(current, this.best)) {
      this.best = current;
      this.numBadEpochs = 0;
    } else {
      this.numBadEpochs += 1;
    }
    if (this.inCooldown) {
      this.cooldownCounter -= 1;
      this.numBadEpochs = 0;
    }
    if (this.numBadEpochs > this.patience) {
      this.reduceLr();
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
    }
    this.lastLr = groupsOf(this.optimizer).map((g) => g.lr);
  }

  private reduceLr(): void {
    groupsOf(this.optimizer).forEach((g, i) => {
      const oldLr = g.lr;
      const newLr = Math.max(oldLr * this.factor, this.minLrs[i]);
      if (oldLr - newLr > this.eps) g.lr = newLr;
    });
  }

  /** The learning rate of each group after the last step (a copy). */
  getLastLr(): number[] {
    return [...this.lastLr];
  }

  /** Counters, best value and options as plain data (±Infinity becomes null through JSON). */
  stateDict(): SchedulerState {
    return collectState(this);
  }

  /** Restores a saved state; `best`/`modeWorse` saved through JSON (±Infinity → null) are repaired. */
  loadStateDict(state: SchedulerState): void {
    restoreState(this, state);
    this.modeWorse = this.mode === 'min' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    if (this.best === null) this.best = this.modeWorse;
  }
}
