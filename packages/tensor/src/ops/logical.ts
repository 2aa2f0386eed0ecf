import { defineOp } from './registry';
import { type DType, allocate, promoteTypes, promoteWithScalar } from '../dtype';
import { runSelect } from '../kernels/rows';
import { broadcastShapes, sameShape, sizeOf } from '../shape';
import { type ReduceOptions, Tensor, type TensorLike } from '../tensor';
import { astype } from './cast';
import { binaryOp, castArray, unaryOp } from './elementwise';
import { sum } from './reduce';
import { broadcastTo } from './shape';

/** `x` as a bool tensor (non-zero and NaN are true), without copying when it already is one. */
function asBool(x: TensorLike): Tensor {
  if (typeof x === 'number') return new Tensor(new Uint8Array([x !== 0 ? 1 : 0]), []);
  return x.dtype === 'bool' ? x : astype(x, 'bool');
}

/**
 * Element-wise choice: out = cond ? a : b, with all three broadcast together (torch.where).
 * `cond` is read as bool (non-zero is true). The dtype is that of `a` and `b` combined (a plain
 * number is a weak scalar; two numbers give float32).
 *
 * @example
 * ```ts
 * where(tensor([true, false]), tensor([1, 2]), 0).toArray(); // [1, 0]
 * ```
 */
export const where = /* @__PURE__ */ defineOp(
  'where',
  function where(cond: TensorLike, a: TensorLike, b: TensorLike): Tensor {
    const c = asBool(cond);
    let dt: DType;
    if (typeof a === 'number' && typeof b === 'number') dt = 'float32';
    else if (typeof a === 'number') dt = promoteWithScalar((b as Tensor).dtype, a);
    else if (typeof b === 'number') dt = promoteWithScalar(a.dtype, b);
    else dt = promoteTypes(a.dtype, b.dtype);
    const ta = typeof a === 'number' ? new Tensor(allocate(dt, 1).fill(a), []) : a;
    const tb = typeof b === 'number' ? new Tensor(allocate(dt, 1).fill(b), []) : b;
    const shape = broadcastShapes('where', broadcastShapes('where', c.shape, ta.shape), tb.shape);
    const expand = (t: Tensor): Tensor => (sameShape(t.shape, shape) ? t : broadcastTo(t, shape));
    const cd = expand(c).data as Uint8Array;
    const ad = expand(ta).data;
    const bd = expand(tb).data;
    const out = allocate(dt, sizeOf(shape));
    runSelect(
      cd,
      ta.dtype === dt ? ad : castArray(ad, dt),
      tb.dtype === dt ? bd : castArray(bd, dt),
      out,
    );
    return new Tensor(out, shape);
  },
);

/** a ∧ b element-wise (non-zero is true), broadcast, as bool. @example `logicalAnd(tensor([1, 0]), 1) // [true, false]` */
export const logicalAnd = /* @__PURE__ */ defineOp(
  'logicalAnd',
  function logicalAnd(a: TensorLike, b: TensorLike): Tensor {
    return binaryOp('logicalAnd', asBool(a), asBool(b));
  },
);

/** a ∨ b element-wise (non-zero is true), broadcast, as bool. @example `logicalOr(tensor([1, 0]), 0) // [true, false]` */
export const logicalOr = /* @__PURE__ */ defineOp(
  'logicalOr',
  function logicalOr(a: TensorLike, b: TensorLike): Tensor {
    return binaryOp('logicalOr', asBool(a), asBool(b));
  },
);

/** a ⊕ b element-wise (exactly one is non-zero), broadcast, as bool. @example `logicalXor(tensor([1, 0]), 1) // [false, true]` */
export const logicalXor = /* @__PURE__ */ defineOp(
  'logicalXor',
  function logicalXor(a: TensorLike, b: TensorLike): Tensor {
    return binaryOp('notEqual', asBool(a), asBool(b));
  },
);

/** ¬x element-wise (zero becomes true), as bool. @example `logicalNot(tensor([1, 0])) // [false, true]` */
export const logicalNot = /* @__PURE__ */ defineOp(
  'logicalNot',
  function logicalNot(x: TensorLike): Tensor {
    return unaryOp('logicalNot', asBool(x), 'bool');
  },
);

/**
 * True where any element over `axis` is non-zero (all axes when omitted), as bool; `false` for an
 * empty axis, as np.any.
 *
 * @example
 * ```ts
 * any(tensor([[0, 1], [0, 0]]), { axis: 1 }).toArray(); // [true, false]
 * ```
 */
export const any = /* @__PURE__ */ defineOp(
  'any',
  function any(x: Tensor, opts: ReduceOptions = {}): Tensor {
    return binaryOp('greater', sum(asBool(x), opts), 0);
  },
);

/**
 * True where every element over `axis` is non-zero (all axes when omitted), as bool; `true` for an
 * empty axis, as np.all.
 *
 * @example
 * ```ts
 * all(tensor([[1, 1], [0, 1]]), { axis: 1 }).toArray(); // [true, false]
 * ```
 */
export const all = /* @__PURE__ */ defineOp(
  'all',
  function all(x: Tensor, opts: ReduceOptions = {}): Tensor {
    return binaryOp('equal', sum(logicalNot(x), opts), 0);
  },
);
