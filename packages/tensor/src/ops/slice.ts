import { defineOp } from './registry';
import { GdRangeError, GdTypeError } from '@gd/errors';
import { fmtShape } from '../errors';
import { stridesOf } from '../shape';
import { Tensor } from '../tensor';
import { gatherStrided } from './shape';
import { checkTensor } from './check';

/** `[start?, stop?, step?]` along one axis, as Python's `start:stop:step`; null means default. */
export type SliceRange = readonly [
  start?: number | null,
  stop?: number | null,
  step?: number | null,
];

/**
 * One entry per leading axis: a number selects one index and drops the axis, `null` keeps the
 * whole axis, a {@link SliceRange} takes `start:stop:step`. Missing trailing axes are kept whole.
 */
export type SliceSpec = readonly (number | null | SliceRange)[];

function checkInt(v: number, what: string, axis: number): number {
  if (!Number.isInteger(v)) {
    throw new GdTypeError(`slice: ${what} on axis ${axis} must be an integer, got ${v}`);
  }
  return v;
}

/** Python's slice.indices: clamps start/stop for a `step` walk over an axis of size n. */
function resolveRange(r: SliceRange, n: number, axis: number): [number, number, number] {
  const step = r[2] == null ? 1 : checkInt(r[2], 'step', axis);
  if (step === 0) throw new GdRangeError(`slice: step on axis ${axis} must not be zero`);
  const lo = step < 0 ? -1 : 0;
  const hi = step < 0 ? n - 1 : n;
  const clampIdx = (v: number | null | undefined, dflt: number, what: string): number => {
    if (v == null) return dflt;
    let i = checkInt(v, what, axis);
    if (i < 0) i += n;
    return Math.min(Math.max(i, lo), hi);
  };
  const start = clampIdx(r[0], step < 0 ? n - 1 : 0, 'start');
  const stop = clampIdx(r[1], step < 0 ? -1 : n, 'stop');
  const len =
    step > 0
      ? start < stop
        ? Math.floor((stop - start - 1) / step) + 1
        : 0
      : stop < start
        ? Math.floor((start - stop - 1) / -step) + 1
        : 0;
  return [start, step, len];
}

/**
 * Basic NumPy indexing: one spec entry per leading axis — a number picks an index and drops that
 * axis (negative counts from the end), `null` keeps the axis, `[start, stop, step]` slices it
 * with Python semantics (negatives allowed, out-of-range bounds clamped, negative step walks
 * backwards). Returns a contiguous copy.
 *
 * `slice(x, [1, null, [0, null, 2]])` is NumPy's `x[1, :, 0::2]`.
 *
 * @example
 * ```ts
 * const x = arange(12).reshape([3, 4]);
 * slice(x, [[1]]).toArray();             // rows 1..: [[4, 5, 6, 7], [8, 9, 10, 11]]
 * slice(x, [null, -1]).toArray();        // last column: [3, 7, 11]
 * slice(x, [[null, null, -1], [0, 2]]).toArray(); // [[8, 9], [4, 5], [0, 1]]
 * ```
 */
export const slice = /* @__PURE__ */ defineOp(
  'slice',
  function slice(x: Tensor, spec: SliceSpec): Tensor {
    checkTensor('slice', x);
    if (!Array.isArray(spec)) {
      throw new GdTypeError('slice: spec must be an array with one entry per axis');
    }
    if (spec.length > x.ndim) {
      throw new GdRangeError(
        `slice: ${spec.length} indices given for a tensor of shape ${fmtShape(x.shape)} (${x.ndim} axes)`,
      );
    }
    const inStrides = stridesOf(x.shape);
    const outShape: number[] = [];
    const strides: number[] = [];
    let offset = 0;
    for (let ax = 0; ax < x.ndim; ax++) {
      const n = x.shape[ax];
      const s = ax < spec.length ? spec[ax] : null;
      if (typeof s === 'number') {
        checkInt(s, 'index', ax);
        if (s < -n || s >= n) {
          throw new GdRangeError(
            `slice: index ${s} is out of bounds for axis ${ax} with size ${n} (shape ${fmtShape(x.shape)})`,
          );
        }
        offset += (s < 0 ? s + n : s) * inStrides[ax];
      } else if (s === null || s === undefined) {
        outShape.push(n);
        strides.push(inStrides[ax]);
      } else if (Array.isArray(s)) {
        if (s.length > 3) {
          throw new GdTypeError(
            `slice: range on axis ${ax} has ${s.length} entries; use [start, stop, step]`,
          );
        }
        const [start, step, len] = resolveRange(s as unknown as SliceRange, n, ax);
        outShape.push(len);
        strides.push(step * inStrides[ax]);
        if (len > 0) offset += start * inStrides[ax];
      } else {
        throw new GdTypeError(
          `slice: entry ${ax} must be a number, null or [start, stop, step], got ${JSON.stringify(s)}`,
        );
      }
    }
    return new Tensor(gatherStrided(x, outShape, strides, offset), outShape);
  },
);
