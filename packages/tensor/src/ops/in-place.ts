/**
 * PyTorch-style in-place updates (`add_`, `sub_`, `mul_`, `div_`, `clamp_`, `fill_`, `zero_`,
 * `copy_`): they write into the tensor's own `data` and return the tensor. Every other op returns
 * a new tensor; these exist so that parameters can be updated by hand without reaching into
 * `data`. Each call advances the written buffer's version (PyTorch's version counter), which
 * @gd/autodiff checks before it uses a recorded value in a backward pass.
 */
import { GdRangeError } from '@gd/errors';
import {
  type DType,
  type TypedArray,
  floatResult,
  isFloat,
  promoteTypes,
  promoteWithScalar,
} from '../dtype';
import { DTypeError, ShapeError, fmtShape } from '../errors';
import { type BinaryCode, backend } from '../kernels';
import { broadcastShapes, sameShape } from '../shape';
import type { Tensor, TensorLike } from '../tensor';
import { checkTensor, checkTensorLike } from './check';
import { defineInPlace } from './registry';
import { binaryOp } from './elementwise';
import { broadcastTo } from './shape';

/**
 * @internal The clock of in-place writes: advanced by every in-place op. A value recorded at
 * clock t is stale if its buffer was written at a later time ({@link modifiedAt}).
 */
export const versionClock = { now: 0 };

const lastWrite = new WeakMap<TypedArray, number>();

/**
 * @internal The clock time of the last in-place op on `data` (0 if never). Keyed by the typed
 * array itself, so tensors that share a buffer (reshape, squeeze…) share it, as PyTorch's views
 * share a version counter.
 */
export function modifiedAt(data: TypedArray): number {
  return versionClock.now === 0 ? 0 : (lastWrite.get(data) ?? 0);
}

function bump(x: Tensor): Tensor {
  lastWrite.set(x.data, ++versionClock.now);
  return x;
}

/** PyTorch's `canCast`: a result may go into a tensor of the same or a wider kind only. */
function castable(from: DType, to: DType): boolean {
  if (isFloat(to)) return true;
  if (to === 'int32') return !isFloat(from);
  return from === 'bool';
}

function checkCast(op: string, from: DType, x: Tensor): void {
  if (!castable(from, x.dtype)) {
    throw new DTypeError(
      `${op}: the result type ${from} can't be cast to the ${x.dtype} tensor being updated in place; cast first (x = x.astype('${from}')) or use the out-of-place op`,
    );
  }
}

/** Writes `src` (any dtype) into `x.data` as `x`'s dtype (bool: non-zero is true). */
function store(x: Tensor, src: TypedArray): void {
  const out = x.data;
  if (x.dtype === 'bool' && !(src instanceof Uint8Array)) {
    for (let i = 0; i < out.length; i++) out[i] = src[i] !== 0 ? 1 : 0;
  } else out.set(src);
}

function binaryInPlace(code: BinaryCode, op: string, x: Tensor, other: TensorLike): Tensor {
  checkTensor(op, x);
  checkTensorLike(op, other);
  const k = backend();
  if (typeof other === 'number') {
    const inDt = promoteWithScalar(x.dtype, other);
    const outDt = code === 'div' ? floatResult(inDt) : inDt === 'bool' ? 'int32' : inDt;
    checkCast(op, outDt, x);
    if (inDt === x.dtype && outDt === x.dtype) k.binaryScalar(code, x.data, other, x.data, false);
    else store(x, binaryOp(code, x, other).data);
    return bump(x);
  }
  const outShape = broadcastShapes(op, x.shape, other.shape);
  if (!sameShape(outShape, x.shape)) {
    throw new ShapeError(
      `${op}: the output of shape ${fmtShape(x.shape)} doesn't match the broadcast shape ${fmtShape(outShape)}; an in-place op cannot grow the tensor, use the out-of-place op`,
    );
  }
  const inDt = promoteTypes(x.dtype, other.dtype);
  const outDt = code === 'div' ? floatResult(inDt) : inDt === 'bool' ? 'int32' : inDt;
  checkCast(op, outDt, x);
  if (inDt === x.dtype && outDt === x.dtype) {
    // Element-wise kernels read a[i], b[i] before writing out[i], so out may alias a.
    if (sameShape(other.shape, x.shape)) k.binary(code, x.data, other.data, x.data);
    else if (other.size === 1) k.binaryScalar(code, x.data, other.data[0], x.data, false);
    else k.binary(code, x.data, broadcastTo(other, x.shape).data, x.data);
  } else store(x, binaryOp(code, x, other).data);
  return bump(x);
}

/**
 * x ← x + other, in place (PyTorch's `add_`); `other` broadcasts to x's shape. Returns `x`.
 * The result dtype must fit x's (float into int32 is refused, as PyTorch does).
 *
 * @example
 * ```ts
 * const x = tensor([1, 2]);
 * x.add_(1); // x is now [2, 3]
 * ```
 */
export const add_ = /* @__PURE__ */ defineInPlace(
  'add_',
  function add_(x: Tensor, other: TensorLike): Tensor {
    return binaryInPlace('add', 'add_', x, other);
  },
);

/**
 * x ← x − other, in place (PyTorch's `sub_`), the form of a hand-written gradient step
 * $w \leftarrow w - \eta\,g$. Returns `x`.
 *
 * @example
 * ```ts
 * w.value.sub_(w.grad.mul(0.1)); // or noGrad(() => w.sub_(w.grad.mul(0.1))) on a Var
 * ```
 */
