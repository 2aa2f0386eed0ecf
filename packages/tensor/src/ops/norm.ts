import { defineOp } from './registry';
import { GdRangeError } from '@gd/errors';
import { floatResult } from '../dtype';
import { ShapeError, fmtShape } from '../errors';
import type { ReduceOptions, Tensor } from '../tensor';
import { astype } from './cast';
import { abs, notEqual, pow, sqrt, square } from './elementwise';
import { max, min, reducePlan, sum } from './reduce';
import { checkTensor } from './check';

/** Options of {@link norm}. */
export interface NormOptions extends ReduceOptions {
  /**
   * Which vector norm: a real p (‖x‖ₚ = (Σ|xᵢ|ᵖ)^{1/p}), `Infinity` (max |xᵢ|), `-Infinity`
   * (min |xᵢ|), 0 (number of non-zero elements) or `'fro'` (same as 2). Default 2.
   */
  ord?: number | 'fro';
}

/**
 * Vector norm over `axis` (all elements when omitted), as torch.linalg.vector_norm:
 * ‖x‖ₚ = (Σᵢ |xᵢ|ᵖ)^{1/p}; ord = 2 by default, ±∞ give max/min |xᵢ|, 0 counts non-zeros.
 * Integer inputs give float32. Over two axes with ord 2 (or 'fro') this is the Frobenius norm.
 *
 * @example
 * ```ts
 * norm(tensor([3, 4])).item();                     // 5
 * norm(tensor([3, -4]), { ord: 1 }).item();         // 7
 * norm(tensor([[3, 4], [0, 1]]), { ord: Infinity, axis: 1 }).toArray(); // [4, 1]
 * ```
 */
export const norm = /* @__PURE__ */ defineOp(
  'norm',
  function norm(x: Tensor, opts: NormOptions = {}): Tensor {
    checkTensor('norm', x);
    const ord = opts.ord === undefined || opts.ord === 'fro' ? 2 : opts.ord;
    if (typeof ord !== 'number' || Number.isNaN(ord)) {
      throw new GdRangeError(
        `norm: ord must be a number, Infinity, -Infinity or 'fro', got ${String(opts.ord)}`,
      );
    }
    const red: ReduceOptions = { axis: opts.axis, keepDims: opts.keepDims };
    const xf = x.dtype === floatResult(x.dtype) ? x : astype(x, floatResult(x.dtype));
    if (ord === Number.POSITIVE_INFINITY || ord === Number.NEGATIVE_INFINITY) {
      if (reducePlan('norm', x, red).inner === 0) {
        throw new ShapeError(
          `norm: ord=${ord} over an empty axis of shape ${fmtShape(x.shape)} is undefined`,
        );
      }
      return ord > 0 ? max(abs(xf), red) : min(abs(xf), red);
    }
    if (ord === 0) return astype(sum(notEqual(xf, 0), red), xf.dtype);
    if (ord === 1) return sum(abs(xf), red);
    if (ord === 2) return sqrt(sum(square(xf), red));
    return pow(sum(pow(abs(xf), ord), red), 1 / ord);
  },
);
