import { GdTypeError } from '@gd/errors';
import { type Group, groupsOf, type OptimizerLike } from './optimizer.js';

/** Where a group keeps its momentum: SGD-style `momentum`, or Adam-style `betas[0]`. */
export type MomentumKey = 'momentum' | 'betas';

/**
 * Decides where the optimizer keeps momentum, as PyTorch does from `optimizer.defaults`
 * (`betas` wins when both exist); without `defaults`, the first parameter group is looked at.
 */
export function momentumKeyOf(optimizer: OptimizerLike, owner: string): MomentumKey {
  const source = (optimizer.defaults ?? groupsOf(optimizer)[0] ?? {}) as object;
  if ('betas' in source) return 'betas';
  if ('momentum' in source) return 'momentum';
  throw new GdTypeError(
    `${owner}: cycleMomentum is on but the optimizer has neither 'momentum' nor 'betas' ` +
      'in its parameter groups; pass cycleMomentum: false, or give the groups a momentum',
  );
}

/** The group's current momentum (`momentum` or `betas[0]`). */
export function getMomentum(group: Group, key: MomentumKey): number {
  if (key === 'betas') {
    const betas = group.betas;
    if (!Array.isArray(betas) || typeof betas[0] !== 'number') {
      throw new GdTypeError(
        `momentum cycling: group.betas must be an array of numbers, got ${String(betas)}`,
      );
    }
    return betas[0];
  }
  const m = group.momentum;
  if (typeof m !== 'number') {
    throw new GdTypeError(`momentum cycling: group.momentum must be a number, got ${String(m)}`);
  }
  return m;
}

/**
 * Sets the group's momentum. `betas` gets a new array `[m, ...rest]`, as PyTorch assigns a new
 * tuple, so an optimizer that captured the old array is not surprised by a mutation.
 */
export function setMomentum(group: Group, key: MomentumKey, value: number): void {
  if (key === 'betas') {
    const betas = Array.isArray(group.betas) ? (group.betas as number[]) : [];
    group.betas = [value, ...betas.slice(1)];
  } else {
    group.momentum = value;
  }
}
