import { GdRangeError, GdTypeError } from '@gd/errors';
import { Generator, ShapeError, Tensor, allocate, permutation } from '@gd/tensor';
import type { DType } from '@gd/tensor';
import { type Dataset, TensorDataset } from './dataset';
import { sliceRows } from './rows';
import { Subset } from './subset';

/** Options of {@link DataLoader}. Names and defaults as PyTorch's `DataLoader`. */
export interface DataLoaderOptions {
  /** Examples per batch. Default 1. */
  batchSize?: number;
  /** Draw a new random order every epoch. Default false (dataset order). */
  shuffle?: boolean;
  /** Skip the last batch when it has fewer than `batchSize` examples. Default false. */
  dropLast?: boolean;
  /** Source of the shuffling order. Default: the default generator (`manualSeed` of @gd/tensor). */
  generator?: Generator;
  /** Seed for a generator owned by this loader (ignored when `generator` is given). */
  seed?: number | bigint;
}

/** A batch: each field of the example stacked along a new first axis. */
export type Batch<T extends readonly (Tensor | number)[]> = { [K in keyof T]: Tensor };

/**
 * Iterates a dataset in mini-batches, as PyTorch's `DataLoader`: each `for … of` is one epoch
 * that visits every example exactly once (in a fresh random order when `shuffle`), yielding
 * `[x, y]` with a new leading batch axis. With B = batchSize and n examples there are ⌈n/B⌉
 * batches per epoch (⌊n/B⌋ with `dropLast`); only the last one may be smaller.
 *
 * Batches are assembled by copying whole rows into one preallocated typed array per field (for
 * a {@link TensorDataset}, straight from its buffers without calling `get`). Plain numbers in
 * examples become int32 when they are all integers in the first batch, else float64 (PyTorch's
 * default_collate makes int64 of ints, float64 of floats); return 0-d tensors to choose yourself.
 *
 * @example
 * ```ts
 * const { data, target } = loadIris();
 * const loader = new DataLoader(new TensorDataset(data, target), { batchSize: 32, shuffle: true, seed: 0 });
 * for (const [x, y] of loader) x.shape; // [32, 4] … then [22, 4]
 * ```
 */
