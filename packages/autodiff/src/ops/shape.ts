import { defineVarOp } from '../registry';
import * as T from '@gd/tensor';
import { type Grad, record, send } from '../engine';
import type { Lift1 } from '../lift';
import { Var } from '../var';

type Shaped = Var | T.Tensor;

/** Gradient rule of every op that only rearranges elements without reordering them. */
function reshapeBack(g: Grad, n: Var): void {
  send(n.x0, reshape(g, (n.x0 as Var).shape));
}

/**
 * Same elements, new shape (one entry may be −1); the gradient is reshaped back.
 *
 * @example
 * ```ts
 * reshape(variable(arange(6)), [2, -1]).shape; // [2, 3]
 * ```
 */
export const reshape = defineVarOp('reshape', function reshape<
  A extends Shaped,
>(x: A, shape: readonly number[]): Lift1<A> {
  if (!(x instanceof Var)) return T.reshape(x as T.Tensor, shape) as Lift1<A>;
  return record('reshape', T.reshape(x.value, shape), x, null, reshapeBack) as Lift1<A>;
});

/**
 * Permutes axes (reverses them when `axes` is omitted); the gradient is permuted back by the
 * inverse permutation.
 *
 * @example
 * ```ts
 * transpose(variable(zeros([2, 3]))).shape; // [3, 2]
 * ```
 */
export const transpose = defineVarOp('transpose', function transpose<
  A extends Shaped,
>(x: A, axes?: readonly number[]): Lift1<A> {
  if (!(x instanceof Var)) return T.transpose(x as T.Tensor, axes) as Lift1<A>;
  return record('transpose', T.transpose(x.value, axes), x, null, transposeBack, axes) as Lift1<A>;
});

function transposeBack(g: Grad, n: Var): void {
  const axes = n.aux as readonly number[] | null;
  if (axes === null) {
    send(n.x0, transpose(g));
    return;
  }
  const nd = axes.length;
  const inverse = new Array<number>(nd);
  for (let i = 0; i < nd; i++) inverse[axes[i] < 0 ? axes[i] + nd : axes[i]] = i;
  send(n.x0, transpose(g, inverse));
}

/** PyTorch's permute: orders the axes as `axes`. @example `permute(v, [0, 2, 1])` */
export const permute = defineVarOp('permute', function permute<
  A extends Shaped,
>(x: A, axes: readonly number[]): Lift1<A> {
  return transpose(x, axes);
});

/** Swaps two axes (PyTorch's transpose(dim0, dim1)). @example `swapAxes(v, 0, 1)` */
export const swapAxes = defineVarOp('swapAxes', function swapAxes<
  A extends Shaped,
>(x: A, a: number, b: number): Lift1<A> {
  const nd = x.ndim;
  const perm = Array.from({ length: nd }, (_, i) => i);
  const i = a < 0 ? a + nd : a;
  const j = b < 0 ? b + nd : b;
  perm[i] = j;
  perm[j] = i;
  return transpose(x, perm);
});

/** Removes size-1 axes (all, or those named); the gradient is reshaped back. @example `squeeze(v, 0)` */
export const squeeze = defineVarOp('squeeze', function squeeze<
  A extends Shaped,
>(x: A, axis?: T.Axis): Lift1<A> {
  if (!(x instanceof Var)) return T.squeeze(x as T.Tensor, axis) as Lift1<A>;
  return record('squeeze', T.squeeze(x.value, axis), x, null, reshapeBack) as Lift1<A>;
});

/** Inserts a size-1 axis at `axis`; the gradient is reshaped back. @example `unsqueeze(v, 0)` */
export const unsqueeze = defineVarOp('unsqueeze', function unsqueeze<
  A extends Shaped,
>(x: A, axis: number): Lift1<A> {
  if (!(x instanceof Var)) return T.unsqueeze(x as T.Tensor, axis) as Lift1<A>;
  return record('unsqueeze', T.unsqueeze(x.value, axis), x, null, reshapeBack) as Lift1<A>;
});

/** NumPy's name for {@link unsqueeze}. @example `expandDims(v, -1)` */
export const expandDims = defineVarOp('expandDims', unsqueeze);

/** Collapses axes `startAxis..endAxis` into one; the gradient is reshaped back. @example `flatten(v, 1)` */
export const flatten = defineVarOp('flatten', function flatten<
  A extends Shaped,
>(x: A, startAxis?: number, endAxis?: number): Lift1<A> {
  if (!(x instanceof Var)) return T.flatten(x as T.Tensor, startAxis, endAxis) as Lift1<A>;
  return record(
    'flatten',
    T.flatten(x.value, startAxis, endAxis),
    x,
    null,
    reshapeBack,
  ) as Lift1<A>;
});

/**
 * Repeats size-1 axes (and prepends axes) to reach `shape`; the gradient is summed back over
 * the repeated axes.
 *
 * @example
 * ```ts
 * grad((x) => broadcastTo(x, [3, 2]).sum())(tensor([1, 2])); // [3, 3]
 * ```
 */
export const broadcastTo = defineVarOp('broadcastTo', function broadcastTo<
  A extends Shaped,
>(x: A, shape: readonly number[]): Lift1<A> {
  if (!(x instanceof Var)) return T.broadcastTo(x as T.Tensor, shape) as Lift1<A>;
  return record('broadcastTo', T.broadcastTo(x.value, shape), x, null, passThrough) as Lift1<A>;
});

/** `send` sums a gradient down to its input's shape and dtype, which is the whole rule here. */
export function passThrough(g: Grad, n: Var): void {
  send(n.x0, g);
}
