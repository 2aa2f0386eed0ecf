import { defineVarOp } from '../registry';
import * as T from '@gd/tensor';
import { type Grad, out, record, send } from '../engine';
import type { Lift1 } from '../lift';
import { Var } from '../var';
import { mul, sub } from './arithmetic';
import { sum } from './reduce';
import { exp } from './unary';

/**
 * softmax(x)ᵢ = exp(xᵢ) / Σⱼ exp(xⱼ) along `axis` (default −1), computed stably. Backward:
 * ∂L/∂x = s ⊙ (g − Σⱼ gⱼsⱼ).
 *
 * @example
 * ```ts
 * softmax(variable(tensor([[1, 2, 3]]))); // Var [[0.09, 0.245, 0.665]]
 * ```
 */
export const softmax = defineVarOp('softmax', function softmax<
  A extends Var | T.Tensor,
>(x: A, axis = -1): Lift1<A> {
  if (!(x instanceof Var)) return T.softmax(x as T.Tensor, axis) as Lift1<A>;
  return record('softmax', T.softmax(x.value, axis), x, null, softmaxBack, axis) as Lift1<A>;
});

function softmaxBack(g: Grad, n: Var): void {
  const s = out(n);
  const axis = n.aux as number;
  send(n.x0, mul(s, sub(g, sum(mul(g, s), { axis, keepDims: true }))));
}

/**
 * log softmax(x)ᵢ = xᵢ − log Σⱼ exp(xⱼ) along `axis` (default −1), computed stably. Backward:
 * ∂L/∂x = g − softmax(x) · Σⱼ gⱼ.
 *
 * @example
 * ```ts
 * logSoftmax(variable(tensor([0, 0]))); // Var [−0.693, −0.693]
 * ```
 */
export const logSoftmax = defineVarOp('logSoftmax', function logSoftmax<
  A extends Var | T.Tensor,
>(x: A, axis = -1): Lift1<A> {
  if (!(x instanceof Var)) return T.logSoftmax(x as T.Tensor, axis) as Lift1<A>;
  return record(
    'logSoftmax',
    T.logSoftmax(x.value, axis),
    x,
    null,
    logSoftmaxBack,
    axis,
  ) as Lift1<A>;
});

function logSoftmaxBack(g: Grad, n: Var): void {
  const axis = n.aux as number;
  send(n.x0, sub(g, mul(exp(out(n)), sum(g, { axis, keepDims: true }))));
}
