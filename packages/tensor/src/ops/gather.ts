import { defineOp } from './registry';
import { GdRangeError, GdTypeError } from '@gd/errors';
import { allocate, isFloat } from '../dtype';
import { DTypeError, ShapeError, fmtShape } from '../errors';
import { normalizeAxis, stridesOf } from '../shape';
import { Tensor } from '../tensor';
import { castArray } from './elementwise';
import { type IndexLike, toIndexTensor } from './indices';
import { checkTensor } from './check';

/**
 * Visits every position of `shape` in row-major order, calling `visit(p, offA, offB, c)` with the
 * flat position, the offsets into two tensors of strides `sa`, `sb` with the `axis` coordinate
 * left out (callers add the looked-up index themselves), and that coordinate `c`.
 */
function walk(
  shape: readonly number[],
  axis: number,
  sa: readonly number[],
  sb: readonly number[],
  visit: (p: number, offA: number, offB: number, axisCoord: number) => void,
): void {
  const nd = shape.length;
  let n = 1;
  for (const d of shape) n *= d;
  const idx = new Array<number>(nd).fill(0);
  let offA = 0;
  let offB = 0;
  for (let p = 0; p < n; p++) {
    visit(p, offA, offB, nd === 0 ? 0 : idx[axis]);
    for (let ax = nd - 1; ax >= 0; ax--) {
      idx[ax]++;
      if (ax !== axis) {
        offA += sa[ax];
        offB += sb[ax];
      }
      if (idx[ax] < shape[ax]) break;
      if (ax !== axis) {
        offA -= idx[ax] * sa[ax];
        offB -= idx[ax] * sb[ax];
      }
      idx[ax] = 0;
    }
  }
}

function checkIndexShape(op: string, x: Tensor, idx: Tensor, axis: number, other?: Tensor): void {
  if (idx.ndim !== x.ndim) {
    throw new ShapeError(
      `${op}: index must have as many dimensions as the input: index ${fmtShape(idx.shape)}, input ${fmtShape(x.shape)}`,
    );
  }
  for (let d = 0; d < x.ndim; d++) {
    if (d !== axis && idx.shape[d] > x.shape[d]) {
      throw new ShapeError(
        `${op}: index ${fmtShape(idx.shape)} is larger than input ${fmtShape(x.shape)} on axis ${d}`,
      );
    }
    if (other && idx.shape[d] > other.shape[d]) {
      throw new ShapeError(
        `${op}: index ${fmtShape(idx.shape)} is larger than src ${fmtShape(other.shape)} on axis ${d}`,
      );
    }
  }
}

function checkIndex(op: string, v: number, n: number, axis: number): void {
  if (v < 0 || v >= n) {
    throw new GdRangeError(`${op}: index ${v} is out of bounds for axis ${axis} with size ${n}`);
  }
}

/**
 * Gathers values along `axis` by an index tensor of the same rank, as torch.gather:
 * out[i][j][k] = x[index[i][j][k]][j][k] for axis 0 (likewise for other axes). The output has
 * the index's shape; index sizes may be smaller than x's on the other axes. Indices must lie in
 * [0, x.shape[axis]).
 *
 * @example
 * ```ts
 * gather(tensor([[1, 2], [3, 4]]), 1, tensor([[0, 0], [1, 0]], { dtype: 'int32' })).toArray();
 * // [[1, 1], [4, 3]]
 * ```
 */
export const gather = /* @__PURE__ */ defineOp(
  'gather',
  function gather(x: Tensor, axis: number, index: IndexLike): Tensor {
    checkTensor('gather', x);
    const idx = toIndexTensor('gather', index);
    const ax = normalizeAxis('gather', axis, x.ndim);
    checkIndexShape('gather', x, idx, ax);
    const out = allocate(x.dtype, idx.size);
    const src = x.data;
    const id = idx.data;
    const n = x.ndim === 0 ? 1 : x.shape[ax];
    const xs = stridesOf(x.shape);
    const step = x.ndim === 0 ? 0 : xs[ax];
    walk(idx.shape, ax, xs, stridesOf(idx.shape), (p, offX) => {
      const v = id[p];
      checkIndex('gather', v, n, ax);
      out[p] = src[offX + v * step];
    });
    return new Tensor(out, idx.shape);
  },
);

/**
 * Adds `src` into a copy of `x` at positions given by `index` along `axis`, as
 * torch.scatter_add (not in place): out[index[i][j]][j] += src[i][j] for axis 0. Repeated
 * indices accumulate. `index` has the rank of `x`, its sizes are ≤ src's on every axis and ≤ x's
 * on the others. The result keeps x's dtype.
 *
 * @example
 * ```ts
 * scatterAdd(zeros([3]), 0, tensor([0, 2, 0], { dtype: 'int32' }), tensor([1, 2, 3])).toArray();
 * // [4, 0, 2]
 * ```
 */
export const scatterAdd = /* @__PURE__ */ defineOp(
  'scatterAdd',
  function scatterAdd(x: Tensor, axis: number, index: IndexLike, src: Tensor): Tensor {
    if (!(x instanceof Tensor) || !(src instanceof Tensor)) {
      throw new GdTypeError('scatterAdd: x and src must be Tensors');
    }
    if (!isFloat(x.dtype) && isFloat(src.dtype)) {
      throw new DTypeError(
        `scatterAdd: cannot add ${src.dtype} src into a ${x.dtype} tensor; cast one of them with astype`,
      );
    }
    const idx = toIndexTensor('scatterAdd', index);
    const ax = normalizeAxis('scatterAdd', axis, x.ndim);
    if (src.ndim !== x.ndim) {
      throw new ShapeError(
        `scatterAdd: src must have as many dimensions as the input: src ${fmtShape(src.shape)}, input ${fmtShape(x.shape)}`,
      );
    }
    checkIndexShape('scatterAdd', x, idx, ax, src);
    const out = x.data.slice();
    const sd = src.dtype === x.dtype ? src.data : castArray(src.data, x.dtype);
    const id = idx.data;
    const n = x.ndim === 0 ? 1 : x.shape[ax];
    const xs = stridesOf(x.shape);
    const step = x.ndim === 0 ? 0 : xs[ax];
    const ss = stridesOf(src.shape);
    const srcStep = x.ndim === 0 ? 0 : ss[ax];
    walk(idx.shape, ax, xs, ss, (p, offX, offS, c) => {
      const v = id[p];
      checkIndex('scatterAdd', v, n, ax);
      // src is read at the index tensor's own coordinate on `axis`, not at the looked-up value.
      out[offX + v * step] += sd[offS + c * srcStep];
    });
    if (x.dtype === 'bool') for (let i = 0; i < out.length; i++) out[i] = out[i] ? 1 : 0;
    return new Tensor(out, x.shape);
  },
);
