import { GdError } from '@gd/errors';

/**
 * Thrown when an optimizer is given something it cannot update, such as a non-leaf Var (the
 * result of an op, e.g. `w = w.sub(…)` reassigned): PyTorch refuses it with "can't optimize a
 * non-leaf Tensor". The message says how to make a leaf: `variable(...)` or `.detach()`.
 * Bad option values throw `RangeError`/`TypeError` (`GdRangeError`/`GdTypeError`) instead.
 *
 * @example
 * ```ts
 * const w = variable(randn([3])).mul(2); // not a leaf
 * try { new SGD([w], { lr: 0.1 }); } catch (e) { if (e instanceof OptimizerError) console.log(e.code); }
 * // ERR_GD_OPTIMIZER
 * ```
 */
export class OptimizerError extends GdError {
  override name = 'OptimizerError';
  /** Always `'ERR_GD_OPTIMIZER'`. */
  override readonly code: string = 'ERR_GD_OPTIMIZER';
}
