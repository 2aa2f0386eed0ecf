import { GdRangeError } from '@gd/errors';
import {
  type DType,
  type TypedArray,
  allocate,
  floatResult,
  promoteTypes,
  promoteWithScalar,
} from '../dtype';
import { type BinaryCode, type UnaryCode, backend } from '../kernels';
import { broadcastShapes, sameShape } from '../shape';
import { Tensor, type TensorLike } from '../tensor';
import { OP_TABLE } from '../op-table';
import { checkTensorLike } from './check';
import { defineOp } from './registry';
import { broadcastTo } from './shape';

function scalarTensor(v: number, dtype: DType): Tensor {
  const d = allocate(dtype, 1);
  d[0] = v;
  return new Tensor(d, []);
}

/** The output dtype of a binary op from its inputs' promoted dtype, by the op table's rule. */
function resultDType(code: BinaryCode, da: DType): DType {
  const rule = code in OP_TABLE ? OP_TABLE[code as keyof typeof OP_TABLE].dtype : undefined;
  if (rule === 'bool') return 'bool';
  if (rule === 'float') return floatResult(da);
  return da === 'bool' ? 'int32' : da;
}

/**
 * Applies a binary kernel with NumPy broadcasting and PyTorch type promotion. A plain number on
 * either side is a weak scalar: it does not widen the tensor's dtype.
 */
export function binaryOp(op: BinaryCode, a: TensorLike, b: TensorLike): Tensor {
  checkTensorLike(op, a);
  checkTensorLike(op, b);
  const k = backend();
  if (typeof a === 'number' && typeof b === 'number') {
    return binaryOp(op, scalarTensor(a, 'float32'), b);
  }
  if (typeof b === 'number') {
    const ta = a as Tensor;
    const inDt = promoteWithScalar(ta.dtype, b);
    const src = inDt === ta.dtype ? ta.data : castArray(ta.data, inDt);
    const out = allocate(resultDType(op, inDt), ta.size);
    k.binaryScalar(op, src, b, out, false);
    return new Tensor(out, ta.shape);
  }
  if (typeof a === 'number') {
    const inDt = promoteWithScalar(b.dtype, a);
    const src = inDt === b.dtype ? b.data : castArray(b.data, inDt);
    const out = allocate(resultDType(op, inDt), b.size);
    k.binaryScalar(op, src, a, out, true);
    return new Tensor(out, b.shape);
  }
  const inDt = promoteTypes(a.dtype, b.dtype);
  const outShape = broadcastShapes(op, a.shape, b.shape);
  const out = allocate(resultDType(op, inDt), sizeOfShape(outShape));
  // A 0-d or size-1 operand is a scalar loop; equal shapes a straight loop; anything else is
  // broadcast to the output shape first.
  if (b.size === 1 && sameShape(a.shape, outShape)) {
    const src = a.dtype === inDt ? a.data : castArray(a.data, inDt);
    k.binaryScalar(op, src, b.data[0], out, false);
  } else if (a.size === 1 && sameShape(b.shape, outShape)) {
    const src = b.dtype === inDt ? b.data : castArray(b.data, inDt);
    k.binaryScalar(op, src, a.data[0], out, true);
  } else {
    const ad = sameShape(a.shape, outShape) ? a.data : broadcastTo(a, outShape).data;
    const bd = sameShape(b.shape, outShape) ? b.data : broadcastTo(b, outShape).data;
    k.binary(op, ad, bd, out);
  }
  return new Tensor(out, outShape);
}

function sizeOfShape(s: readonly number[]): number {
  let n = 1;
  for (const d of s) n *= d;
  return n;
}

/** Copies `src` into a new typed array of `dtype` (values converted as JS numbers). */
export function castArray(src: TypedArray, dtype: DType): TypedArray {
  const out = allocate(dtype, src.length);
  if (dtype === 'bool') for (let i = 0; i < src.length; i++) out[i] = src[i] !== 0 ? 1 : 0;
  else out.set(src);
  return out;
}

