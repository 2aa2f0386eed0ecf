import { defineOp } from './registry';
import { GdRangeError } from '@gd/errors';
import { allocate } from '../dtype';
import { broadcastShapes, sameShape, sizeOf } from '../shape';
import { Tensor, type TensorLike } from '../tensor';
import { broadcastTo } from './shape';

/** Tolerances of {@link allClose} and {@link isClose}. */
export interface CloseOptions {
  /** Relative tolerance. Default 1e-5. */
  rtol?: number;
  /** Absolute tolerance. Default 1e-8. */
  atol?: number;
  /** Treat NaN as equal to NaN. Default false. */
  equalNan?: boolean;
}

function asTensor(v: TensorLike): Tensor {
  return typeof v === 'number' ? new Tensor(new Float64Array([v]), []) : v;
}

/**
 * Element-wise closeness with broadcasting, as torch.isclose: |a − b| ≤ atol + rtol·|b|
 * (defaults rtol = 1e-5, atol = 1e-8). Equal infinities are close; NaN is close to NaN only with
 * `equalNan`. Returns a bool tensor.
 *
 * @example
 * ```ts
 * isClose(tensor([1, 2]), tensor([1 + 1e-7, 2.1])).toArray(); // [true, false]
 * ```
 */
export const isClose = /* @__PURE__ */ defineOp(
  'isClose',
  function isClose(a: TensorLike, b: TensorLike, opts: CloseOptions = {}): Tensor {
    const rtol = opts.rtol ?? 1e-5;
    const atol = opts.atol ?? 1e-8;
    if (!(rtol >= 0) || !(atol >= 0)) {
      throw new GdRangeError(
        `isClose: rtol and atol must be non-negative, got ${rtol} and ${atol}`,
      );
    }
    const ta = asTensor(a);
    const tb = asTensor(b);
    const shape = broadcastShapes('isClose', ta.shape, tb.shape);
    const ad = sameShape(ta.shape, shape) ? ta.data : broadcastTo(ta, shape).data;
    const bd = sameShape(tb.shape, shape) ? tb.data : broadcastTo(tb, shape).data;
    const out = allocate('bool', sizeOf(shape));
    for (let i = 0; i < out.length; i++) {
      const x = ad[i];
      const y = bd[i];
      if (x === y) out[i] = 1;
      else if (Number.isNaN(x) || Number.isNaN(y))
        out[i] = opts.equalNan && Number.isNaN(x) && Number.isNaN(y) ? 1 : 0;
      else if (!Number.isFinite(x) || !Number.isFinite(y)) out[i] = 0;
      else out[i] = Math.abs(x - y) <= atol + rtol * Math.abs(y) ? 1 : 0;
    }
    return new Tensor(out, shape);
  },
);

/**
 * True when every element of `a` is close to the matching element of `b` (broadcast), as
 * torch.allclose: |a − b| ≤ atol + rtol·|b| everywhere, rtol = 1e-5, atol = 1e-8 by default.
 * Throws a ShapeError when the shapes do not broadcast.
 *
 * @example
 * ```ts
 * allClose(tensor([1, 2]), tensor([1, 2.000001])); // true
 * allClose(tensor([1, 2]), tensor([1, 2.1]));      // false
 * ```
 */
export const allClose = /* @__PURE__ */ defineOp(
  'allClose',
  function allClose(a: TensorLike, b: TensorLike, opts: CloseOptions = {}): boolean {
    const c = isClose(a, b, opts).data;
    for (let i = 0; i < c.length; i++) if (!c[i]) return false;
    return true;
  },
);
