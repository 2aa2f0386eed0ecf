import { DTypeError } from './errors';

/**
 * Element types a tensor can hold. `'float32'` is the default (as in PyTorch); `'float64'` gives
 * the precision needed to compare with PyTorch to 1e-12; `'bool'` is what comparisons return.
 */
export type DType = 'float32' | 'float64' | 'int32' | 'bool';

/** The typed array backing each dtype: Float32Array, Float64Array, Int32Array, Uint8Array (bool). */
export type TypedArray = Float32Array | Float64Array | Int32Array | Uint8Array;

/** Every dtype name, for validation. @example `DTYPES.includes('int32') // true` */
export const DTYPES: readonly DType[] = ['float32', 'float64', 'int32', 'bool'];

/** Allocates a zero-filled typed array for `dtype` with `n` elements. @example `allocate('float64', 3) // Float64Array [0, 0, 0]` */
export function allocate(dtype: DType, n: number): TypedArray {
  switch (dtype) {
    case 'float32':
      return new Float32Array(n);
    case 'float64':
      return new Float64Array(n);
    case 'int32':
      return new Int32Array(n);
    case 'bool':
      return new Uint8Array(n);
  }
}

/** The dtype that a typed array stores. Uint8Array is read as bool. */
export function dtypeOfArray(a: TypedArray): DType {
  if (a instanceof Float32Array) return 'float32';
  if (a instanceof Float64Array) return 'float64';
  if (a instanceof Int32Array) return 'int32';
  if (a instanceof Uint8Array) return 'bool';
  throw new DTypeError('tensor: expected Float32Array, Float64Array, Int32Array or Uint8Array');
}

/** Throws a DTypeError unless `d` names a dtype. */
export function checkDType(op: string, d: string): DType {
  if (!(DTYPES as readonly string[]).includes(d)) {
    throw new DTypeError(`${op}: unknown dtype '${d}'; use one of ${DTYPES.join(', ')}`);
  }
  return d as DType;
}

/** True for float32 and float64. @example `isFloat('int32') // false` */
export function isFloat(d: DType): boolean {
  return d === 'float32' || d === 'float64';
}

const RANK: Record<DType, number> = { bool: 0, int32: 1, float32: 2, float64: 3 };

/**
 * The dtype two tensors combine to, as in NumPy/PyTorch: float64 wins, int + float gives float,
 * bool + int gives int.
 *
 * @example
 * ```ts
 * promoteTypes('int32', 'float32'); // 'float32'
 * ```
 */
export function promoteTypes(a: DType, b: DType): DType {
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * The dtype a tensor of dtype `t` combines with a plain JS number to, as in PyTorch: a number
 * never widens a tensor's kind (float32 + 2.5 stays float32), but a non-integer number turns an
 * int or bool tensor into the default float dtype (float32).
 */
export function promoteWithScalar(t: DType, value: number): DType {
  if (isFloat(t)) return t;
  if (!Number.isInteger(value)) return 'float32';
  return t === 'bool' ? 'int32' : t;
}

/** The dtype of a floating-point function (exp, log, …) applied to dtype `d`: ints become float32. */
export function floatResult(d: DType): DType {
  return isFloat(d) ? d : 'float32';
}
