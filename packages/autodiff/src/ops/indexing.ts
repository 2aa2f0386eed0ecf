import { defineVarOp } from '../registry';
import * as T from '@gd/tensor';
import { type Grad, type Operand, needs, raw, record, send } from '../engine';
import type { Lift1, Lift2 } from '../lift';
import { Var } from '../var';
import { reshape } from './shape';

/** Indices an indexing op accepts: an int32 tensor, a nested array of integers or one integer. */
export type IndexLike = T.Tensor | T.NestedArray | number;

/** Flat positions (int32, row-major) of every element of a tensor of `shape`. */
function positions(shape: readonly number[]): T.Tensor {
  const size = shape.reduce((p, d) => p * d, 1);
  return T.reshape(T.arange(size), shape);
}

/**
 * The backward of every "pick elements" op: a zero tensor of `shape` with `g` added at the flat
 * positions `pos` (repeats accumulate). Differentiable, through scatterAdd.
 */
function embed(g: Grad, shape: readonly number[], pos: T.Tensor): Grad {
  const size = shape.reduce((p, d) => p * d, 1);
  const z = T.zeros([size], { dtype: g.dtype });
  return reshape(scatterAdd(z, 0, T.reshape(pos, [-1]), reshape(g, [-1])), shape);
}

function placeBack(g: Grad, n: Var): void {
  const x = n.x0 as Var;
  send(x, embed(g, x.shape, n.aux as T.Tensor));
}

/**
 * NumPy-style basic indexing: one entry per leading axis — a number selects (and drops the
 * axis), null keeps it, `[start?, stop?, step?]` slices (negatives count from the end). The
 * gradient is scattered back into zeros of the input's shape.
 *
 * @example
 * ```ts
 * slice(variable(arange(12).reshape([3, 4])), [[1, null], [0, 4, 2]]); // rows 1.., cols 0 and 2
 * ```
 */
export const slice = defineVarOp('slice', function slice<
  A extends Var | T.Tensor,
>(x: A, spec: T.SliceSpec): Lift1<A> {
  if (!(x instanceof Var)) return T.slice(x as T.Tensor, spec) as Lift1<A>;
  const value = T.slice(x.value, spec);
  const v = record('slice', value, x, null, placeBack);
  if (v.requiresGrad) v.aux = T.slice(positions(x.shape), spec);
  return v as Lift1<A>;
});

/**
 * Picks entries along `axis` by index (np.take); without `axis` the input is read flattened.
 * Repeated indices accumulate their gradients.
 *
 * @example
 * ```ts
 * take(variable(tensor([[1, 2], [3, 4]])), [1, 1], 0); // Var [[3, 4], [3, 4]]
 * ```
 */
export const take = defineVarOp('take', function take<
  A extends Var | T.Tensor,
>(x: A, indices: IndexLike, axis?: number): Lift1<A> {
  if (!(x instanceof Var)) return T.take(x as T.Tensor, indices, axis) as Lift1<A>;
  const v = record('take', T.take(x.value, indices, axis), x, null, placeBack);
  if (v.requiresGrad) v.aux = T.take(positions(x.shape), indices, axis);
  return v as Lift1<A>;
});

/**
 * Whole slices at `indices` along `axis` (torch.index_select); the gradient is added back at
 * those slices (repeats accumulate).
 *
 * @example
 * ```ts
 * indexSelect(variable(tensor([[1, 2], [3, 4]])), 1, [1]); // Var [[2], [4]]
 * ```
 */
export const indexSelect = defineVarOp('indexSelect', function indexSelect<
  A extends Var | T.Tensor,
>(x: A, axis: number, indices: IndexLike): Lift1<A> {
  if (!(x instanceof Var)) return T.indexSelect(x as T.Tensor, axis, indices) as Lift1<A>;
  const v = record('indexSelect', T.indexSelect(x.value, axis, indices), x, null, placeBack);
  if (v.requiresGrad) v.aux = T.indexSelect(positions(x.shape), axis, indices);
  return v as Lift1<A>;
});

/**
 * Gathers along `axis` by an index of the same rank (torch.gather):
 * out[i][j] = x[index[i][j]][j] for axis 0. Backward: scatterAdd of the gradient into zeros.
 *
 * @example
 * ```ts
 * gather(variable(tensor([[1, 2], [3, 4]])), 1, tensor([[1], [0]], { dtype: 'int32' })); // [[2], [3]]
 * ```
 */