export class DataLoader<T extends readonly (Tensor | number)[] = Tensor[]>
  implements Iterable<Batch<T>>
{
  /** The dataset being batched. */
  readonly dataset: Dataset<T>;
  /** Examples per batch. */
  readonly batchSize: number;
  /** Whether each epoch uses a fresh random order. */
  readonly shuffle: boolean;
  /** Whether a final partial batch is skipped. */
  readonly dropLast: boolean;
  /** The generator shuffling draws from (`undefined`: the default generator). */
  readonly generator: Generator | undefined;
  private numberDTypes: (DType | null)[] | null = null;

  /** Validates the options; throws RangeError for a bad `batchSize`, TypeError for a bad dataset. */
  constructor(dataset: Dataset<T>, options: DataLoaderOptions = {}) {
    const batchSize = options.batchSize ?? 1;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new GdRangeError(`DataLoader: batchSize must be a positive integer, got ${batchSize}`);
    }
    if (options.generator !== undefined && !(options.generator instanceof Generator)) {
      throw new GdTypeError('DataLoader: generator must be a Generator from @gd/tensor');
    }
    if (dataset == null || typeof dataset.get !== 'function' || !Number.isInteger(dataset.length)) {
      throw new GdTypeError('DataLoader: dataset must have an integer length and a get(i) method');
    }
    this.dataset = dataset;
    this.batchSize = batchSize;
    this.shuffle = options.shuffle ?? false;
    this.dropLast = options.dropLast ?? false;
    this.generator =
      options.generator ?? (options.seed === undefined ? undefined : new Generator(options.seed));
  }

  /** Batches per epoch: ⌈n/B⌉, or ⌊n/B⌋ with `dropLast` (PyTorch's `len(loader)`). */
  get length(): number {
    const n = this.dataset.length;
    return this.dropLast ? Math.floor(n / this.batchSize) : Math.ceil(n / this.batchSize);
  }

  /** One epoch of batches. */
  *[Symbol.iterator](): Iterator<Batch<T>> {
    const n = this.dataset.length;
    const order = this.shuffle
      ? (permutation(n, { generator: this.generator }).data as Int32Array)
      : Int32Array.from({ length: n }, (_, i) => i);
    const batches = this.length;
    for (let b = 0; b < batches; b++) {
      const indices = order.subarray(b * this.batchSize, Math.min(n, (b + 1) * this.batchSize));
      yield this.collate(indices);
    }
  }

  private collate(indices: Int32Array): Batch<T> {
    const direct = resolveTensorDataset(this.dataset, indices);
    if (direct !== null) {
      return direct.dataset.tensors.map((t) => sliceRows(t, direct.indices)) as unknown as Batch<T>;
    }
    const examples = Array.from(indices, (i) => this.dataset.get(i));
    const first = examples[0];
    if (this.numberDTypes === null) {
      this.numberDTypes = first.map((v, k) =>
        typeof v !== 'number'
          ? null
          : examples.every((ex) => Number.isInteger(ex[k]))
            ? 'int32'
            : 'float64',
      );
    }
    return first.map((field, k) => {
      if (typeof field === 'number') return this.stackNumbers(examples, indices, k);
      return stackTensors(examples, indices, k, field);
    }) as unknown as Batch<T>;
  }

  private stackNumbers(
    examples: readonly (readonly (Tensor | number)[])[],
    indices: Int32Array,
    k: number,
  ): Tensor {
    const dtype = (this.numberDTypes as (DType | null)[])[k] ?? 'float64';
    const out = allocate(dtype, examples.length);
    examples.forEach((ex, j) => {
      const v = ex[k];
      if (typeof v !== 'number' || (dtype === 'int32' && !Number.isInteger(v))) {
        throw new GdTypeError(
          `DataLoader: field ${k} of example ${indices[j]} is ${String(v)} but earlier examples had ${dtype === 'int32' ? 'integers' : 'numbers'} there; return a Tensor to fix the dtype`,
        );
      }
      out[j] = v;
    });
    return new Tensor(out, [examples.length]);
  }
}

function stackTensors(
  examples: readonly (readonly (Tensor | number)[])[],
  indices: Int32Array,
  k: number,
  first: Tensor,
): Tensor {
  const size = first.size;
  const out = allocate(first.dtype, examples.length * size);
  examples.forEach((ex, j) => {
    const t = ex[k];
    if (!(t instanceof Tensor) || t.dtype !== first.dtype || !sameShape(t.shape, first.shape)) {
      const got = t instanceof Tensor ? `${t.dtype} [${t.shape.join(', ')}]` : String(t);
      throw new ShapeError(
        `DataLoader: cannot stack field ${k}: example ${indices[0]} has ${first.dtype} [${first.shape.join(', ')}] but example ${indices[j]} has ${got}; make every example the same shape and dtype`,
      );
    }
    out.set(t.data, j * size);
  });
  return new Tensor(out, [examples.length, ...first.shape]);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Follows Subset wrappers down to a TensorDataset (mapping indices), or null if there is none. */
function resolveTensorDataset<T extends readonly (Tensor | number)[]>(
  dataset: Dataset<T>,
  indices: Int32Array,
): { dataset: TensorDataset; indices: Int32Array } | null {
  let ds: Dataset<T> = dataset;
  let idx = indices;
  while (ds instanceof Subset) {
    const map = ds.indices;
    idx = idx.map((i) => map[i]);
    ds = ds.dataset;
  }
  // Rows are copied directly only when get() is TensorDataset's own: a subclass may transform.
  return ds instanceof TensorDataset && ds.get === TensorDataset.prototype.get
    ? { dataset: ds, indices: idx }
    : null;
}
