import { GdRangeError } from '@gd/errors';
import type { OptimizerLike } from './optimizer.js';
import type { Schedule } from './schedule.js';
import { LRScheduler } from './scheduler.js';
import { callable, finite } from './validate.js';

/** A factor as a function of the epoch index. */
export type LrLambda = (epoch: number) => number;

/** Options of {@link LambdaLR}. */
export interface LambdaLROptions {
  /** One function for all groups, or one per parameter group. */
  lrLambda: LrLambda | readonly LrLambda[];
  /** Index of the last epoch when resuming; default −1 (start fresh). */
  lastEpoch?: number;
}

/** One function per parameter group, checked, from a single function or a list. */
export function lambdasFor(
  owner: string,
  lrLambda: LrLambda | readonly LrLambda[],
  groups: number,
): LrLambda[] {
  if (Array.isArray(lrLambda)) {
    if (lrLambda.length !== groups) {
      throw new GdRangeError(
        `${owner}: expected ${groups} lrLambda functions (one per parameter group), got ${lrLambda.length}`,
      );
    }
    return lrLambda.map((f, i) => callable<LrLambda>(owner, `lrLambda[${i}]`, f));
  }
  const f = callable<LrLambda>(owner, 'lrLambda', lrLambda);
  return new Array<LrLambda>(groups).fill(f);
}

/**
 * Sets each group's learning rate to its initial lr times a function of the epoch
 * (PyTorch's `torch.optim.lr_scheduler.LambdaLR`).
 *
 * ηₜ = η₀ · λ(t)
 *
 * `lrLambda` is not part of `stateDict()` (PyTorch does not pickle plain functions either).
 *
 * @example
 * ```ts
 * const opt = { paramGroups: [{ lr: 0.1 }] };
 * const sched = new LambdaLR(opt, { lrLambda: (epoch) => 0.95 ** epoch });
 * sched.step(); opt.paramGroups[0].lr; // 0.095
 * ```
 */
export class LambdaLR extends LRScheduler {
  lrLambdas: LrLambda[];

  constructor(optimizer: OptimizerLike, options: LambdaLROptions) {
    super(optimizer, 'LambdaLR');
    this.lrLambdas = lambdasFor('LambdaLR', options?.lrLambda, this.groups().length);
    this.attach(options.lastEpoch ?? -1);
  }

  protected getLr(): number[] {
    return this.baseLrs.map((base, i) => base * this.lrLambdas[i](this.lastEpoch));
  }
}

/**
 * The closed form of {@link LambdaLR}: `t ↦ lr · λ(t)`.
 *
 * @example
 * ```ts
 * lambdaLRSchedule({ lr: 0.1, lrLambda: (t) => 1 / (1 + t) })(4); // 0.02
 * ```
 */
export function lambdaLRSchedule(options: { lr: number; lrLambda: LrLambda }): Schedule {
  const lr = finite('lambdaLRSchedule', 'lr', options.lr);
  const f = callable<LrLambda>('lambdaLRSchedule', 'lrLambda', options.lrLambda);
  return (t) => lr * f(t);
}