export const sub_ = /* @__PURE__ */ defineInPlace(
  'sub_',
  function sub_(x: Tensor, other: TensorLike): Tensor {
    return binaryInPlace('sub', 'sub_', x, other);
  },
);

/**
 * x ← x · other, in place (PyTorch's `mul_`). Returns `x`.
 *
 * @example
 * ```ts
 * tensor([1, 2]).mul_(3); // [3, 6]
 * ```
 */
export const mul_ = /* @__PURE__ */ defineInPlace(
  'mul_',
  function mul_(x: Tensor, other: TensorLike): Tensor {
    return binaryInPlace('mul', 'mul_', x, other);
  },
);

/**
 * x ← x / other, in place (PyTorch's `div_`, true division: an int32 tensor is refused, since
 * the float result cannot be stored in it). Returns `x`.
 *
 * @example
 * ```ts
 * tensor([1, 2]).div_(4); // [0.25, 0.5]
 * ```
 */
export const div_ = /* @__PURE__ */ defineInPlace(
  'div_',
  function div_(x: Tensor, other: TensorLike): Tensor {
    return binaryInPlace('div', 'div_', x, other);
  },
);

/**
 * x ← min(max(x, lo), hi), in place (PyTorch's `clamp_`); either bound may be omitted (null),
 * NaN stays NaN. Returns `x`.
 *
 * @example
 * ```ts
 * tensor([-2, 0.5, 3]).clamp_(0, 1); // [0, 0.5, 1]
 * ```
 */
export const clamp_ = /* @__PURE__ */ defineInPlace(
  'clamp_',
  function clamp_(x: Tensor, lo?: number | null, hi?: number | null): Tensor {
    const op = 'clamp_';
    checkTensor(op, x);
    if (x.dtype === 'bool') {
      throw new DTypeError(`${op}: cannot clamp a bool tensor; cast it first (x.astype('int32'))`);
    }
    for (const [name, b] of [
      ['lower bound', lo],
      ['upper bound', hi],
    ] as const) {
      if (b == null) continue;
      if (typeof b !== 'number' || Number.isNaN(b)) {
        throw new GdRangeError(`${op}: the ${name} must be a number or null, got ${String(b)}`);
      }
      checkCast(op, promoteWithScalar(x.dtype, b), x);
    }
    if (lo != null && hi != null && lo > hi) {
      throw new GdRangeError(`${op}: lower bound ${lo} is greater than upper bound ${hi}`);
    }
    const d = x.data;
    const l = lo ?? Number.NEGATIVE_INFINITY;
    const h = hi ?? Number.POSITIVE_INFINITY;
    for (let i = 0; i < d.length; i++) {
      const v = d[i];
      if (v < l) d[i] = l;
      else if (v > h) d[i] = h;
    }
    return bump(x);
  },
);

/**
 * Sets every element to `value`, in place (PyTorch's `fill_`): stored as x's dtype (truncated
 * toward zero for int32, non-zero is true for bool). Returns `x`.
 *
 * @example
 * ```ts
 * zeros([2]).fill_(0.5); // [0.5, 0.5]
 * ```
 */
export const fill_ = /* @__PURE__ */ defineInPlace(
  'fill_',
  function fill_(x: Tensor, value: number | boolean): Tensor {
    const op = 'fill_';
    checkTensor(op, x);
    if (typeof value === 'boolean') value = value ? 1 : 0;
    if (typeof value !== 'number') {
      throw new DTypeError(`${op}: value must be a number or boolean, got ${typeof value}`);
    }
    if (!isFloat(x.dtype) && !Number.isFinite(value)) {
      throw new GdRangeError(`${op}: cannot store ${value} in a ${x.dtype} tensor`);
    }
    x.data.fill(x.dtype === 'bool' ? (value !== 0 ? 1 : 0) : value);
    return bump(x);
  },
);

/**
 * Sets every element to 0, in place (PyTorch's `zero_`). Returns `x`.
 *
 * @example
 * ```ts
 * tensor([1, 2]).zero_(); // [0, 0]
 * ```
 */
export const zero_ = /* @__PURE__ */ defineInPlace('zero_', function zero_(x: Tensor): Tensor {
  checkTensor('zero_', x);
  x.data.fill(0);
  return bump(x);
});

/**
 * Copies `src` into x, in place (PyTorch's `copy_`): `src` broadcasts to x's shape and is
 * converted to x's dtype (any dtype may be copied, as in PyTorch). Returns `x`.
 *
 * @example
 * ```ts
 * const w = zeros([2, 2]);
 * w.copy_(tensor([1, 2])); // [[1, 2], [1, 2]]
 * ```
 */
export const copy_ = /* @__PURE__ */ defineInPlace(
  'copy_',
  function copy_(x: Tensor, src: TensorLike): Tensor {
    const op = 'copy_';
    checkTensor(op, x);
    checkTensorLike(op, src);
    if (typeof src === 'number') return fill_(x, src);
    const outShape = broadcastShapes(op, x.shape, src.shape);
    if (!sameShape(outShape, x.shape)) {
      throw new ShapeError(
        `${op}: the source of shape ${fmtShape(src.shape)} does not broadcast to the destination's ${fmtShape(x.shape)}`,
      );
    }
    const from = sameShape(src.shape, x.shape) ? src : broadcastTo(src, x.shape);
    // Int32Array conversion truncates toward zero, as PyTorch's float → int copy.
    if (from.data !== x.data) store(x, from.data);
    return bump(x);
  },
);
