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
import { checkTensorLike } from './check';
import { broadcastTo } from './shape';

function scalarTensor(v: number, dtype: DType): Tensor {
  const d = allocate(dtype, 1);
  d[0] = v;
  return new Tensor(d, []);
}

/** The output dtype of a binary op from its inputs' dtypes. */
function resultDType(code: BinaryCode, da: DType): DType {
  switch (code) {
    case 'equal':
    case 'notEqual':
    case 'less':
    case 'lessEqual':
    case 'greater':
    case 'greaterEqual':
    case 'logicalAnd':
    case 'logicalOr':
      return 'bool';
    case 'div':
      return floatResult(da);
    default:
      return da === 'bool' ? 'int32' : da;
  }
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

const floatOf = (x: TensorLike): DType =>
  typeof x === 'number' ? 'float32' : floatResult(x.dtype);
const sameOrInt = (x: TensorLike): DType =>
  typeof x === 'number' ? 'float32' : x.dtype === 'bool' ? 'int32' : x.dtype;

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
export const add = (a: TensorLike, b: TensorLike): Tensor => binaryOp('add', a, b);
/** Element-wise difference a − b with broadcasting. @example `sub(tensor([3, 4]), 1) // [2, 3]` */
export const sub = (a: TensorLike, b: TensorLike): Tensor => binaryOp('sub', a, b);
/** Element-wise product a · b with broadcasting. @example `mul(tensor([1, 2]), tensor([[3], [4]])) // [[3, 6], [4, 8]]` */
export const mul = (a: TensorLike, b: TensorLike): Tensor => binaryOp('mul', a, b);
/** Element-wise true division a / b; integer inputs give float32 (as torch.div). @example `div(tensor([1, 2], { dtype: 'int32' }), 4) // [0.25, 0.5]` */
export const div = (a: TensorLike, b: TensorLike): Tensor => binaryOp('div', a, b);
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
export const pow = (a: TensorLike, b: TensorLike): Tensor => {
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
};
/** Element-wise max(a, b); NaN propagates (torch.maximum). @example `maximum(tensor([1, 5]), 3) // [3, 5]` */
export const maximum = (a: TensorLike, b: TensorLike): Tensor => binaryOp('maximum', a, b);
/** Element-wise min(a, b); NaN propagates (torch.minimum). @example `minimum(tensor([1, 5]), 3) // [1, 3]` */
export const minimum = (a: TensorLike, b: TensorLike): Tensor => binaryOp('minimum', a, b);
/** a == b element-wise, as a bool tensor. @example `equal(tensor([1, 2]), 2) // [false, true]` */
export const equal = (a: TensorLike, b: TensorLike): Tensor => binaryOp('equal', a, b);
/** a ≠ b element-wise, as a bool tensor. @example `notEqual(tensor([1, 2]), 2) // [true, false]` */
export const notEqual = (a: TensorLike, b: TensorLike): Tensor => binaryOp('notEqual', a, b);
/** a < b element-wise, as a bool tensor. @example `less(tensor([1, 3]), 2) // [true, false]` */
export const less = (a: TensorLike, b: TensorLike): Tensor => binaryOp('less', a, b);
/** a ≤ b element-wise, as a bool tensor. @example `lessEqual(tensor([2, 3]), 2) // [true, false]` */
export const lessEqual = (a: TensorLike, b: TensorLike): Tensor => binaryOp('lessEqual', a, b);
/** a > b element-wise, as a bool tensor. @example `greater(tensor([1, 3]), 2) // [false, true]` */
export const greater = (a: TensorLike, b: TensorLike): Tensor => binaryOp('greater', a, b);
/** a ≥ b element-wise, as a bool tensor. @example `greaterEqual(tensor([1, 2]), 2) // [false, true]` */
export const greaterEqual = (a: TensorLike, b: TensorLike): Tensor =>
  binaryOp('greaterEqual', a, b);

/** −x element-wise (bool becomes int32). @example `neg(tensor([1, -2])) // [-1, 2]` */
export const neg = (x: TensorLike): Tensor => unaryOp('neg', x, sameOrInt(x));
/** |x| element-wise. @example `abs(tensor([-1, 2])) // [1, 2]` */
export const abs = (x: TensorLike): Tensor => unaryOp('abs', x, sameOrInt(x));
/** sign(x) ∈ {−1, 0, 1} element-wise (NaN stays NaN). @example `sign(tensor([-2, 0, 3])) // [-1, 0, 1]` */
export const sign = (x: TensorLike): Tensor => unaryOp('sign', x, sameOrInt(x));
/** x² element-wise; keeps int dtypes. @example `square(tensor([-3, 2])) // [9, 4]` */
export const square = (x: TensorLike): Tensor => unaryOp('square', x, sameOrInt(x));
/** max(x, 0) element-wise; relu'(0) is taken as 0 by autodiff, as in PyTorch. @example `relu(tensor([-1, 2])) // [0, 2]` */
export const relu = (x: TensorLike): Tensor => unaryOp('relu', x, sameOrInt(x));
/** eˣ element-wise; ints give float32. @example `exp(tensor([0, 1])) // [1, 2.718…]` */
export const exp = (x: TensorLike): Tensor => unaryOp('exp', x, floatOf(x));
/** ln x element-wise (NaN for x < 0, −Infinity at 0); ints give float32. @example `log(tensor([1, Math.E])) // [0, 1]` */
export const log = (x: TensorLike): Tensor => unaryOp('log', x, floatOf(x));
/** ln(1 + x) element-wise, accurate for small x. @example `log1p(tensor([1e-10], { dtype: 'float64' })) // [1e-10]` */
export const log1p = (x: TensorLike): Tensor => unaryOp('log1p', x, floatOf(x));
/** eˣ − 1 element-wise, accurate for small x. @example `expm1(tensor([1e-10], { dtype: 'float64' })) // [1e-10]` */
export const expm1 = (x: TensorLike): Tensor => unaryOp('expm1', x, floatOf(x));
/** √x element-wise (NaN for x < 0); ints give float32. @example `sqrt(tensor([4, 9])) // [2, 3]` */
export const sqrt = (x: TensorLike): Tensor => unaryOp('sqrt', x, floatOf(x));
/** 1/√x element-wise. @example `rsqrt(tensor([4])) // [0.5]` */
export const rsqrt = (x: TensorLike): Tensor => unaryOp('rsqrt', x, floatOf(x));
/** 1/x element-wise; ints give float32. @example `reciprocal(tensor([2, 4])) // [0.5, 0.25]` */
export const reciprocal = (x: TensorLike): Tensor => unaryOp('reciprocal', x, floatOf(x));
/** sin x element-wise (radians). @example `sin(tensor([0])) // [0]` */
export const sin = (x: TensorLike): Tensor => unaryOp('sin', x, floatOf(x));
/** cos x element-wise (radians). @example `cos(tensor([0])) // [1]` */
export const cos = (x: TensorLike): Tensor => unaryOp('cos', x, floatOf(x));
/** tan x element-wise (radians). @example `tan(tensor([0])) // [0]` */
export const tan = (x: TensorLike): Tensor => unaryOp('tan', x, floatOf(x));
/** tanh x = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ) element-wise. @example `tanh(tensor([0, 100])) // [0, 1]` */
export const tanh = (x: TensorLike): Tensor => unaryOp('tanh', x, floatOf(x));
/**
 * The logistic function σ(x) = 1 / (1 + e⁻ˣ) element-wise, evaluated as eˣ/(1 + eˣ) for x < 0
 * so that it never overflows.
 *
 * @example
 * ```ts
 * sigmoid(tensor([0, -1000])).toArray(); // [0.5, 0]
 * ```
 */
export const sigmoid = (x: TensorLike): Tensor => unaryOp('sigmoid', x, floatOf(x));
/** ⌊x⌋ element-wise. @example `floor(tensor([1.7, -1.2])) // [1, -2]` */
export const floor = (x: TensorLike): Tensor => unaryOp('floor', x, sameOrInt(x));
/** ⌈x⌉ element-wise. @example `ceil(tensor([1.2, -1.7])) // [2, -1]` */
export const ceil = (x: TensorLike): Tensor => unaryOp('ceil', x, sameOrInt(x));
/** x rounded to the nearest integer, halves to even (as NumPy and PyTorch). @example `round(tensor([0.5, 1.5, 2.6])) // [0, 2, 3]` */
export const round = (x: TensorLike): Tensor => unaryOp('round', x, sameOrInt(x));

/**
 * Clamps element-wise: out = min(max(x, lo), hi). Either bound may be null/undefined.
 *
 * @example
 * ```ts
 * clamp(tensor([-2, 0.5, 3]), 0, 1).toArray(); // [0, 0.5, 1]
 * ```
 */
export function clamp(x: TensorLike, lo?: number | null, hi?: number | null): Tensor {
  checkTensorLike('clamp', x);
  if (lo != null && hi != null && lo > hi) {
    throw new GdRangeError(`clamp: lower bound ${lo} is greater than upper bound ${hi}`);
  }
  let out = typeof x === 'number' ? scalarTensor(x, 'float32') : x;
  if (lo != null) out = maximum(out, lo);
  if (hi != null) out = minimum(out, hi);
  return lo == null && hi == null ? new Tensor(out.data.slice(), out.shape) : out;
}
