import { GdRangeError } from '@gd/errors';
import {
  type DType,
  type TypedArray,
  allocate,
  checkDType,
  dtypeOfArray,
  getDefaultDtype,
} from './dtype';
import { DTypeError, ShapeError, fmtShape } from './errors';
import { checkShape, sizeOf } from './shape';
import { type NestedArray, Tensor } from './tensor';

/** Options of creation functions. */
export interface CreationOptions {
  /** Element type; default {@link getDefaultDtype} ('float32' unless set; a typed array's own type for typed-array input). */
  dtype?: DType;
}

/** Options of {@link tensor}. */
export interface TensorOptions extends CreationOptions {
  /** Shape for flat input (a typed array or flat list); default: inferred from nesting. */
  shape?: readonly number[];
}

function inferShape(v: NestedArray): number[] {
  const shape: number[] = [];
  let cur: NestedArray = v;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    if (cur.length === 0) break;
    cur = cur[0];
  }
  return shape;
}

function fill(
  v: NestedArray,
  shape: readonly number[],
  out: TypedArray,
  axis: number,
  pos: { i: number },
): void {
  if (axis === shape.length) {
    if (Array.isArray(v))
      throw new ShapeError(`tensor: ragged nested array; expected a number at depth ${axis}`);
    const n = typeof v === 'boolean' ? (v ? 1 : 0) : v;
    if (typeof n !== 'number')
      throw new DTypeError(`tensor: expected numbers or booleans, got ${typeof v}`);
    out[pos.i++] = n;
    return;
  }
  if (!Array.isArray(v) || v.length !== shape[axis]) {
    throw new ShapeError(
      `tensor: ragged nested array; expected ${shape[axis]} entries at depth ${axis} (shape ${fmtShape(shape)})`,
    );
  }
  for (const e of v) fill(e, shape, out, axis + 1, pos);
}

function firstLeaf(v: NestedArray): NestedArray {
  let cur = v;
  while (Array.isArray(cur) && cur.length > 0) cur = cur[0];
  return cur;
}

/**
 * Creates a tensor from a number, a nested array or a typed array (copied).
 *
 * The dtype defaults to {@link getDefaultDtype} — 'float32' unless changed with setDefaultDtype — ('bool' for booleans, the array's own type for typed arrays);
 * the shape is inferred from nesting, or given with `shape` for flat input.
 *
 * @example
 * ```ts
 * tensor([[1, 2], [3, 4]], { dtype: 'float64' }).shape; // [2, 2]
 * tensor(3).item();                                    // 3
 * tensor(new Float32Array([1, 2, 3, 4]), { shape: [2, 2] });
 * ```
 */
export function tensor(
  values: NestedArray | TypedArray | ArrayLike<number>,
  opts: TensorOptions = {},
): Tensor {
  const isTyped = ArrayBuffer.isView(values);
  const isNested =
    Array.isArray(values) || typeof values === 'number' || typeof values === 'boolean';
  if (!isTyped && !isNested) {
    throw new DTypeError('tensor: expected a number, boolean, nested array or typed array');
  }
  let dtype: DType;
  if (opts.dtype !== undefined) dtype = checkDType('tensor', opts.dtype);
  else if (isTyped)
    dtype =
      values instanceof Uint8Array ||
      values instanceof Float32Array ||
      values instanceof Float64Array ||
      values instanceof Int32Array
        ? dtypeOfArray(values as TypedArray)
        : getDefaultDtype();
  else dtype = typeof firstLeaf(values as NestedArray) === 'boolean' ? 'bool' : getDefaultDtype();

  if (isTyped) {
    const src = values as ArrayLike<number>;
    const shape = opts.shape ? checkShape('tensor', opts.shape) : [src.length];
    if (sizeOf(shape) !== src.length) {
      throw new ShapeError(`tensor: ${src.length} values cannot fill shape ${fmtShape(shape)}`);
    }
    const out = allocate(dtype, src.length);
    if (dtype === 'bool') for (let i = 0; i < src.length; i++) out[i] = src[i] ? 1 : 0;
    else out.set(src as ArrayLike<number>);
    return new Tensor(out, shape);
  }
  const nested = values as NestedArray;
  const inferred = inferShape(nested);
  const out = allocate(dtype, sizeOf(inferred));
  fill(nested, inferred, out, 0, { i: 0 });
  if (dtype === 'bool') for (let i = 0; i < out.length; i++) out[i] = out[i] ? 1 : 0;
  if (opts.shape) {
    const shape = checkShape('tensor', opts.shape);
    if (sizeOf(shape) !== out.length)
      throw new ShapeError(`tensor: ${out.length} values cannot fill shape ${fmtShape(shape)}`);
    return new Tensor(out, shape);
  }
  return new Tensor(out, inferred);
}

/**
 * A tensor of `shape` filled with `value`.
 *
 * @example
 * ```ts
 * full([2, 3], 7).toArray(); // [[7, 7, 7], [7, 7, 7]]
 * ```
 */
export function full(shape: readonly number[], value: number, opts: CreationOptions = {}): Tensor {
  const s = checkShape('full', shape);
  const dtype = checkDType('full', opts.dtype ?? getDefaultDtype());
  const out = allocate(dtype, sizeOf(s));
  out.fill(dtype === 'bool' ? (value ? 1 : 0) : value);
  return new Tensor(out, s);
}

