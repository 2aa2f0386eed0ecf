import { GdRangeError, GdTypeError } from '@gd/errors';
import { SchedulerError } from './errors.js';
import { type Group, groupsOf, type OptimizerLike } from './optimizer.js';
import { collectState, restoreState, type SchedulerState } from './state.js';

/**
 * What every scheduler object offers: {@link LRScheduler} subclasses, {@link SequentialLR},
 * {@link ChainedScheduler} and {@link ReduceLROnPlateau}.
 */
export interface Scheduler {
  readonly optimizer: OptimizerLike;
  /** The learning rate of each parameter group after the last step. */
  getLastLr(): number[];
  /** The scheduler's state as plain data (functions excluded). */
  stateDict(): SchedulerState;
  /** Restores a state produced by {@link Scheduler.stateDict}. */
  loadStateDict(state: SchedulerState): void;
}

/**
 * The base of the epoch-indexed schedulers, as PyTorch's `_LRScheduler`: it records
 * `initialLr` in each parameter group (or requires it when resuming with `lastEpoch ≥ 0`),
 * keeps `baseLrs = initialLr`, performs the initial step on construction, and on
 * `step()` increments `lastEpoch` and writes `getLr()` — the chainable, recursive form — into
 * the groups. `step(epoch)` jumps to `epoch` and uses the closed form where one exists.
 *
 * Subclasses implement `getLr()` and optionally `closedFormLr()`, set their options, then call
 * `this.attach(lastEpoch)`.
 *
 * @example
 * ```ts
 * class Halve extends LRScheduler {
 *   constructor(opt: OptimizerLike) { super(opt, 'Halve'); this.attach(-1); }
 *   protected getLr() { return this.groups().map((g) => (this.lastEpoch === 0 ? g.lr : g.lr / 2)); }
 * }
 * ```
 */
export abstract class LRScheduler implements Scheduler {
  readonly optimizer: OptimizerLike;
  /** The learning rates the schedule is relative to: each group's `initialLr`. */
  baseLrs: number[] = [];
  /** Index of the last step taken (−1 before the initial step, 0 right after construction). */
  lastEpoch = -1;
  /** How many times `step` ran, counting the initial step. */
  protected stepCount = 0;
  /** The learning rates written by the last step. */
  protected lastLr: number[] = [];
  /** Name used in error messages. */
  protected readonly owner: string;

  protected constructor(optimizer: OptimizerLike, owner: string) {
    if (
      optimizer === null ||
      typeof optimizer !== 'object' ||
      !Array.isArray((optimizer as OptimizerLike).paramGroups)
    ) {
      throw new GdTypeError(
        `${owner}: optimizer must be an object with a paramGroups array (e.g. { paramGroups: [{ lr: 0.1 }] }), got ${String(optimizer)}`,
      );
    }
    groupsOf(optimizer).forEach((g, i) => {
      if (typeof g?.lr !== 'number' || !Number.isFinite(g.lr)) {
        throw new GdTypeError(
          `${owner}: optimizer.paramGroups[${i}].lr must be a finite number, got ${String(g?.lr)}`,
        );
      }
    });
    this.optimizer = optimizer;
    this.owner = owner;
  }

  /** The optimizer's parameter groups. */
  protected groups(): Group[] {
    return groupsOf(this.optimizer);
  }

  /**
   * PyTorch's `_LRScheduler.__init__` tail: `initialLr` bookkeeping, `baseLrs`, `lastEpoch`,
   * then the initial step.
   */
  protected attach(lastEpoch: number): void {
    if (!Number.isInteger(lastEpoch) || lastEpoch < -1) {
      throw new GdRangeError(`${this.owner}: lastEpoch must be an integer ≥ -1, got ${lastEpoch}`);
    }
    const groups = this.groups();
    if (lastEpoch === -1) {
      for (const g of groups) if (!('initialLr' in g)) g.initialLr = g.lr;
    } else {
      groups.forEach((g, i) => {
        if (typeof g.initialLr !== 'number') {
          throw new SchedulerError(
            `${this.owner}: paramGroups[${i}].initialLr is not set but lastEpoch = ${lastEpoch} asks to resume; ` +
              'restore the optimizer state (which holds initialLr) first, or start with lastEpoch = -1',
          );
        }
      });
    }
    this.baseLrs = groups.map((g) => g.initialLr as number);
    this.lastEpoch = lastEpoch;
    this.initialStep();
  }

  /**
   * Resets the step count and performs one step, as construction does. SequentialLR calls it
   * to restart its first scheduler.
   * @internal
   */
  initialStep(): void {
    this.stepCount = 0;
    this.step();
  }

  /** The chainable form: the next learning rates from the current ones and `lastEpoch`. */
  protected abstract getLr(): number[];

  /** The closed form at `lastEpoch`, used by `step(epoch)`; `null` where PyTorch has none. */
  protected closedFormLr(): number[] | null {
    return null;
  }

  /**
   * Advances the schedule by one (`lastEpoch += 1`) and writes the new learning rates into
   * the optimizer. With `epoch`, jumps there instead and uses the closed form if the
   * scheduler has one (PyTorch's deprecated `step(epoch)`).
   */
  step(epoch?: number): void {
    this.stepCount += 1;
    let values: number[];
    if (epoch === undefined) {
      this.lastEpoch += 1;
      values = this.getLr();
    } else {
      if (typeof epoch !== 'number' || !Number.isFinite(epoch)) {
        throw new GdTypeError(`${this.owner}.step: epoch must be a finite number, got ${epoch}`);
      }
      this.lastEpoch = epoch;
      values = this.closedFormLr() ?? this.getLr();
    }
    this.writeLrs(values);
  }

  /** Writes `values` into the groups and remembers them as the last learning rates. */
  protected writeLrs(values: readonly number[]): void {
    const groups = this.groups();
    for (let i = 0; i < groups.length; i++) groups[i].lr = values[i];
    this.lastLr = groups.map((g) => g.lr);
  }

  /** The learning rate of each group after the last step (a copy). */
  getLastLr(): number[] {
    return [...this.lastLr];
  }

  /**
   * Every field except the optimizer and functions (`lrLambda`, `scaleFn`), as plain data:
   * `baseLrs`, `lastEpoch`, `stepCount`, `lastLr` and the options.
   */
  stateDict(): SchedulerState {
    return collectState(this, ['owner']);
  }

  /** Restores fields saved by `stateDict()`; functions keep the values given at construction. */
  loadStateDict(state: SchedulerState): void {
    restoreState(this, state, ['owner']);
  }
}
