import { tensor } from '../creation';
import { DTypeError } from '../errors';
import { type NestedArray, Tensor } from '../tensor';

/** Indices an indexing op accepts: an int32 tensor, a (nested) array of integers or one integer. */
export type IndexLike = Tensor | NestedArray | number;

/** Validates index input for `op` and returns it as an int32 tensor. */
export function toIndexTensor(op: string, idx: IndexLike): Tensor {
  if (idx instanceof Tensor) {
    if (idx.dtype !== 'int32') {
      throw new DTypeError(
        `${op}: indices must be an int32 tensor, got ${idx.dtype}; convert with astype('int32')`,
      );
    }
    return idx;
  }
  const t = tensor(idx, { dtype: 'float64' });
  for (let i = 0; i < t.size; i++) {
    if (!Number.isInteger(t.data[i])) {
      throw new DTypeError(`${op}: indices must be integers, got ${t.data[i]}`);
    }
  }
  return new Tensor(Int32Array.from(t.data), t.shape);
}
