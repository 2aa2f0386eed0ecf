import { GdRangeError } from '@gd/errors';
import { type Var, mean, sum } from '@gd/autodiff';

/**
 * How a loss combines per-element values, as PyTorch's `reduction`: `'mean'` (default) averages,
 * `'sum'` adds, `'none'` returns them unreduced.
 */
export type Reduction = 'mean' | 'sum' | 'none';

/** Throws a RangeError naming `op` unless `r` is a {@link Reduction}; returns it (default 'mean'). */
export function checkReduction(op: string, r: Reduction | undefined): Reduction {
  if (r === undefined) return 'mean';
  if (r !== 'mean' && r !== 'sum' && r !== 'none') {
    throw new GdRangeError(`${op}: reduction must be 'mean', 'sum' or 'none', got '${String(r)}'`);
  }
  return r;
}

/** Applies `reduction` to per-element losses: their mean, their sum, or themselves. */
export function reduce(loss: Var, reduction: Reduction): Var {
  if (reduction === 'none') return loss;
  return reduction === 'sum' ? sum(loss) : mean(loss);
}
