import { defineOp } from './registry';
import { type DType, type TypedArray, allocate, floatResult } from '../dtype';
import { ShapeError, fmtShape } from '../errors';
import { type ReduceCode, backend } from '../kernels';
import { normalizeAxes } from '../shape';
import { type ReduceOptions, Tensor } from '../tensor';
import { checkTensor } from './check';
import { transpose } from './shape';

/** Shapes of a reduction: the output shape (with or without kept axes) and the block sizes. */
export interface ReducePlan {
  /** Reduced axes, sorted. */
  axes: number[];
  /** Output shape honouring keepDims. */
  outShape: number[];
  /** Number of output elements. */
  outer: number;
  /** Number of input elements folded into each output. */
  inner: number;
}

/** Works out which axes a reduction folds and the resulting shapes. */
export function reducePlan(op: string, x: Tensor, opts: ReduceOptions = {}): ReducePlan {
  checkTensor(op, x);
  const axes = normalizeAxes(op, opts.axis, x.ndim);
  const outShape: number[] = [];
  let inner = 1;
  for (let i = 0; i < x.ndim; i++) {
    if (axes.includes(i)) {
      inner *= x.shape[i];
      if (opts.keepDims) outShape.push(1);
    } else outShape.push(x.shape[i]);
  }
  let outer = 1;
  for (let i = 0; i < x.ndim; i++) if (!axes.includes(i)) outer *= x.shape[i];
  return { axes, outShape, outer, inner };
}

/**
 * Lays `x` out so the reduced axes are the trailing, contiguous block: no copy when they already
 * are (e.g. a reduction over the last axis or over everything).
 */
export function moveReducedLast(x: Tensor, axes: readonly number[]): Tensor {
  const kept = [];
  for (let i = 0; i < x.ndim; i++) if (!axes.includes(i)) kept.push(i);
  const perm = [...kept, ...axes];
  const identity = perm.every((p, i) => p === i);
  return identity ? x : transpose(x, perm);
}

function reduceOp(
  code: ReduceCode,
  op: string,
  x: Tensor,
  opts: ReduceOptions | undefined,
  dtype: DType,
): Tensor {
  const plan = reducePlan(op, x, opts);
  if (plan.inner === 0 && (code === 'max' || code === 'min')) {
    throw new ShapeError(
      `${op}: cannot reduce over an empty axis of shape ${fmtShape(x.shape)}; it has no identity`,
    );
  }
  const out = allocate(dtype, plan.outer);
  const block = code === 'sum' ? reducedBlock(x.shape, plan.axes) : null;
  if (block !== null) sumMiddle(x.data, block.pre, plan.inner, block.post, out);
  else backend().reduce(code, moveReducedLast(x, plan.axes).data, plan.outer, plan.inner, out);
  return new Tensor(out, plan.outShape);
}

/**
 * When the reduced axes are one run of adjacent axes followed by kept axes (a sum over the batch
 * axis, as a bias gradient), the sizes before and after the run; null when the run is trailing
 * (the kernel reads it in place) or the axes are not adjacent.
 */
function reducedBlock(
  shape: readonly number[],
  axes: readonly number[],
): { pre: number; post: number } | null {
  const nd = shape.length;
  const k = axes.length;
  if (k === 0 || axes[k - 1] === nd - 1 || axes[k - 1] - axes[0] !== k - 1) return null;
  let pre = 1;
  for (let i = 0; i < axes[0]; i++) pre *= shape[i];
  let post = 1;
  for (let i = axes[k - 1] + 1; i < nd; i++) post *= shape[i];
  return post > 1 ? { pre, post } : null;
}

let scratch = new Float64Array(0);

/**
 * out[p·post + q] = Σ_m x[(p·mid + m)·post + q], reading `x` row by row instead of transposing
 * it first. Each output is summed in float64 in the same order as the row kernels (four partial
 * sums by m mod 4, the tail into the first, combined as s0 + s1 + (s2 + s3)), so the result is
 * the same to the bit as the transposed path.
 */
function sumMiddle(x: TypedArray, pre: number, mid: number, post: number, out: TypedArray): void {
  if (scratch.length < 4 * post) scratch = new Float64Array(4 * post);
  const acc = scratch;
  const p1 = post;
  const p2 = 2 * post;
  const p3 = 3 * post;
  const mid4 = mid & ~3;
  for (let p = 0; p < pre; p++) {
    acc.fill(0, 0, 4 * post);
    const base = p * mid * post;
    let m = 0;
    for (; m < mid4; m += 4) {
      const r = base + m * post;
      for (let q = 0; q < post; q++) {
        acc[q] += x[r + q];
        acc[p1 + q] += x[r + p1 + q];
        acc[p2 + q] += x[r + p2 + q];
        acc[p3 + q] += x[r + p3 + q];
      }
    }
    for (; m < mid; m++) {
      const r = base + m * post;
      for (let q = 0; q < post; q++) acc[q] += x[r + q];
    }
    const o = p * post;
    for (let q = 0; q < post; q++) out[o + q] = acc[q] + acc[p1 + q] + (acc[p2 + q] + acc[p3 + q]);
  }
}

