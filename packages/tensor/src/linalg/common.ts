import { GdTypeError } from '@gd/errors';
import { type DType, type TypedArray, allocate, isFloat, promoteTypes } from '../dtype';
import { DTypeError, ShapeError, fmtShape } from '../errors';
import { sizeOf, stridesOf } from '../shape';
import { Tensor } from '../tensor';

/** A batch of n×n matrices: the validated input of a square-matrix routine. */
export interface SquareBatch {
  /** The matrices' order. */
  n: number;
  /** The leading (batch) dimensions. */
  batch: number[];
  /** Number of matrices (product of `batch`). */
  count: number;
  /** The input's float dtype, kept by the outputs. */
  dtype: DType;
  /** The input's elements. */
  data: TypedArray;
}

/** Throws a DTypeError unless `t` holds floats (PyTorch's linalg refuses integer tensors too). */
function checkFloat(op: string, t: Tensor, what: string): void {
  if (!isFloat(t.dtype)) {
    throw new DTypeError(
      `${op}: expected a float32 or float64 ${what}, got ${t.dtype}; convert it with astype(x, 'float64')`,
    );
  }
}

/** Validates a (..., n, n) float tensor and describes it as a batch of matrices. */
export function squareBatch(op: string, a: unknown, what = 'matrix'): SquareBatch {
  if (!(a instanceof Tensor)) {
    throw new GdTypeError(`${op}: expected a Tensor ${what}, got ${describe(a)}`);
  }
  checkFloat(op, a, what);
  const s = a.shape;
  if (s.length < 2 || s[s.length - 1] !== s[s.length - 2]) {
    throw new ShapeError(
      `${op}: expected a square ${what} or a batch of them (shape [..., n, n]), got ${fmtShape(s)}`,
    );
  }
  const n = s[s.length - 1];
  const batch = s.slice(0, -2);
  return { n, batch, count: sizeOf(batch), dtype: a.dtype, data: a.data };
}

/** A short description of a wrong argument for error messages. */
export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a plain array (wrap it with tensor(...))';
  return typeof x === 'object' ? (x.constructor?.name ?? 'an object') : typeof x;
}

/** Copies matrix `i` (n×n) of a batch into a fresh float64 work array. */
export function matrixF64(data: TypedArray, i: number, n: number): Float64Array {
  const w = new Float64Array(n * n);
  const off = i * n * n;
  for (let k = 0; k < n * n; k++) w[k] = data[off + k];
  return w;
}

/** The dtype of a two-input routine: PyTorch promotion of two float tensors. */
export function resultFloat(op: string, a: Tensor, b: Tensor): DType {
  checkFloat(op, a, 'matrix');
  checkFloat(op, b, 'right-hand side');
  return promoteTypes(a.dtype, b.dtype);
}

/** Allocates an output of `dtype` with `shape`. */
export function output(dtype: DType, shape: readonly number[]): Tensor {
  return new Tensor(allocate(dtype, sizeOf(shape)), shape);
}

/**
 * For each matrix of the broadcast batch shape `batch`, the index of the matrix of an operand
 * whose own batch shape is `own` (broadcast as NumPy does).
 */
export function batchIndex(own: readonly number[], batch: readonly number[]): Int32Array {
  const nb = sizeOf(batch);
  const idx = new Int32Array(nb);
  const ownStr = stridesOf(own);
  const bStr = stridesOf(batch);
  const pad = batch.length - own.length;
  for (let i = 0; i < nb; i++) {
    let k = 0;
    for (let ax = 0; ax < own.length; ax++) {
      if (own[ax] !== 1) k += (Math.floor(i / bStr[ax + pad]) % batch[ax + pad]) * ownStr[ax];
    }
    idx[i] = k;
  }
  return idx;
}
