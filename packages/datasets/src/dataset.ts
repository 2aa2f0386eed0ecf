import { GdRangeError, GdTypeError } from '@gd/errors';
import { ShapeError, type Tensor } from '@gd/tensor';
import { sliceRows } from './rows';

/**
 * Anything indexable that a {@link DataLoader} can batch: `length` examples, `get(i)` returning
 * example i as a tuple of tensors (or numbers), as PyTorch's map-style `Dataset`
 * (`__len__`, `__getitem__`).
 *
 * @example
 * ```ts
 * const squares: Dataset<[number, number]> = { length: 10, get: (i) => [i, i * i] };
 * ```
 */
export interface Dataset<T extends readonly (Tensor | number)[] = Tensor[]> {
  /** Number of examples. */
  readonly length: number;
  /** Example `i` (0 ≤ i < length). */
  get(i: number): T;
}

/**
 * A dataset wrapping tensors that share their first dimension: example i is the tuple of
 * row i of each tensor (`x[i]`, `y[i]`), as PyTorch's `TensorDataset`. A {@link DataLoader} over
 * it copies whole rows straight from these buffers.
 *
 * @example
 * ```ts
 * const ds = new TensorDataset(tensor([[1, 2], [3, 4]]), tensor([0, 1], { dtype: 'int32' }));
 * ds.length;  // 2
 * ds.get(1);  // [tensor([3, 4]), tensor(1)]
 * ```
 */
export class TensorDataset<T extends Tensor[] = Tensor[]> implements Dataset<T> {
  /** The wrapped tensors (not copied). */
  readonly tensors: T;

  /** Wraps `tensors` (≥ 1, same first dimension); throws ShapeError otherwise. */
  constructor(...tensors: T) {
    if (tensors.length === 0) {
      throw new GdTypeError(
        'TensorDataset: needs at least one tensor, e.g. new TensorDataset(x, y)',
      );
    }
    const n = tensors[0].shape[0];
    tensors.forEach((t, k) => {
      if (t.ndim === 0) {
        throw new ShapeError(
          `TensorDataset: tensor ${k} is 0-d; every tensor needs a first (example) axis`,
        );
      }
      if (t.shape[0] !== n) {
        throw new ShapeError(
          `TensorDataset: size mismatch between tensors: tensor 0 has ${n} examples, tensor ${k} has ${t.shape[0]}`,
        );
      }
    });
    this.tensors = tensors;
  }

  /** Number of examples: the shared first dimension. */
  get length(): number {
    return this.tensors[0].shape[0];
  }

  /** Row `i` of every tensor (copies; negative `i` counts from the end). */
  get(i: number): T {
    const n = this.length;
    if (!Number.isInteger(i) || i < -n || i >= n) {
      throw new GdRangeError(`TensorDataset.get: index ${i} is out of range for ${n} examples`);
    }
    const k = i < 0 ? i + n : i;
    return this.tensors.map((t) => sliceRows(t, [k], true)) as T;
  }
}
