import { defineOp } from './registry';
import { GdRangeError } from '@gd/errors';
import { allocate } from '../dtype';
import { ShapeError, fmtShape } from '../errors';
import {
  broadcastShapes,
  broadcastStrides,
  normalizeAxes,
  normalizeAxis,
  sameShape,
  sizeOf,
  stridesOf,
} from '../shape';
import { type Axis, Tensor } from '../tensor';
import { checkTensor } from './check';

/**
 * Returns the same elements with a new shape; one entry may be −1 and is inferred. The data is
 * shared (tensors are contiguous, so a reshape is free).
 *
 * @example
 * ```ts
 * reshape(arange(6), [2, -1]).shape; // [2, 3]
 * ```
 */
export const reshape = /* @__PURE__ */ defineOp(
  'reshape',
  function reshape(x: Tensor, shape: readonly number[]): Tensor {
    checkTensor('reshape', x);
    const s = [...shape];
    const neg = s.filter((d) => d === -1).length;
    if (neg > 1)
      throw new ShapeError(`reshape: only one dimension can be -1, got ${fmtShape(shape)}`);
    for (const d of s) {
      if (!Number.isInteger(d) || d < -1)
        throw new ShapeError(`reshape: invalid shape ${fmtShape(shape)}`);
    }
    if (neg === 1) {
      const known = s.reduce((p, d) => (d === -1 ? p : p * d), 1);
      if (known === 0 || x.size % known !== 0) {
        throw new ShapeError(
          `reshape: cannot reshape ${fmtShape(x.shape)} (${x.size} elements) into ${fmtShape(shape)}`,
        );
      }
      s[s.indexOf(-1)] = x.size / known;
    }
    if (sizeOf(s) !== x.size) {
      throw new ShapeError(
        `reshape: cannot reshape ${fmtShape(x.shape)} (${x.size} elements) into ${fmtShape(shape)} (${sizeOf(s)} elements)`,
      );
    }
    return new Tensor(x.data, s);
  },
);

/**
 * Permutes axes: `transpose(x)` reverses them (NumPy), `transpose(x, [0, 2, 1])` orders them as
 * given (PyTorch's `permute`). Returns a contiguous copy.
 *
 * @example
 * ```ts
 * transpose(tensor([[1, 2, 3], [4, 5, 6]])).toArray(); // [[1, 4], [2, 5], [3, 6]]
 * ```
 */
export const transpose = /* @__PURE__ */ defineOp(
  'transpose',
  function transpose(x: Tensor, axes?: readonly number[]): Tensor {
    checkTensor('transpose', x);
    const nd = x.ndim;
    const perm =
      axes === undefined
        ? Array.from({ length: nd }, (_, i) => nd - 1 - i)
        : axes.map((a) => normalizeAxis('transpose', a, nd));
    if (perm.length !== nd || new Set(perm).size !== nd) {
      throw new ShapeError(
        `transpose: axes ${fmtShape(axes ?? [])} must be a permutation of 0..${nd - 1}`,
      );
    }
    const outShape = perm.map((p) => x.shape[p]);
    const inStrides = stridesOf(x.shape);
    const strides = perm.map((p) => inStrides[p]);
    return new Tensor(gatherStrided(x, outShape, strides), outShape);
  },
);

/** PyTorch's `permute`: orders the axes as `axes` (a copy). @example `permute(zeros([2, 3, 4]), [2, 0, 1]).shape // [4, 2, 3]` */
export const permute = /* @__PURE__ */ defineOp(
  'permute',
  function permute(x: Tensor, axes: readonly number[]): Tensor {
    return transpose(x, axes);
  },
);

/** Swaps two axes (PyTorch's `transpose(dim0, dim1)`). @example `swapAxes(zeros([2, 3, 4]), 0, -1).shape // [4, 3, 2]` */
export const swapAxes = /* @__PURE__ */ defineOp(
  'swapAxes',
  function swapAxes(x: Tensor, a: number, b: number): Tensor {
    checkTensor('swapAxes', x);
    const perm = Array.from({ length: x.ndim }, (_, i) => i);
    const i = normalizeAxis('swapAxes', a, x.ndim);
    const j = normalizeAxis('swapAxes', b, x.ndim);
    [perm[i], perm[j]] = [perm[j], perm[i]];
    return transpose(x, perm);
  },
);

/**
 * Reads `x` through arbitrary strides into a new contiguous array of `outShape` (an odometer
 * over the output: O(1) amortised index update per element). Axes that are contiguous in `x`
 * are merged first, so a long contiguous run is one `set` (memcpy), a long stride-0 run one `fill`, and
 * leading stride-0 axes (a row broadcast down a batch) are filled by doubling `copyWithin`.
 */
