import { GdRangeError, GdTypeError } from '@gd/errors';
import { Generator, Tensor, allocate, defaultGenerator, permutation } from '@gd/tensor';

/** Options shared by the synthetic data generators. */
export interface SyntheticOptions {
  /** Source of randomness. Default: the default generator (`manualSeed` of @gd/tensor). */
  generator?: Generator;
  /** Seed for a fresh generator (scikit-learn's `random_state`); ignored when `generator` is given. */
  seed?: number | bigint;
  /** Float dtype of the features. Default `'float32'`. */
  dtype?: 'float32' | 'float64';
}

/** The generator to draw from: `generator`, a new one from `seed`, or tensor's default. */
export function resolveGenerator(op: string, options: SyntheticOptions): Generator {
  if (options.generator !== undefined) {
    if (!(options.generator instanceof Generator)) {
      throw new GdTypeError(`${op}: generator must be a Generator from @gd/tensor`);
    }
    return options.generator;
  }
  return options.seed === undefined ? defaultGenerator : new Generator(options.seed);
}

/** The float dtype asked for (default float32); a TypeError naming `op` otherwise. */
export function checkDType(op: string, dtype: string | undefined): 'float32' | 'float64' {
  const d = dtype ?? 'float32';
  if (d !== 'float32' && d !== 'float64') {
    throw new GdTypeError(`${op}: dtype must be 'float32' or 'float64', got '${d}'`);
  }
  return d;
}

/** `v` if it is an integer ≥ `min`, else a RangeError naming `op` and `name`. */
export function checkCount(op: string, name: string, v: number, min = 1): number {
  if (!Number.isInteger(v) || v < min) {
    throw new GdRangeError(`${op}: ${name} must be an integer ≥ ${min}, got ${v}`);
  }
  return v;
}

/** `v` if it is finite and ≥ 0, else a RangeError naming `op` and `name`. */
export function checkNonNegative(op: string, name: string, v: number): number {
  if (!(v >= 0) || !Number.isFinite(v)) {
    throw new GdRangeError(`${op}: ${name} must be a finite number ≥ 0, got ${v}`);
  }
  return v;
}

/** Points [n, d] (float64 scratch) and labels → tensors, rows optionally shuffled together. */
export function finish(
  x: Float64Array,
  y: Int32Array,
  d: number,
  dtype: 'float32' | 'float64',
  shuffle: boolean,
  generator: Generator,
): [Tensor, Tensor] {
  const n = y.length;
  const out = allocate(dtype, n * d);
  const labels = new Int32Array(n);
  const order = shuffle ? (permutation(n, { generator }).data as Int32Array) : null;
  for (let i = 0; i < n; i++) {
    const src = order === null ? i : order[i];
    for (let j = 0; j < d; j++) out[i * d + j] = x[src * d + j];
    labels[i] = y[src];
  }
  return [new Tensor(out, [n, d]), new Tensor(labels, [n])];
}

/** NumPy's linspace(start, stop, num, endpoint) as plain numbers. */
export function linspace(start: number, stop: number, num: number, endpoint = true): number[] {
  const div = endpoint ? num - 1 : num;
  const step = div > 0 ? (stop - start) / div : 0;
  return Array.from({ length: num }, (_, i) =>
    endpoint && i === num - 1 && num > 1 ? stop : start + i * step,
  );
}
