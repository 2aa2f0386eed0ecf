import { defineOp } from './registry';
import { GdRangeError } from '@gd/errors';
import { type DType, allocate, checkDType } from '../dtype';
import { Tensor } from '../tensor';
import { type IndexLike, toIndexTensor } from './indices';

/** Options of {@link oneHot}. */
export interface OneHotOptions {
  /** Element type of the result. Default 'int32' (PyTorch returns integers too). */
  dtype?: DType;
}

/**
 * One-hot encoding, as torch.nn.functional.one_hot: out[..., c] = 1 if labels[...] = c else 0,
 * with shape labels.shape + [numClasses]. `numClasses` defaults to max(labels) + 1.
 *
 * @example
 * ```ts
 * oneHot([0, 2], 3).toArray();                       // [[1, 0, 0], [0, 0, 1]]
 * oneHot(tensor([1], { dtype: 'int32' }), 2, { dtype: 'float32' }).toArray(); // [[0, 1]]
 * ```
 */
export const oneHot = /* @__PURE__ */ defineOp(
  'oneHot',
  function oneHot(labels: IndexLike, numClasses?: number, opts: OneHotOptions = {}): Tensor {
    const idx = toIndexTensor('oneHot', labels);
    const dt = checkDType('oneHot', opts.dtype ?? 'int32');
    let k = numClasses ?? -1;
    if (k === -1) {
      if (idx.size === 0) {
        throw new GdRangeError(
          'oneHot: cannot infer numClasses from empty labels; pass numClasses',
        );
      }
      k = 0;
      for (let i = 0; i < idx.size; i++) k = Math.max(k, idx.data[i] + 1);
    }
    if (!Number.isInteger(k) || k < 1) {
      throw new GdRangeError(`oneHot: numClasses must be a positive integer, got ${numClasses}`);
    }
    const out = allocate(dt, idx.size * k);
    for (let i = 0; i < idx.size; i++) {
      const c = idx.data[i];
      if (c < 0 || c >= k) {
        throw new GdRangeError(`oneHot: label ${c} is outside the classes 0..${k - 1}`);
      }
      out[i * k + c] = 1;
    }
    return new Tensor(out, [...idx.shape, k]);
  },
);
