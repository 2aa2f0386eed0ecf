import { defineVarOp } from '../registry';
import * as T from '@gd/tensor';
import { record } from '../engine';
import type { Lift1 } from '../lift';
import { Var } from '../var';
import { passThrough } from './shape';

/**
 * Converts to `dtype` (always a copy); the gradient is cast back to the input's dtype. Casting
 * a Var to int32 or bool gives a constant Var (not differentiable).
 *
 * @example
 * ```ts
 * astype(variable(tensor([1, 2])), 'float64').dtype; // 'float64'
 * ```
 */
export const astype = defineVarOp('astype', function astype<
  A extends Var | T.Tensor,
>(x: A, dtype: T.DType): Lift1<A> {
  if (!(x instanceof Var)) return T.astype(x as T.Tensor, dtype) as Lift1<A>;
  return record('astype', T.astype(x.value, dtype), x, null, passThrough) as Lift1<A>;
});

/**
 * Alias of {@link astype} (the name @gd/tensor also exports): out = x converted to `dtype`.
 *
 * @example
 * ```ts
 * cast(variable(tensor([1, 2])), 'float64').dtype; // 'float64'
 * ```
 */
export const cast = defineVarOp('cast', function cast<
  A extends Var | T.Tensor,
>(x: A, dtype: T.DType): Lift1<A> {
  return astype(x, dtype);
});

/**
 * A copy with its own buffer (torch.clone, np.copy), differentiable: out = x, ∂out/∂x = 1. Use it
 * to keep a value that will later be changed in place (e.g. by an optimizer step).
 *
 * @example
 * ```ts
 * const w = variable(tensor([1, 2]));
 * copy(w).mul(3).sum().backward(); // w.grad = [3, 3]; copy(w).value.data is not w.value.data
 * ```
 */
export const copy = defineVarOp('copy', function copy<A extends Var | T.Tensor>(x: A): Lift1<A> {
  if (!(x instanceof Var)) return T.copy(x as T.Tensor) as Lift1<A>;
  return record('copy', T.copy(x.value), x, null, passThrough) as Lift1<A>;
});
