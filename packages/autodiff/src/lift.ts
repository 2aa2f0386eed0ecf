/**
 * Result types and op constructors: an op taking only Tensors and numbers returns a Tensor; an op
 * given any Var returns a Var (recorded when an input requires grad).
 */
import { type Tensor, type TensorLike, isFloat } from '@gd/tensor';
import { type BackwardFn, type Operand, raw, record } from './engine';
import { defineVarOp } from './registry';
import { Var } from './var';

/** Result of a one-input op on `A`: Var for a Var, Tensor for a Tensor or number. */
export type Lift1<A> = [A] extends [Var] ? Var : [A] extends [TensorLike] ? Tensor : Var | Tensor;

/** Result of a two-input op: Var when either input is a Var, Tensor when neither is. */
export type Lift2<A, B> = [A] extends [Var]
  ? Var
  : [B] extends [Var]
    ? Var
    : [A | B] extends [TensorLike]
      ? Tensor
      : Var | Tensor;

/** Result of an op on a list of operands: Tensor when none is a Var, Var when all are. */
export type LiftN<T extends Operand> = [T] extends [TensorLike]
  ? Tensor
  : [T] extends [Var]
    ? Var
    : Var | Tensor;

/** An element-wise op of one operand. */
export type UnaryOp = <A extends Operand>(x: A) => Lift1<A>;

/** An element-wise op of two broadcast operands. */
export type BinaryOp = <A extends Operand, B extends Operand>(a: A, b: B) => Lift2<A, B>;

/** Builds (and registers under `op`) a one-input op from its Tensor forward and its backward rule. */
export function unaryOp(op: string, fwd: (x: TensorLike) => Tensor, back: BackwardFn): UnaryOp {
  return defineVarOp(op, ((x: Operand) =>
    x instanceof Var ? record(op, fwd(x.value), x, null, back) : fwd(x)) as UnaryOp);
}

/**
 * Calls a binary Tensor op, handing a 0-d operand whose float dtype equals the other operand's
 * over as a plain number. The result is identical — PyTorch promotion keeps that dtype and the
 * tensor library runs the same scalar loop — but the number path skips the broadcasting
 * bookkeeping that dominates the cost of ops on 0-d tensors (the lectures' 1-D/2-D problems).
 */
function callBinary(fwd: (a: TensorLike, b: TensorLike) => Tensor, a: TensorLike, b: TensorLike) {
  if (typeof a !== 'number' && typeof b !== 'number' && a.dtype === b.dtype && isFloat(a.dtype)) {
    if (b.shape.length === 0) return fwd(a, b.data[0]);
    if (a.shape.length === 0) return fwd(a.data[0], b);
  }
  return fwd(a, b);
}

/** Builds (and registers under `op`) a two-input op from its Tensor forward and its backward rule. */
export function binaryOp(
  op: string,
  fwd: (a: TensorLike, b: TensorLike) => Tensor,
  back: BackwardFn,
): BinaryOp {
  return defineVarOp(op, ((a: Operand, b: Operand) =>
    a instanceof Var || b instanceof Var
      ? record(op, callBinary(fwd, raw(a), raw(b)), a, b, back)
      : callBinary(fwd, a, b)) as BinaryOp);
}
