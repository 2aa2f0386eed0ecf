import { DTypeError } from './errors';

/**
 * Element types a tensor can hold. `'float32'` is the default (as in PyTorch; see
 * {@link setDefaultDtype}); `'float64'` gives
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

/** The floating-point dtypes, the only ones {@link setDefaultDtype} accepts. */
export type FloatDType = 'float32' | 'float64';

let defaultFloat: FloatDType = 'float32';

/**
 * Sets the dtype that factory functions give floats when no `dtype` is passed, as
 * `torch.set_default_dtype`: `tensor([1.5])`, `tensor([1, 2])`, `zeros`, `ones`, `full`,
 * `linspace`, `eye`, `rand`/`randn`/`normal`/`uniform`, a float `arange`, and the float result of
 * an int tensor combined with a fractional number (`x.mul(0.5)`). Default `'float32'`.
 * Integer inputs keep their rule (`arange(3)` is int32), and a typed array keeps its own type.
 * Global: set it once at start-up, e.g. for the lectures' float64 work.
 *
 * @example
 * ```ts
 * setDefaultDtype('float64');
 * zeros([2]).dtype;     // 'float64'
 * tensor([0.1]).dtype;  // 'float64'
 * arange(3).dtype;      // 'int32'
 * setDefaultDtype('float32');
 * ```
 */
export function setDefaultDtype(dtype: FloatDType): void {
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new DTypeError(
      `setDefaultDtype: only floating-point dtypes can be the default, got ${typeof dtype === 'string' ? `'${dtype}'` : String(dtype)}; use 'float32' or 'float64'`,
    );
  }
  defaultFloat = dtype;
}

/**
 * The dtype factory functions give floats when none is passed (see {@link setDefaultDtype}), as
 * `torch.get_default_dtype`. `'float32'` unless changed.
 *
 * @example
 * ```ts
 * getDefaultDtype(); // 'float32'
 * ```
 */
export function getDefaultDtype(): FloatDType {
  return defaultFloat;
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
 * int or bool tensor into the default float dtype ({@link getDefaultDtype}, float32 unless set).
 */
export function promoteWithScalar(t: DType, value: number): DType {
  if (isFloat(t)) return t;
  if (!Number.isInteger(value)) return defaultFloat;
  return t === 'bool' ? 'int32' : t;
}

/** The dtype of a floating-point function (exp, log, …) applied to dtype `d`: ints become the default float dtype. */
export function floatResult(d: DType): DType {
  return isFloat(d) ? d : defaultFloat;
}