/** Applies a unary kernel; float functions turn int/bool inputs into float32. */
export function unaryOp(op: UnaryCode, x: TensorLike, outDtype?: DType): Tensor {
  checkTensorLike(op, x);
  const t = typeof x === 'number' ? scalarTensor(x, 'float32') : x;
  const dt = outDtype ?? t.dtype;
  const src = dt === t.dtype || dt === 'bool' ? t.data : castArray(t.data, dt);
  const out = allocate(dt, t.size);
  backend().unary(op, src, out);
  return new Tensor(out, t.shape);
}

/** The result dtype of unary op `code` on `x`, by the op table's rule. */
function unaryDType(code: UnaryCode, x: TensorLike): DType {
  const d = typeof x === 'number' ? 'float32' : x.dtype;
  const rule = OP_TABLE[code as keyof typeof OP_TABLE].dtype;
  if (rule === 'float') return floatResult(d);
  if (rule === 'bool') return 'bool';
  return d === 'bool' ? 'int32' : d;
}

/** Defines the element-wise op `code` of the table: its kernel loop under its dtype rule. */
function unary(code: UnaryCode): (x: TensorLike) => Tensor {
  return defineOp(code, (x: TensorLike) => unaryOp(code, x, unaryDType(code, x)));
}

/** Defines the broadcast binary op `code` of the table: its kernel loop under its dtype rule. */
function binary(code: BinaryCode): (a: TensorLike, b: TensorLike) => Tensor {
  return defineOp(code, (a: TensorLike, b: TensorLike) => binaryOp(code, a, b));
}

/**
 * Element-wise sum with broadcasting: out = a + b.
 *
 * Shapes broadcast as in NumPy; dtypes promote (float64 > float32 > int32 > bool); a plain number
 * is a weak scalar that keeps the tensor's dtype.
 *
 * @example
 * ```ts
 * add(tensor([[1, 2], [3, 4]]), tensor([10, 20])).toArray(); // [[11, 22], [13, 24]]
 * ```
 */
export const add = /* @__PURE__ */ binary('add');
/** Element-wise difference a − b with broadcasting. @example `sub(tensor([3, 4]), 1) // [2, 3]` */
export const sub = /* @__PURE__ */ binary('sub');
/** Element-wise product a · b with broadcasting. @example `mul(tensor([1, 2]), tensor([[3], [4]])) // [[3, 6], [4, 8]]` */
export const mul = /* @__PURE__ */ binary('mul');
/** Element-wise true division a / b; integer inputs give float32 (as torch.div). @example `div(tensor([1, 2], { dtype: 'int32' }), 4) // [0.25, 0.5]` */
export const div = /* @__PURE__ */ binary('div');
/**
 * Element-wise power aᵇ with broadcasting. An integer result with a negative exponent throws a
 * RangeError (as PyTorch and NumPy: 2⁻¹ has no integer value); cast the base to float first.
 *
 * @example
 * ```ts
 * pow(tensor([2, 3]), 2);   // [4, 9]
 * pow(tensor([2, 4]), 0.5); // [1.414, 2]
 * ```
 */
