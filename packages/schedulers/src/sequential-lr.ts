import { GdRangeError, GdTypeError } from '@gd/errors';
import { SchedulerError } from './errors.js';
import { groupsOf, type OptimizerLike } from './optimizer.js';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau.js';
import { LRScheduler, type Scheduler } from './scheduler.js';
import { collectState, restoreState, type SchedulerState } from './state.js';
import { integer, milestoneList } from './validate.js';

/** Options of {@link SequentialLR}. */
export interface SequentialLROptions {
  /** Schedulers to run one after another, all on `optimizer`. */
  schedulers: readonly LRScheduler[];
  /** Epochs at which to switch to the next scheduler (strictly increasing, one fewer than schedulers). */
  milestones: readonly number[];
  /** Index of the last epoch; default −1. */
  lastEpoch?: number;
}

/**
 * Runs schedulers one after another, switching at the milestones (PyTorch's `SequentialLR`),
 * e.g. a LinearLR warm-up followed by CosineAnnealingLR.
 *
 * Quirks kept from PyTorch 1.13: construction resets every group's lr to `initialLr`, undoes
 * the initial step of each scheduler and redoes the first one's; at a milestone the next
 * scheduler is restarted with `step(0)` — its closed form at epoch 0 if it has one — so it
 * starts from its base lr rather than from where the previous scheduler left off; afterwards
 * it continues with its own `lastEpoch`.
 *
 * @example
 * ```ts
 * const opt = { paramGroups: [{ lr: 1 }] };
 * const warm = new ConstantLR(opt, { factor: 0.1, totalIters: 2 });
 * const decay = new ExponentialLR(opt, { gamma: 0.9 });
 * const sched = new SequentialLR(opt, { schedulers: [warm, decay], milestones: [2] });
 * // lr: 0.1, 0.1, 1, 0.9, 0.81, … (PyTorch's docstring says 0.9 at epoch 2; PyTorch runs give 1)
 * ```
 */
export class SequentialLR implements Scheduler {
  readonly optimizer: OptimizerLike;
  readonly schedulers: LRScheduler[];
  milestones: number[];
  lastEpoch: number;
  private lastLr: number[];

  constructor(optimizer: OptimizerLike, options: SequentialLROptions) {
    const owner = 'SequentialLR';
    const schedulers = options?.schedulers;
    if (!Array.isArray(schedulers) || schedulers.length === 0) {
      throw new GdTypeError(`${owner}: schedulers must be a non-empty array of schedulers`);
    }
    schedulers.forEach((s, i) => {
      if (s instanceof ReduceLROnPlateau) {
        throw new SchedulerError(
          `${owner}: schedulers[${i}] is a ReduceLROnPlateau, which needs a metric and cannot be sequenced; step it yourself`,
        );
      }
      if (!(s instanceof LRScheduler)) {
        throw new GdTypeError(
          `${owner}: schedulers[${i}] must be an LRScheduler (e.g. StepLR), got ${String(s)}`,
        );
      }
      if (s.optimizer !== optimizer) {
        throw new SchedulerError(
          `${owner}: schedulers[${i}] belongs to a different optimizer; build every scheduler on the optimizer passed to SequentialLR`,
        );
      }
    });
    const milestones = milestoneList(owner, 'milestones', options.milestones, true);
    if (milestones.length !== schedulers.length - 1) {
      throw new GdRangeError(
        `${owner}: expected ${schedulers.length - 1} milestones for ${schedulers.length} schedulers, got ${milestones.length}`,
      );
    }
    const lastEpoch = integer(owner, 'lastEpoch', options.lastEpoch ?? -1, -1);
    this.optimizer = optimizer;
    this.schedulers = [...schedulers];
    this.milestones = milestones;
    this.lastEpoch = lastEpoch + 1;
    groupsOf(optimizer).forEach((g, i) => {
      if (typeof g.initialLr !== 'number') {
        throw new SchedulerError(
          `${owner}: paramGroups[${i}].initialLr is missing; construct the schedulers first`,
        );
      }
      g.lr = g.initialLr;
    });
    for (const s of this.schedulers) s.lastEpoch -= 1;
    this.schedulers[0].initialStep();
    this.lastLr = this.schedulers[0].getLastLr();
  }

  /** Advances one epoch, switching (and restarting) schedulers at the milestones. */
  step(): void {
    this.lastEpoch += 1;
    let idx = 0;
    while (idx < this.milestones.length && this.milestones[idx] <= this.lastEpoch) idx++;
    const scheduler = this.schedulers[idx];
    if (idx > 0 && this.milestones[idx - 1] === this.lastEpoch) scheduler.step(0);
    else scheduler.step();
    this.lastLr = scheduler.getLastLr();
  }

  /** The learning rate of each group after the last step (a copy). */
  getLastLr(): number[] {
    return [...this.lastLr];
  }

  /** This scheduler's fields plus each wrapped scheduler's `stateDict()` under `schedulers`. */
  stateDict(): SchedulerState {
    const state = collectState(this, ['schedulers']);
    state.schedulers = this.schedulers.map((s) => s.stateDict());
    return state;
  }

  /** Restores this scheduler's fields and each wrapped scheduler's state. */
  loadStateDict(state: SchedulerState): void {
    restoreState(this, state, ['schedulers']);
    const inner = state.schedulers;
    if (Array.isArray(inner)) {
      inner.forEach((s, i) => {
        if (s !== null && typeof s === 'object' && !Array.isArray(s))
          this.schedulers[i]?.loadStateDict(s);
      });
    }
  }
}
