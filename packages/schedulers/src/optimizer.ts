import { GdTypeError } from '@gd/errors';

/**
 * A parameter group as a scheduler sees it: a learning rate plus whatever other
 * hyperparameters the optimizer keeps (`momentum`, `betas`, `weightDecay`, …). Schedulers
 * write `lr` and, where they cycle momentum, `momentum` or `betas[0]`; they also record
 * their bookkeeping (`initialLr`, and for OneCycleLR `maxLr`, `minLr`, `maxMomentum`,
 * `baseMomentum`) in the group, as PyTorch does.
 *
 * The union lets both optimizer classes with declared group interfaces and plain object
 * literals with extra keys be passed.
 */
export type ParamGroup = { lr: number } | { lr: number; [key: string]: unknown };

/**
 * Anything with `paramGroups` — an `@gd/optim` optimizer, your own optimizer, or a plain
 * object `{ paramGroups: [{ lr: 0.1 }] }`. `defaults`, when present, is consulted (like
 * PyTorch's `optimizer.defaults`) to decide whether momentum lives in `momentum` or `betas`.
 *
 * @example
 * ```ts
 * const opt: OptimizerLike = { paramGroups: [{ lr: 0.1, momentum: 0.9 }] };
 * ```
 */
export interface OptimizerLike {
  readonly paramGroups: readonly ParamGroup[];
  readonly defaults?: object;
}

/** A group with its extra keys visible; schedulers read and write them by name. */
export type Group = { lr: number } & Record<string, unknown>;

/** The optimizer's groups, typed for reading and writing scheduler bookkeeping. */
export function groupsOf(optimizer: OptimizerLike): Group[] {
  return optimizer.paramGroups as unknown as Group[];
}

/** Reads a numeric bookkeeping key of a group, failing loudly if it is missing. */
export function numberKey(group: Group, key: string, index: number, owner: string): number {
  const value = group[key];
  if (typeof value !== 'number') {
    throw new GdTypeError(
      `${owner}: paramGroups[${index}].${key} must be a number, got ${String(value)}; ` +
        'construct the scheduler with lastEpoch = -1 or restore the optimizer state first',
    );
  }
  return value;
}