export const pow = /* @__PURE__ */ defineOp('pow', (a: TensorLike, b: TensorLike): Tensor => {
  const out = binaryOp('pow', a, b);
  if (out.dtype === 'int32') {
    const neg = typeof b === 'number' ? (b < 0 ? b : null) : b.data.find((v) => v < 0);
    if (neg !== null && neg !== undefined) {
      throw new GdRangeError(
        `pow: integers to negative integer powers are not allowed (exponent ${neg}); cast the base to float first, e.g. astype(x, 'float32')`,
      );
    }
  }
  return out;
});
/** Element-wise max(a, b); NaN propagates (torch.maximum). @example `maximum(tensor([1, 5]), 3) // [3, 5]` */
export const maximum = /* @__PURE__ */ binary('maximum');
/** Element-wise min(a, b); NaN propagates (torch.minimum). @example `minimum(tensor([1, 5]), 3) // [1, 3]` */
export const minimum = /* @__PURE__ */ binary('minimum');
/** a == b element-wise, as a bool tensor. @example `equal(tensor([1, 2]), 2) // [false, true]` */
export const equal = /* @__PURE__ */ binary('equal');
/** a ≠ b element-wise, as a bool tensor. @example `notEqual(tensor([1, 2]), 2) // [true, false]` */
export const notEqual = /* @__PURE__ */ binary('notEqual');
/** a < b element-wise, as a bool tensor. @example `less(tensor([1, 3]), 2) // [true, false]` */
export const less = /* @__PURE__ */ binary('less');
/** a ≤ b element-wise, as a bool tensor. @example `lessEqual(tensor([2, 3]), 2) // [true, false]` */
export const lessEqual = /* @__PURE__ */ binary('lessEqual');
/** a > b element-wise, as a bool tensor. @example `greater(tensor([1, 3]), 2) // [false, true]` */
export const greater = /* @__PURE__ */ binary('greater');
/** a ≥ b element-wise, as a bool tensor. @example `greaterEqual(tensor([1, 2]), 2) // [false, true]` */
export const greaterEqual = /* @__PURE__ */ binary('greaterEqual');

/** −x element-wise (bool becomes int32). @example `neg(tensor([1, -2])) // [-1, 2]` */
export const neg = /* @__PURE__ */ unary('neg');
/** |x| element-wise. @example `abs(tensor([-1, 2])) // [1, 2]` */
export const abs = /* @__PURE__ */ unary('abs');
/** sign(x) ∈ {−1, 0, 1} element-wise (NaN stays NaN). @example `sign(tensor([-2, 0, 3])) // [-1, 0, 1]` */
export const sign = /* @__PURE__ */ unary('sign');
/** x² element-wise; keeps int dtypes. @example `square(tensor([-3, 2])) // [9, 4]` */
export const square = /* @__PURE__ */ unary('square');
/** max(x, 0) element-wise; relu'(0) is taken as 0 by autodiff, as in PyTorch. @example `relu(tensor([-1, 2])) // [0, 2]` */
export const relu = /* @__PURE__ */ unary('relu');
/** eˣ element-wise; ints give float32. @example `exp(tensor([0, 1])) // [1, 2.718…]` */
export const exp = /* @__PURE__ */ unary('exp');
/** ln x element-wise (NaN for x < 0, −Infinity at 0); ints give float32. @example `log(tensor([1, Math.E])) // [0, 1]` */
export const log = /* @__PURE__ */ unary('log');
/** ln(1 + x) element-wise, accurate for small x. @example `log1p(tensor([1e-10], { dtype: 'float64' })) // [1e-10]` */
export const log1p = /* @__PURE__ */ unary('log1p');
/** eˣ − 1 element-wise, accurate for small x. @example `expm1(tensor([1e-10], { dtype: 'float64' })) // [1e-10]` */
export const expm1 = /* @__PURE__ */ unary('expm1');
/** √x element-wise (NaN for x < 0); ints give float32. @example `sqrt(tensor([4, 9])) // [2, 3]` */
export const sqrt = /* @__PURE__ */ unary('sqrt');
/** 1/√x element-wise. @example `rsqrt(tensor([4])) // [0.5]` */
export const rsqrt = /* @__PURE__ */ unary('rsqrt');
/** 1/x element-wise; ints give float32. @example `reciprocal(tensor([2, 4])) // [0.5, 0.25]` */
export const reciprocal = /* @__PURE__ */ unary('reciprocal');
/** sin x element-wise (radians). @example `sin(tensor([0])) // [0]` */
export const sin = /* @__PURE__ */ unary('sin');
/** cos x element-wise (radians). @example `cos(tensor([0])) // [1]` */
export const cos = /* @__PURE__ */ unary('cos');
/** tan x element-wise (radians). @example `tan(tensor([0])) // [0]` */
export const tan = /* @__PURE__ */ unary('tan');
/** tanh x = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ) element-wise. @example `tanh(tensor([0, 100])) // [0, 1]` */
export const tanh = /* @__PURE__ */ unary('tanh');
/**
 * The logistic function σ(x) = 1 / (1 + e⁻ˣ) element-wise, evaluated as eˣ/(1 + eˣ) for x < 0
 * so that it never overflows.
 *
 * @example
 * ```ts
 * sigmoid(tensor([0, -1000])).toArray(); // [0.5, 0]
 * ```
 */
