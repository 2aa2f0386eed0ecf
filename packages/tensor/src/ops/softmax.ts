import { defineOp } from './registry';
import { allocate, floatResult } from '../dtype';
import { runRows } from '../kernels/rows';
import { normalizeAxis } from '../shape';
import { Tensor } from '../tensor';
import { castArray } from './elementwise';
import { moveReducedLast } from './reduce';
import { transpose } from './shape';
import { checkTensor } from './check';

function rowwise(code: 'softmax' | 'logSoftmax', x: Tensor, axis: number): Tensor {
  checkTensor(code, x);
  if (x.ndim === 0) {
    const out = allocate(floatResult(x.dtype), 1);
    out[0] = Number.isNaN(x.data[0]) ? Number.NaN : code === 'softmax' ? 1 : 0;
    return new Tensor(out, []);
  }
  const ax = normalizeAxis(code, axis, x.ndim);
  const dt = floatResult(x.dtype);
  const moved = moveReducedLast(x, [ax]);
  const inner = x.shape[ax];
  const outer = inner === 0 ? 0 : x.size / inner;
  const src = moved.dtype === dt ? moved.data : castArray(moved.data, dt);
  const out = allocate(dt, x.size);
  runRows(code, src, outer, inner, out);
  const result = new Tensor(out, moved.shape);
  if (ax === x.ndim - 1) return result;
  // Undo moveReducedLast: the softmax axis sits last; put it back at `ax`.
  const perm: number[] = [];
  for (let i = 0; i < x.ndim - 1; i++) perm.push(i);
  perm.splice(ax, 0, x.ndim - 1);
  return transpose(result, perm);
}

/**
 * Softmax along `axis` (default −1): out_i = exp(x_i − m) / Σ_j exp(x_j − m) with m = max_j x_j,
 * which equals exp(x_i)/Σ exp(x_j) but never overflows. Integer inputs give float32. A row of
 * all −∞ gives NaN, as in PyTorch.
 *
 * @example
 * ```ts
 * softmax(tensor([1, 2, 3])).toArray(); // [0.090, 0.245, 0.665]
 * softmax(tensor([[1000, 1000]]), 1).toArray(); // [[0.5, 0.5]]
 * ```
 */
export const softmax = /* @__PURE__ */ defineOp(
  'softmax',
  function softmax(x: Tensor, axis = -1): Tensor {
    return rowwise('softmax', x, axis);
  },
);

/**
 * Log-softmax along `axis` (default −1): out_i = x_i − m − log Σ_j exp(x_j − m), m = max_j x_j.
 * More accurate than log(softmax(x)): large negative values stay finite instead of −∞.
 *
 * @example
 * ```ts
 * logSoftmax(tensor([0, 0])).toArray(); // [-0.693, -0.693]
 * logSoftmax(tensor([0, -1000])).toArray(); // [0, -1000]
 * ```
 */
export const logSoftmax = /* @__PURE__ */ defineOp(
  'logSoftmax',
  function logSoftmax(x: Tensor, axis = -1): Tensor {
    return rowwise('logSoftmax', x, axis);
  },
);
