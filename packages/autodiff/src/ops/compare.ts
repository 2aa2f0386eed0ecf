/**
 * Comparisons return bool tensors, which have no gradient: on Vars they give a constant Var
 * (requiresGrad false), and asking it for a backward pass says why.
 */
import { GdTypeError } from '@gd/errors';
import * as T from '@gd/tensor';
import type { Grad } from '../engine';
import type { Var } from '../var';
import { binaryOp } from '../lift';

function notDifferentiable(_g: Grad, n: Var): void {
  throw new GdTypeError(`${n.op}: returns a bool tensor, which is not differentiable`);
}

/** a == b element-wise as bool (not differentiable). @example `equal(variable(tensor([1, 2])), 2)  // [false, true]` */
export const equal = binaryOp('equal', T.equal, notDifferentiable);
/** a ≠ b element-wise as bool (not differentiable). @example `notEqual(x, 0)` */
export const notEqual = binaryOp('notEqual', T.notEqual, notDifferentiable);
/** a < b element-wise as bool (not differentiable). @example `less(x, 0)` */
export const less = binaryOp('less', T.less, notDifferentiable);
/** a ≤ b element-wise as bool (not differentiable). @example `lessEqual(x, 0)` */
export const lessEqual = binaryOp('lessEqual', T.lessEqual, notDifferentiable);
/** a > b element-wise as bool (not differentiable). @example `greater(x, 0)` */
export const greater = binaryOp('greater', T.greater, notDifferentiable);
/** a ≥ b element-wise as bool (not differentiable). @example `greaterEqual(x, 0)` */
export const greaterEqual = binaryOp('greaterEqual', T.greaterEqual, notDifferentiable);