/** A tensor of zeros. @example `zeros([2, 2], { dtype: 'float64' })` */
export function zeros(shape: readonly number[], opts: CreationOptions = {}): Tensor {
  return full(shape, 0, opts);
}

/** A tensor of ones. @example `ones([3]).toArray() // [1, 1, 1]` */
export function ones(shape: readonly number[], opts: CreationOptions = {}): Tensor {
  return full(shape, 1, opts);
}

/** Zeros with `x`'s shape and (unless given) dtype. @example `zerosLike(tensor([[1, 2]])).toArray() // [[0, 0]]` */
export function zerosLike(x: Tensor, opts: CreationOptions = {}): Tensor {
  return full(x.shape, 0, { dtype: opts.dtype ?? x.dtype });
}

/** Ones with `x`'s shape and (unless given) dtype. @example `onesLike(x, { dtype: 'float64' })` */
export function onesLike(x: Tensor, opts: CreationOptions = {}): Tensor {
  return full(x.shape, 1, { dtype: opts.dtype ?? x.dtype });
}

/** `value` with `x`'s shape and (unless given) dtype. @example `fullLike(tensor([1, 2]), 7).toArray() // [7, 7]` */
export function fullLike(x: Tensor, value: number, opts: CreationOptions = {}): Tensor {
  return full(x.shape, value, { dtype: opts.dtype ?? x.dtype });
}

/**
 * Evenly spaced values in [start, stop) with step `step`, as np.arange: `arange(5)` is 0..4.
 * The dtype is int32 when all arguments are integers, else float32 (override with `dtype`).
 *
 * @example
 * ```ts
 * arange(5).toArray();          // [0, 1, 2, 3, 4]
 * arange(0, 1, 0.25).toArray(); // [0, 0.25, 0.5, 0.75]
 * arange(3, { dtype: 'float64' });  // options may follow the last number given
 * ```
 */
export function arange(start: number, opts?: CreationOptions): Tensor;
export function arange(start: number, stop: number, opts?: CreationOptions): Tensor;
export function arange(start: number, stop?: number, step?: number, opts?: CreationOptions): Tensor;
export function arange(
  start: number,
  stopOrOpts?: number | CreationOptions,
  stepOrOpts?: number | CreationOptions,
  lastOpts: CreationOptions = {},
): Tensor {
  // The options may follow the last number given (np.arange(5, dtype=...)).
  let stop = typeof stopOrOpts === 'object' ? undefined : stopOrOpts;
  const step = typeof stepOrOpts === 'object' || stepOrOpts === undefined ? 1 : stepOrOpts;
  const opts =
    typeof stopOrOpts === 'object'
      ? stopOrOpts
      : typeof stepOrOpts === 'object'
        ? stepOrOpts
        : lastOpts;
  if (stop === undefined) {
    stop = start;
    start = 0;
  }
  if (step === 0 || !Number.isFinite(step))
    throw new GdRangeError(`arange: step must be a non-zero finite number, got ${step}`);
  if (!Number.isFinite(start) || !Number.isFinite(stop))
    throw new GdRangeError(`arange: start and stop must be finite, got ${start} and ${stop}`);
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const allInt = Number.isInteger(start) && Number.isInteger(stop) && Number.isInteger(step);
  const dtype = checkDType('arange', opts.dtype ?? (allInt ? 'int32' : getDefaultDtype()));
  const out = allocate(dtype, n);
  for (let i = 0; i < n; i++) out[i] = start + i * step;
  return new Tensor(out, [n]);
}

/**
 * `num` evenly spaced values from `start` to `stop` inclusive, as np.linspace (default num = 50).
 *
 * xᵢ = start + i·(stop − start)/(num − 1)
 *
 * @example
 * ```ts
 * linspace(0, 1, 5).toArray(); // [0, 0.25, 0.5, 0.75, 1]
 * ```
 */
export function linspace(start: number, stop: number, opts?: CreationOptions): Tensor;
export function linspace(start: number, stop: number, num?: number, opts?: CreationOptions): Tensor;
export function linspace(
  start: number,
  stop: number,
  numOrOpts: number | CreationOptions = 50,
  lastOpts: CreationOptions = {},
): Tensor {
  const num = typeof numOrOpts === 'object' ? 50 : numOrOpts;
  const opts = typeof numOrOpts === 'object' ? numOrOpts : lastOpts;
  if (!Number.isInteger(num) || num < 0)
    throw new GdRangeError(`linspace: num must be a non-negative integer, got ${num}`);
  const dtype = checkDType('linspace', opts.dtype ?? getDefaultDtype());
  const out = allocate(dtype, num);
  const step = num > 1 ? (stop - start) / (num - 1) : 0;
  for (let i = 0; i < num; i++) out[i] = start + i * step;
  if (num > 1) out[num - 1] = stop;
  return new Tensor(out, [num]);
}

/**
 * The n×m identity matrix (m defaults to n), as np.eye.
 *
 * @example
 * ```ts
 * eye(2).toArray(); // [[1, 0], [0, 1]]
 * ```
 */
export function eye(n: number, m: number = n, opts: CreationOptions = {}): Tensor {
  const s = checkShape('eye', [n, m]);
  const dtype = checkDType('eye', opts.dtype ?? getDefaultDtype());
  const out = allocate(dtype, n * m);
  for (let i = 0; i < Math.min(n, m); i++) out[i * m + i] = 1;
  return new Tensor(out, s);
}
