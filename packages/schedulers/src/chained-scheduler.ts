import { GdTypeError } from '@gd/errors';
import { SchedulerError } from './errors.js';
import { groupsOf, type OptimizerLike } from './optimizer.js';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau.js';
import type { Scheduler } from './scheduler.js';
import { collectState, restoreState, type SchedulerState } from './state.js';

/** A scheduler that a ChainedScheduler can step without arguments. */
export type ChainableScheduler = Scheduler & { step(): void };

/**
 * Steps several schedulers together on each `step()` (PyTorch's `ChainedScheduler`). With
 * chainable schedulers (StepLR, ExponentialLR, CosineAnnealingLR, …) their effects multiply,
 * because each works from the lr the previous one wrote.
 *
 * @example
 * ```ts
 * const opt = { paramGroups: [{ lr: 1 }] };
 * const sched = new ChainedScheduler([
 *   new ConstantLR(opt, { factor: 0.1, totalIters: 2 }),
 *   new ExponentialLR(opt, { gamma: 0.9 }),
 * ]);
 * // lr: 0.1, 0.09, 0.81, 0.729, …
 * ```
 */
export class ChainedScheduler implements Scheduler {
  readonly optimizer: OptimizerLike;
  readonly schedulers: ChainableScheduler[];
  private lastLr: number[];

  constructor(schedulers: readonly ChainableScheduler[]) {
    const owner = 'ChainedScheduler';
    if (!Array.isArray(schedulers) || schedulers.length === 0) {
      throw new GdTypeError(`${owner}: schedulers must be a non-empty array of schedulers`);
    }
    schedulers.forEach((s, i) => {
      if (s instanceof ReduceLROnPlateau) {
        throw new SchedulerError(
          `${owner}: schedulers[${i}] is a ReduceLROnPlateau, which needs a metric and cannot be chained; step it yourself`,
        );
      }
      if (s === null || typeof s !== 'object' || typeof s.step !== 'function') {
        throw new GdTypeError(
          `${owner}: schedulers[${i}] must be a scheduler with step(), got ${String(s)}`,
        );
      }
      if (s.optimizer !== schedulers[0].optimizer) {
        throw new SchedulerError(
          `${owner}: schedulers[${i}] and schedulers[0] belong to different optimizers; chain schedulers of one optimizer`,
        );
      }
    });
    this.schedulers = [...schedulers];
    this.optimizer = schedulers[0].optimizer;
    this.lastLr = groupsOf(this.optimizer).map((g) => g.lr);
  }

  /** Steps every scheduler once, in order. */
  step(): void {
    for (const s of this.schedulers) s.step();
    this.lastLr = groupsOf(this.optimizer).map((g) => g.lr);
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