export const gather = defineVarOp('gather', function gather<
  A extends Var | T.Tensor,
>(x: A, axis: number, index: IndexLike): Lift1<A> {
  if (!(x instanceof Var)) return T.gather(x as T.Tensor, axis, index) as Lift1<A>;
  return record('gather', T.gather(x.value, axis, index), x, null, gatherBack, [
    axis,
    index,
  ]) as Lift1<A>;
});

function gatherBack(g: Grad, n: Var): void {
  const x = n.x0 as Var;
  const [axis, index] = n.aux as [number, IndexLike];
  send(x, scatterAdd(T.zeros(x.shape, { dtype: x.dtype }), axis, index, g));
}

/**
 * Adds `src` into a copy of `x` at `index` along `axis` (torch.scatter_add):
 * out[index[i][j]][j] += src[i][j] for axis 0. Backward: g for x, gather(g, axis, index) for src.
 *
 * @example
 * ```ts
 * scatterAdd(zeros([3]), 0, tensor([0, 2, 0], { dtype: 'int32' }), variable(tensor([1, 2, 3])));
 * // Var [4, 0, 2]
 * ```
 */
export const scatterAdd = defineVarOp('scatterAdd', function scatterAdd<
  A extends Var | T.Tensor,
  B extends Var | T.Tensor,
>(x: A, axis: number, index: IndexLike, src: B): Lift2<A, B> {
  if (!(x instanceof Var) && !(src instanceof Var)) {
    return T.scatterAdd(x as T.Tensor, axis, index, src as T.Tensor) as Lift2<A, B>;
  }
  const value = T.scatterAdd(raw(x) as T.Tensor, axis, index, raw(src) as T.Tensor);
  return record('scatterAdd', value, x, src, scatterAddBack, [axis, index]) as Lift2<A, B>;
});

function scatterAddBack(g: Grad, n: Var): void {
  const [axis, index] = n.aux as [number, IndexLike];
  send(n.x0, g);
  if (!needs(n.x1)) return;
  const src = n.x1;
  const picked = gather(g, axis, index);
  if (picked.shape.every((d, i) => d === src.shape[i])) {
    send(src, picked);
    return;
  }
  // The index may cover only the front of src on some axes; the rest of src gets no gradient.
  const region = T.slice(
    positions(src.shape),
    picked.shape.map((d) => [0, d] as const),
  );
  send(src, embed(picked, src.shape, region));
}

/**
 * Index of the largest element along `axis` (flat when omitted) as an int32 Tensor; ties give
 * the first index. Indices carry no gradient, so a Var input gives a plain Tensor.
 *
 * @example
 * ```ts
 * argmax(variable(tensor([[1, 5], [7, 0]])), { axis: 1 }).toArray(); // [1, 0]
 * ```
 */
export const argmax = defineVarOp(
  'argmax',
  function argmax(x: Var | T.Tensor, opts?: { axis?: number; keepDims?: boolean }): T.Tensor {
    return T.argmax(x instanceof Var ? x.value : x, opts);
  },
);

/** Index of the smallest element along `axis` as an int32 Tensor (no gradient). @example `argmin(v, { axis: 0 })` */
export const argmin = defineVarOp(
  'argmin',
  function argmin(x: Var | T.Tensor, opts?: { axis?: number; keepDims?: boolean }): T.Tensor {
    return T.argmin(x instanceof Var ? x.value : x, opts);
  },
);

/** Result of {@link where}: a Var when any operand (the condition included) is a Var. */
export type LiftWhere<C, A, B> = [C] extends [Var] ? Var : Lift2<A, B>;

/**
 * Element-wise choice with broadcasting: out = cond ? a : b. The gradient flows to `a` where the
 * condition holds and to `b` where it does not; the condition itself is not differentiable.
 *
 * @example
 * ```ts
 * where(greater(x, 0), x, mul(x, 0.01)); // a leaky ReLU
 * ```
 */
export const where = defineVarOp('where', function where<
  C extends Operand,
  A extends Operand,
  B extends Operand,
>(cond: C, a: A, b: B): LiftWhere<C, A, B> {
  if (!(cond instanceof Var) && !(a instanceof Var) && !(b instanceof Var)) {
    return T.where(cond as T.TensorLike, a as T.TensorLike, b as T.TensorLike) as LiftWhere<
      C,
      A,
      B
    >;
  }
  const c = raw(cond);
  const value = T.where(c, raw(a), raw(b));
  return record('where', value, a, b, whereBack, c) as LiftWhere<C, A, B>;
});

function whereBack(g: Grad, n: Var): void {
  const c = n.aux as T.TensorLike;
  if (needs(n.x0)) send(n.x0, where(c, g, 0));
  if (needs(n.x1)) send(n.x1, where(c, 0, g));
}