export function gatherStrided(
  x: Tensor,
  outShape: readonly number[],
  strides: readonly number[],
  offset = 0,
) {
  const n = sizeOf(outShape);
  const out = allocate(x.dtype, n);
  if (n === 0) return out;
  const src = x.data;
  // Merge axis i into axis i+1 when stepping it is stepping i+1 past its end; drop size-1 axes.
  const shape: number[] = [];
  const step: number[] = [];
  for (let i = 0; i < outShape.length; i++) {
    const d = outShape[i];
    if (d === 1) continue;
    const k = shape.length - 1;
    if (k >= 0 && step[k] === strides[i] * d) {
      shape[k] *= d;
      step[k] = strides[i];
    } else {
      shape.push(d);
      step.push(strides[i]);
    }
  }
  const nd = shape.length;
  if (nd === 0) {
    out[0] = src[offset];
    return out;
  }
  // Leading stride-0 axes repeat one block: gather it once, then copy it forward.
  let lead = 0;
  let reps = 1;
  while (lead < nd - 1 && step[lead] === 0) reps *= shape[lead++];
  const block = n / reps;
  const last = nd - 1;
  const lastN = shape[last];
  const lastS = step[last];
  const idx = new Array<number>(nd).fill(0);
  let base = offset;
  for (let o = 0; o < block; o += lastN) {
    if (lastS === 1 && lastN >= 16) out.set(src.subarray(base, base + lastN), o);
    else if (lastS === 0 && lastN >= 16) out.fill(src[base], o, o + lastN);
    else for (let j = 0, p = base; j < lastN; j++, p += lastS) out[o + j] = src[p];
    for (let ax = last - 1; ax >= lead; ax--) {
      idx[ax]++;
      base += step[ax];
      if (idx[ax] < shape[ax]) break;
      base -= idx[ax] * step[ax];
      idx[ax] = 0;
    }
  }
  for (let filled = block; filled < n; filled *= 2) {
    out.copyWithin(filled, 0, Math.min(filled, n - filled));
  }
  return out;
}

/**
 * Repeats size-1 axes (and prepends axes) to reach `shape`, as NumPy's broadcast_to; a copy.
 *
 * @example
 * ```ts
 * broadcastTo(tensor([1, 2]), [2, 2]).toArray(); // [[1, 2], [1, 2]]
 * ```
 */
export const broadcastTo = /* @__PURE__ */ defineOp(
  'broadcastTo',
  function broadcastTo(x: Tensor, shape: readonly number[]): Tensor {
    checkTensor('broadcastTo', x);
    const target = broadcastShapes('broadcastTo', x.shape, shape);
    if (!sameShape(target, shape)) {
      throw new ShapeError(
        `broadcastTo: cannot broadcast ${fmtShape(x.shape)} to ${fmtShape(shape)}`,
      );
    }
    if (sameShape(x.shape, shape)) return new Tensor(x.data.slice(), shape);
    return new Tensor(gatherStrided(x, shape, broadcastStrides(x.shape, shape)), shape);
  },
);

/**
 * Removes axes of size 1: all of them, or only those in `axis` (which must have size 1).
 *
 * @example
 * ```ts
 * squeeze(zeros([1, 3, 1])).shape; // [3]
 * ```
 */
export const squeeze = /* @__PURE__ */ defineOp(
  'squeeze',
  function squeeze(x: Tensor, axis?: Axis): Tensor {
    checkTensor('squeeze', x);
    if (axis === undefined)
      return new Tensor(
        x.data,
        x.shape.filter((d) => d !== 1),
      );
    const axes = normalizeAxes('squeeze', axis, x.ndim);
    for (const a of axes) {
      if (x.shape[a] !== 1)
        throw new ShapeError(
          `squeeze: axis ${a} of shape ${fmtShape(x.shape)} has size ${x.shape[a]}, not 1`,
        );
    }
    return new Tensor(
      x.data,
      x.shape.filter((_, i) => !axes.includes(i)),
    );
  },
);

/**
 * Inserts an axis of size 1 at `axis` (−1 appends), as torch.unsqueeze / np.expand_dims.
 *
 * @example
 * ```ts
 * unsqueeze(zeros([3]), 0).shape; // [1, 3]
 * ```
 */
export const unsqueeze = /* @__PURE__ */ defineOp(
  'unsqueeze',
  function unsqueeze(x: Tensor, axis: number): Tensor {
    checkTensor('unsqueeze', x);
    const n = x.ndim + 1;
    if (!Number.isInteger(axis) || axis < -n || axis >= n) {
      // Named here: normalizeAxis would describe the result's n axes as the input's.
      throw new GdRangeError(
        `unsqueeze: axis ${axis} is out of range for inserting an axis into shape ${fmtShape(x.shape)}; use -${n}..${n - 1}`,
      );
    }
    const a = normalizeAxis('unsqueeze', axis, n);
    const s = [...x.shape];
    s.splice(a, 0, 1);
    return new Tensor(x.data, s);
  },
);

/**
 * NumPy's name for {@link unsqueeze}: inserts an axis of size 1 at `axis`.
 *
 * @example
 * ```ts
 * expandDims(zeros([3]), 1).shape; // [3, 1]
 * ```
 */
export const expandDims = /* @__PURE__ */ defineOp(
  'expandDims',
  function expandDims(x: Tensor, axis: number): Tensor {
    return unsqueeze(x, axis);
  },
);

/**
 * Collapses axes `startAxis..endAxis` (inclusive; default all) into one, as torch.flatten.
 *
 * @example
 * ```ts
 * flatten(zeros([2, 3, 4]), 1).shape; // [2, 12]
 * ```
 */
export const flatten = /* @__PURE__ */ defineOp(
  'flatten',
  function flatten(x: Tensor, startAxis = 0, endAxis = -1): Tensor {
    checkTensor('flatten', x);
    if (x.ndim === 0) return new Tensor(x.data, [1]);
    const s = normalizeAxis('flatten', startAxis, x.ndim);
    const e = normalizeAxis('flatten', endAxis, x.ndim);
    if (s > e)
      throw new GdRangeError(`flatten: startAxis ${startAxis} comes after endAxis ${endAxis}`);
    const mid = x.shape.slice(s, e + 1).reduce((p, d) => p * d, 1);
    return new Tensor(x.data, [...x.shape.slice(0, s), mid, ...x.shape.slice(e + 1)]);
  },
);