const sumType = (d: DType): DType => (d === 'bool' ? 'int32' : d);

/**
 * Sum of elements over `axis` (all axes when omitted): out = Σᵢ xᵢ. Bool sums to int32.
 *
 * @example
 * ```ts
 * sum(tensor([[1, 2], [3, 4]]), { axis: 0 }).toArray(); // [4, 6]
 * sum(tensor([[1, 2], [3, 4]]), { axis: -1, keepDims: true }).toArray(); // [[3], [7]]
 * ```
 */
export const sum = /* @__PURE__ */ defineOp(
  'sum',
  function sum(x: Tensor, opts?: ReduceOptions): Tensor {
    return reduceOp('sum', 'sum', x, opts, sumType(x.dtype));
  },
);

/**
 * Product of elements over `axis`: out = Πᵢ xᵢ (1 for an empty axis).
 *
 * @example
 * ```ts
 * prod(tensor([1, 2, 3, 4])).item(); // 24
 * ```
 */
export const prod = /* @__PURE__ */ defineOp(
  'prod',
  function prod(x: Tensor, opts?: ReduceOptions): Tensor {
    return reduceOp('prod', 'prod', x, opts, sumType(x.dtype));
  },
);

/**
 * Largest element over `axis`; NaN if any element is NaN (as torch.amax). Throws on an empty axis.
 *
 * @example
 * ```ts
 * max(tensor([[1, 5], [3, 2]]), { axis: 1 }).toArray(); // [5, 3]
 * ```
 */
export const max = /* @__PURE__ */ defineOp(
  'max',
  function max(x: Tensor, opts?: ReduceOptions): Tensor {
    return reduceOp('max', 'max', x, opts, x.dtype);
  },
);

/** Smallest element over `axis`; NaN if any element is NaN. @example `min(tensor([3, 1, 2])).item() // 1` */
export const min = /* @__PURE__ */ defineOp(
  'min',
  function min(x: Tensor, opts?: ReduceOptions): Tensor {
    return reduceOp('min', 'min', x, opts, x.dtype);
  },
);

/**
 * Largest element over `axis` (all axes when omitted), as torch.amax: the same values as
 * {@link max}; under autodiff its gradient is split evenly among tied maxima in every case.
 *
 * @example
 * ```ts
 * amax(tensor([[1, 5], [3, 2]]), { axis: [0, 1] }).item(); // 5
 * ```
 */
export const amax = /* @__PURE__ */ defineOp(
  'amax',
  function amax(x: Tensor, opts?: ReduceOptions): Tensor {
    return reduceOp('max', 'amax', x, opts, x.dtype);
  },
);

/**
 * Smallest element over `axis` (all axes when omitted), as torch.amin; under autodiff its
 * gradient is split evenly among tied minima.
 *
 * @example
 * ```ts
 * amin(tensor([[1, 5], [3, 2]]), { axis: 0 }).toArray(); // [1, 2]
 * ```
 */
export const amin = /* @__PURE__ */ defineOp(
  'amin',
  function amin(x: Tensor, opts?: ReduceOptions): Tensor {
    return reduceOp('min', 'amin', x, opts, x.dtype);
  },
);

/**
 * Arithmetic mean over `axis`: out = (1/n) Σᵢ xᵢ. Integer inputs give float32. NaN for an
 * empty axis, as NumPy.
 *
 * @example
 * ```ts
 * mean(tensor([[1, 2], [3, 4]]), { axis: 0 }).toArray(); // [2, 3]
 * ```
 */
export const mean = /* @__PURE__ */ defineOp(
  'mean',
  function mean(x: Tensor, opts?: ReduceOptions): Tensor {
    const plan = reducePlan('mean', x, opts);
    const dt = floatResult(x.dtype);
    const s = reduceOp('sum', 'mean', x, opts, dt === x.dtype ? dt : 'float64');
    const out = allocate(dt, s.size);
    const inv = plan.inner;
    for (let i = 0; i < s.size; i++) out[i] = s.data[i] / inv;
    return new Tensor(out, s.shape);
  },
);
