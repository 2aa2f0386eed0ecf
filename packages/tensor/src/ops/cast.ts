import { defineOp } from './registry';
import { type DType, checkDType } from '../dtype';
import { Tensor } from '../tensor';
import { castArray } from './elementwise';
import { checkTensor } from './check';

/**
 * A copy of `x` converted to `dtype`, as NumPy's `astype` (always a new buffer). Floats become
 * int32 by truncation toward zero (NaN becomes 0); any non-zero value (NaN included) becomes
 * `true` in bool.
 *
 * @example
 * ```ts
 * astype(tensor([1.7, -1.7]), 'int32').toArray(); // [1, -1]
 * astype(tensor([0, 2]), 'bool').toArray();      // [false, true]
 * ```
 */
export const astype = /* @__PURE__ */ defineOp(
  'astype',
  function astype(x: Tensor, dtype: DType): Tensor {
    checkTensor('astype', x);
    const dt = checkDType('astype', dtype);
    return new Tensor(castArray(x.data, dt), x.shape);
  },
);

/** PyTorch-flavoured name of {@link astype}. @example `cast(tensor([1, 2]), 'float64')` */
export const cast = /* @__PURE__ */ defineOp(
  'cast',
  function cast(x: Tensor, dtype: DType): Tensor {
    return astype(x, dtype);
  },
);

/**
 * A copy of `x` with its own buffer (same shape and dtype), as `np.copy` / `torch.clone`.
 *
 * @example
 * ```ts
 * const y = copy(x); y.data[0] = 5; // x is unchanged
 * ```
 */
export const copy = /* @__PURE__ */ defineOp('copy', function copy(x: Tensor): Tensor {
  checkTensor('copy', x);
  return new Tensor(x.data.slice(), x.shape);
});