export const sigmoid = /* @__PURE__ */ unary('sigmoid');
/**
 * softplus(x) = log(1 + eˣ) element-wise, PyTorch's `softplus` with β = 1 and threshold 20: above
 * 20 it returns x itself (where log(1 + eˣ) equals x to float precision), and it never overflows.
 *
 * @example
 * ```ts
 * softplus(tensor([0, 30])).toArray(); // [0.6931…, 30]
 * ```
 */
export const softplus = /* @__PURE__ */ unary('softplus');
/**
 * atan2(a, b) element-wise with broadcasting: the angle θ ∈ (−π, π] of the point (b, a), i.e.
 * $\operatorname{atan2}(a, b) = \arg(b + ia)$ (torch.atan2); ints give float32.
 *
 * @example
 * ```ts
 * atan2(tensor([1, 1]), tensor([1, -1])).toArray(); // [π/4, 3π/4]
 * ```
 */
export const atan2 = /* @__PURE__ */ binary('atan2');
/**
 * $\sqrt{a^2 + b^2}$ element-wise with broadcasting, without intermediate overflow or underflow
 * (torch.hypot); ints give float32.
 *
 * @example
 * ```ts
 * hypot(tensor([3, 1e200], { dtype: 'float64' }), tensor([4, 1e200], { dtype: 'float64' })); // [5, 1.414e200]
 * ```
 */
export const hypot = /* @__PURE__ */ binary('hypot');
/**
 * log(eᵃ + eᵇ) element-wise with broadcasting, computed as max(a, b) + log1p(e^{−|a−b|}) so that
 * it neither overflows nor underflows (torch.logaddexp); ints give float32.
 *
 * @example
 * ```ts
 * logaddexp(tensor([1000]), tensor([1000])).toArray(); // [1000.6931…]
 * ```
 */
export const logaddexp = /* @__PURE__ */ binary('logaddexp');
/** ⌊x⌋ element-wise. @example `floor(tensor([1.7, -1.2])) // [1, -2]` */
export const floor = /* @__PURE__ */ unary('floor');
/** ⌈x⌉ element-wise. @example `ceil(tensor([1.2, -1.7])) // [2, -1]` */
export const ceil = /* @__PURE__ */ unary('ceil');
/** x rounded to the nearest integer, halves to even (as NumPy and PyTorch). @example `round(tensor([0.5, 1.5, 2.6])) // [0, 2, 3]` */
export const round = /* @__PURE__ */ unary('round');

/**
 * Clamps element-wise: out = min(max(x, lo), hi). Either bound may be null/undefined.
 *
 * @example
 * ```ts
 * clamp(tensor([-2, 0.5, 3]), 0, 1).toArray(); // [0, 0.5, 1]
 * ```
 */
export const clamp = /* @__PURE__ */ defineOp(
  'clamp',
  function clamp(x: TensorLike, lo?: number | null, hi?: number | null): Tensor {
    checkTensorLike('clamp', x);
    if (lo != null && hi != null && lo > hi) {
      throw new GdRangeError(`clamp: lower bound ${lo} is greater than upper bound ${hi}`);
    }
    let out = typeof x === 'number' ? scalarTensor(x, 'float32') : x;
    if (lo != null) out = maximum(out, lo);
    if (hi != null) out = minimum(out, hi);
    return lo == null && hi == null ? new Tensor(out.data.slice(), out.shape) : out;
  },
);
