import { defineOp } from './registry';
import { GdTypeError } from '@gd/errors';
import { allocate } from '../dtype';
import { ShapeError, fmtShape } from '../errors';
import { runRows } from '../kernels/rows';
import { normalizeAxis } from '../shape';
import { Tensor } from '../tensor';
import { moveReducedLast, reducePlan } from './reduce';
import { checkTensor } from './check';

/** Options of {@link argmax} and {@link argmin}. */
export interface ArgReduceOptions {
  /** The axis to search along; when omitted, the index is into the flattened tensor. */
  axis?: number;
  /** Keep the searched axis with size 1. Default false. */
  keepDims?: boolean;
}

function argReduce(code: 'argmax' | 'argmin', x: Tensor, opts: ArgReduceOptions = {}): Tensor {
  checkTensor(code, x);
  if (opts.axis !== undefined && typeof opts.axis !== 'number') {
    throw new GdTypeError(`${code}: axis must be a single number (or omitted for the flat index)`);
  }
  if (opts.axis !== undefined) normalizeAxis(code, opts.axis, x.ndim);
  const plan = reducePlan(code, x, opts);
  if (plan.inner === 0) {
    throw new ShapeError(
      `${code}: cannot search an empty axis of shape ${fmtShape(x.shape)}; there is no ${code === 'argmax' ? 'maximum' : 'minimum'}`,
    );
  }
  const src = moveReducedLast(x, plan.axes);
  const out = allocate('int32', plan.outer);
  runRows(code, src.data, plan.outer, plan.inner, out);
  return new Tensor(out, plan.outShape);
}

/**
 * Index of the largest element along `axis` (into the flattened tensor when `axis` is omitted),
 * as int32: out = argmaxᵢ xᵢ. Ties give the first index; NaN counts as the maximum (PyTorch).
 *
 * @example
 * ```ts
 * argmax(tensor([[1, 5, 2], [7, 0, 7]]), { axis: 1 }).toArray(); // [1, 0]
 * argmax(tensor([[1, 5], [7, 0]])).item();                       // 2
 * ```
 */
export const argmax = /* @__PURE__ */ defineOp(
  'argmax',
  function argmax(x: Tensor, opts?: ArgReduceOptions): Tensor {
    return argReduce('argmax', x, opts);
  },
);

/**
 * Index of the smallest element along `axis` (flattened when omitted), as int32:
 * out = argminᵢ xᵢ. Ties give the first index; NaN counts as the minimum (PyTorch).
 *
 * @example
 * ```ts
 * argmin(tensor([[1, 5, 2], [7, 0, 7]]), { axis: 1 }).toArray(); // [0, 1]
 * ```
 */
export const argmin = /* @__PURE__ */ defineOp(
  'argmin',
  function argmin(x: Tensor, opts?: ArgReduceOptions): Tensor {
    return argReduce('argmin', x, opts);
  },
);
