/**
 * Ops whose results carry no gradient — logic, closeness, one-hot labels — lifted to Vars: given
 * a Var they run on its value and return a constant Var (requiresGrad false), like comparisons.
 */
import * as T from '@gd/tensor';
import { type Operand, raw } from '../engine';
import type { Lift1, Lift2 } from '../lift';
import { defineVarOp } from '../registry';
import { Var } from '../var';

const anyVar = (xs: readonly unknown[]): boolean => xs.some((x) => x instanceof Var);

/** a ∧ b element-wise as bool (no gradient). @example `logicalAnd(variable(tensor([1, 0])), 1) // Var [true, false]` */
export const logicalAnd = defineVarOp('logicalAnd', function logicalAnd<
  A extends Operand,
  B extends Operand,
>(a: A, b: B): Lift2<A, B> {
  const v = T.logicalAnd(raw(a), raw(b));
  return (anyVar([a, b]) ? new Var(v, false) : v) as Lift2<A, B>;
});

/** a ∨ b element-wise as bool (no gradient). @example `logicalOr(variable(tensor([1, 0])), 0) // Var [true, false]` */
export const logicalOr = defineVarOp('logicalOr', function logicalOr<
  A extends Operand,
  B extends Operand,
>(a: A, b: B): Lift2<A, B> {
  const v = T.logicalOr(raw(a), raw(b));
  return (anyVar([a, b]) ? new Var(v, false) : v) as Lift2<A, B>;
});

/** a ⊕ b element-wise as bool (no gradient). @example `logicalXor(variable(tensor([1, 0])), 1) // Var [false, true]` */
export const logicalXor = defineVarOp('logicalXor', function logicalXor<
  A extends Operand,
  B extends Operand,
>(a: A, b: B): Lift2<A, B> {
  const v = T.logicalXor(raw(a), raw(b));
  return (anyVar([a, b]) ? new Var(v, false) : v) as Lift2<A, B>;
});

/** ¬x element-wise as bool (no gradient). @example `logicalNot(variable(tensor([1, 0]))) // Var [false, true]` */
export const logicalNot = defineVarOp('logicalNot', function logicalNot<
  A extends Operand,
>(x: A): Lift1<A> {
  const v = T.logicalNot(raw(x));
  return (x instanceof Var ? new Var(v, false) : v) as Lift1<A>;
});

/** True where any element over `axis` is non-zero (no gradient). @example `any(variable(tensor([0, 1]))) // Var true` */
export const any = defineVarOp('any', function any<
  A extends Var | T.Tensor,
>(x: A, opts?: T.ReduceOptions): Lift1<A> {
  const v = T.any(raw(x) as T.Tensor, opts);
  return (x instanceof Var ? new Var(v, false) : v) as Lift1<A>;
});

/** True where every element over `axis` is non-zero (no gradient). @example `all(variable(tensor([0, 1]))) // Var false` */
export const all = defineVarOp('all', function all<
  A extends Var | T.Tensor,
>(x: A, opts?: T.ReduceOptions): Lift1<A> {
  const v = T.all(raw(x) as T.Tensor, opts);
  return (x instanceof Var ? new Var(v, false) : v) as Lift1<A>;
});

/** |a − b| ≤ atol + rtol·|b| element-wise as bool (no gradient). @example `isClose(v, w, { atol: 1e-6 })` */
export const isClose = defineVarOp('isClose', function isClose<
  A extends Operand,
  B extends Operand,
>(a: A, b: B, opts?: T.CloseOptions): Lift2<A, B> {
  const v = T.isClose(raw(a), raw(b), opts);
  return (anyVar([a, b]) ? new Var(v, false) : v) as Lift2<A, B>;
});

/** True when every element of a is close to b's (torch.allclose on the values). @example `allClose(v, w)` */
export const allClose = defineVarOp(
  'allClose',
  function allClose(a: Operand, b: Operand, opts?: T.CloseOptions): boolean {
    return T.allClose(raw(a), raw(b), opts);
  },
);

/** One-hot encoding of integer labels (no gradient). @example `oneHot(variable(labels, { requiresGrad: false }), 3)` */
export const oneHot = defineVarOp('oneHot', function oneHot<
  A extends Var | T.Tensor,
>(labels: A, numClasses?: number, opts?: T.OneHotOptions): Lift1<A> {
  const v = T.oneHot(raw(labels) as T.Tensor, numClasses, opts);
  return (labels instanceof Var ? new Var(v, false) : v) as Lift1<A>;
});
