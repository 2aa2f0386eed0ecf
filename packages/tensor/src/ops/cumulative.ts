import { GdTypeError } from '@gd/errors';
import { allocate } from '../dtype';
import type { ScanCode } from '../kernels';
import { runScan } from '../kernels/scan';
import { normalizeAxis } from '../shape';
import { Tensor } from '../tensor';
import { checkTensor } from './check';
import { defineOp } from './registry';

function scanOp(code: ScanCode, x: Tensor, axis: number): Tensor {
  checkTensor(code, x);
  if (typeof axis !== 'number') {
    throw new GdTypeError(
      `${code}: axis must be a number (the axis to accumulate along), got ${typeof axis}`,
    );
  }
  const ax = normalizeAxis(code, axis, x.ndim);
  // PyTorch: bool and int inputs accumulate in int64; int32 is gd's widest integer type.
  const dt = x.dtype === 'bool' ? 'int32' : x.dtype;
  const src = x.dtype === 'bool' ? Int32Array.from(x.data) : x.data;
  let outer = 1;
  let inner = 1;
  for (let i = 0; i < ax; i++) outer *= x.shape[i];
  for (let i = ax + 1; i < x.ndim; i++) inner *= x.shape[i];
  const n = x.ndim === 0 ? 1 : x.shape[ax];
  const out = allocate(dt, x.size);
  runScan(code, src, outer, n, inner, out);
  return new Tensor(out, x.shape);
}

/**
 * Running sum along `axis` (torch.cumsum): $y_i = \sum_{j \le i} x_j$. Same shape and dtype as
 * `x` (bool gives int32); negative axes count from the end.
 *
 * @example
 * ```ts
 * cumsum(tensor([[1, 2, 3], [4, 5, 6]]), 1).toArray(); // [[1, 3, 6], [4, 9, 15]]
 * ```
 */
export const cumsum = /* @__PURE__ */ defineOp(
  'cumsum',
  function cumsum(x: Tensor, axis: number): Tensor {
    return scanOp('cumsum', x, axis);
  },
);

/**
 * Running product along `axis` (torch.cumprod): $y_i = \prod_{j \le i} x_j$. Same shape and dtype
 * as `x` (bool gives int32).
 *
 * @example
 * ```ts
 * cumprod(tensor([1, 2, 3, 4]), 0).toArray(); // [1, 2, 6, 24]
 * ```
 */
export const cumprod = /* @__PURE__ */ defineOp(
  'cumprod',
  function cumprod(x: Tensor, axis: number): Tensor {
    return scanOp('cumprod', x, axis);
  },
);
