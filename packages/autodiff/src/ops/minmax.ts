import { defineVarOp } from '../registry';
import * as T from '@gd/tensor';
import { type Operand, needs, raw, record, send } from '../engine';
import { type Lift1, binaryOp } from '../lift';
import { Var } from '../var';
import { mul } from './arithmetic';

/** Weight of `a`'s side in max/min: 1 where it wins, ½ on ties (PyTorch splits ties evenly). */
function winWeight(wins: T.Tensor, ties: T.Tensor): T.Tensor {
  return T.add(wins, T.mul(ties, 0.5));
}

/**
 * Element-wise max(a, b) with broadcasting; the gradient goes to the larger input, and is split
 * ½/½ where a = b (torch.maximum's rule). NaN propagates.
 *
 * @example
 * ```ts
 * grad((x) => maximum(x, 1).sum())(tensor([0, 1, 2])); // [0, 0.5, 1]
 * ```
 */
export const maximum = binaryOp('maximum', T.maximum, (g, n) => {
  const a = raw(n.x0!);
  const b = raw(n.x1!);
  const ties = T.equal(a, b);
  if (needs(n.x0)) send(n.x0, mul(g, winWeight(T.greater(a, b), ties)));
  if (needs(n.x1)) send(n.x1, mul(g, winWeight(T.less(a, b), ties)));
});

/**
 * Element-wise min(a, b) with broadcasting; the gradient goes to the smaller input, split ½/½
 * on ties (torch.minimum's rule). NaN propagates.
 *
 * @example
 * ```ts
 * grad((x) => minimum(x, 1).sum())(tensor([0, 1, 2])); // [1, 0.5, 0]
 * ```
 */
export const minimum = binaryOp('minimum', T.minimum, (g, n) => {
  const a = raw(n.x0!);
  const b = raw(n.x1!);
  const ties = T.equal(a, b);
  if (needs(n.x0)) send(n.x0, mul(g, winWeight(T.less(a, b), ties)));
  if (needs(n.x1)) send(n.x1, mul(g, winWeight(T.greater(a, b), ties)));
});

/**
 * Clamps element-wise: out = min(max(x, lo), hi) (either bound may be omitted). The gradient is
 * 1 where lo ≤ x ≤ hi — bounds included, as torch.clamp — and 0 outside.
 *
 * @example
 * ```ts
 * grad((x) => clamp(x, 0, 1).sum())(tensor([-1, 0.5, 1, 2])); // [0, 1, 1, 0]
 * ```
 */
export const clamp = defineVarOp('clamp', function clamp<
  A extends Operand,
>(x: A, lo?: number | null, hi?: number | null): Lift1<A> {
  if (!(x instanceof Var)) return T.clamp(x as T.TensorLike, lo, hi) as Lift1<A>;
  return record('clamp', T.clamp(x.value, lo, hi), x, null, clampBack, [
    lo ?? null,
    hi ?? null,
  ]) as Lift1<A>;
});

function clampBack(g: Var | T.Tensor, n: Var): void {
  const [lo, hi] = n.aux as [number | null, number | null];
  const x = n.x0 as Var;
  let inside: T.Tensor = T.onesLike(x.value);
  if (lo !== null) inside = T.mul(inside, T.greaterEqual(x.value, lo));
  if (hi !== null) inside = T.mul(inside, T.lessEqual(x.value, hi));
  send(x, mul(g, inside));
}
