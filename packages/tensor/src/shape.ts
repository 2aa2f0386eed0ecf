import { GdRangeError, GdTypeError } from '@gd/errors';
import { ShapeError, fmtShape } from './errors';

/** Number of elements of a shape (1 for a scalar `[]`). */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides of a contiguous tensor of `shape`. */
export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/** Throws unless every entry is a non-negative integer. */
export function checkShape(op: string, shape: readonly number[]): number[] {
  if (!Array.isArray(shape)) throw new ShapeError(`${op}: shape must be an array of integers`);
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new ShapeError(`${op}: shape ${fmtShape(shape)} must hold non-negative integers`);
    }
  }
  return [...shape];
}

/**
 * The shape that shapes broadcast to under NumPy's rules (np.broadcast_shapes): align on the
 * right; each set of sizes must be equal or 1. Called with an op name first (`'add'`), errors
 * name that op; otherwise they name `broadcastShapes`.
 *
 * @example
 * ```ts
 * broadcastShapes([3, 1], [4]);          // [3, 4]
 * broadcastShapes([2, 1, 1], [3, 1], [5]); // [2, 3, 5]
 * broadcastShapes('add', [3, 1], [4]);   // [3, 4]; a mismatch throws "add: shapes …"
 * ```
 */
export function broadcastShapes(op: string, a: readonly number[], b: readonly number[]): number[];
export function broadcastShapes(...shapes: (readonly number[])[]): number[];
export function broadcastShapes(...args: (string | readonly number[])[]): number[] {
  const named = typeof args[0] === 'string';
  const op = named ? (args[0] as string) : 'broadcastShapes';
  const shapes = (named ? args.slice(1) : args) as (readonly number[])[];
  for (const s of shapes) {
    if (!Array.isArray(s)) throw new GdTypeError(`${op}: shapes must be arrays of integers`);
  }
  return shapes.reduce<number[]>((acc, s) => broadcastPair(op, acc, s), []);
}

function broadcastPair(op: string, a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = i < n - a.length ? 1 : a[i - (n - a.length)];
    const db = i < n - b.length ? 1 : b[i - (n - b.length)];
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError(
        `${op}: shapes ${fmtShape(a)} and ${fmtShape(b)} cannot be broadcast together (axis ${i - n}: ${da} vs ${db})`,
      );
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/**
 * Strides for reading a tensor of `shape` as if it had `target` shape: broadcast axes get stride 0.
 * `shape` must be broadcastable to `target`.
 */
export function broadcastStrides(shape: readonly number[], target: readonly number[]): number[] {
  const own = stridesOf(shape);
  const off = target.length - shape.length;
  const out = new Array<number>(target.length).fill(0);
  for (let i = 0; i < shape.length; i++) out[i + off] = shape[i] === 1 ? 0 : own[i];
  return out;
}

/** Normalises a possibly negative axis against `ndim`, throwing a RangeError naming `op`. */
export function normalizeAxis(op: string, axis: number, ndim: number): number {
  const n = Math.max(ndim, 1);
  if (!Number.isInteger(axis) || axis < -n || axis >= n) {
    throw new GdRangeError(
      `${op}: axis ${axis} is out of range for a tensor with ${ndim} dimension(s); use -${n}..${n - 1}`,
    );
  }
  // A 0-d tensor accepts axis 0 and −1 (as PyTorch), both meaning its one implicit axis.
  return axis < 0 ? axis + n : axis;
}

/** Normalises `axis` (number, list or undefined = all axes) to a sorted unique list. */
export function normalizeAxes(
  op: string,
  axis: number | readonly number[] | undefined,
  ndim: number,
): number[] {
  if (axis === undefined) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : [...axis];
  const out = list.map((a) => normalizeAxis(op, a, ndim));
  // A scalar has no axis to fold: axis 0/−1 of a 0-d tensor reduces over nothing (PyTorch).
  if (ndim === 0) return [];
  const set = new Set(out);
  if (set.size !== out.length)
    throw new GdRangeError(`${op}: axis ${JSON.stringify(axis)} repeats an axis`);
  return out.sort((x, y) => x - y);
}

/** True when both shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
