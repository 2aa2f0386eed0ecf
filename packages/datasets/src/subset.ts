import { GdRangeError } from '@gd/errors';
import { Generator, permutation } from '@gd/tensor';
import type { Tensor } from '@gd/tensor';
import type { Dataset } from './dataset';

/**
 * The examples of `dataset` at `indices`, in that order, as PyTorch's `Subset`; nothing is
 * copied until an example is read.
 *
 * @example
 * ```ts
 * const firstTen = new Subset(ds, Array.from({ length: 10 }, (_, i) => i));
 * ```
 */
export class Subset<T extends readonly (Tensor | number)[] = Tensor[]> implements Dataset<T> {
  /** The dataset this is a view of. */
  readonly dataset: Dataset<T>;
  /** Position i of the subset is example `indices[i]` of `dataset`. */
  readonly indices: Int32Array;

  constructor(dataset: Dataset<T>, indices: ArrayLike<number>) {
    const n = dataset.length;
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k];
      if (!Number.isInteger(i) || i < 0 || i >= n) {
        throw new GdRangeError(
          `Subset: index ${i} at position ${k} is out of range for ${n} examples`,
        );
      }
    }
    this.dataset = dataset;
    this.indices = Int32Array.from(indices);
  }

  /** Number of selected examples. */
  get length(): number {
    return this.indices.length;
  }

  /** Example `indices[i]` of the parent dataset. */
  get(i: number): T {
    if (!Number.isInteger(i) || i < 0 || i >= this.indices.length) {
      throw new GdRangeError(
        `Subset.get: index ${i} is out of range for ${this.indices.length} examples`,
      );
    }
    return this.dataset.get(this.indices[i]);
  }
}

/** Options of {@link randomSplit}. */
export interface RandomSplitOptions {
  /** Source of randomness. Default: the default generator (`manualSeed` of @gd/tensor). */
  generator?: Generator;
  /** Seed for a fresh generator (ignored when `generator` is given). */
  seed?: number | bigint;
}

/**
 * Splits a dataset into non-overlapping random subsets, as `torch.utils.data.random_split`.
 * `lengths` are counts summing to the dataset's length, or fractions summing to 1 (the
 * remainder of ⌊fraction·n⌋ is dealt round-robin, one each, as PyTorch does).
 *
 * @example
 * ```ts
 * const [train, val] = randomSplit(ds, [0.8, 0.2], { seed: 0 });
 * ```
 */
export function randomSplit<T extends readonly (Tensor | number)[]>(
  dataset: Dataset<T>,
  lengths: readonly number[],
  options: RandomSplitOptions = {},
): Subset<T>[] {
  const n = dataset.length;
  let counts = [...lengths];
  const total = lengths.reduce((a, b) => a + b, 0);
  if (lengths.every((f) => f >= 0 && f <= 1) && Math.abs(total - 1) < 1e-9 && total !== n) {
    counts = lengths.map((f) => Math.floor(n * f));
    const rest = n - counts.reduce((a, b) => a + b, 0);
    for (let k = 0; k < rest; k++) counts[k % counts.length] += 1;
  }
  if (
    counts.some((c) => !Number.isInteger(c) || c < 0) ||
    counts.reduce((a, b) => a + b, 0) !== n
  ) {
    throw new GdRangeError(
      `randomSplit: lengths [${lengths.join(', ')}] must be non-negative counts summing to ${n} or fractions summing to 1`,
    );
  }
  const generator =
    options.generator ?? (options.seed === undefined ? undefined : new Generator(options.seed));
  const perm = permutation(n, { generator }).data as Int32Array;
  const out: Subset<T>[] = [];
  let at = 0;
  for (const c of counts) {
    out.push(new Subset(dataset, perm.subarray(at, at + c)));
    at += c;
  }
  return out;
}
