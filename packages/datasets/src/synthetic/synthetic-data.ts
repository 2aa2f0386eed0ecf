import { GdTypeError } from '@gd/errors';
import { Tensor, allocate } from '@gd/tensor';
import {
  type SyntheticOptions,
  checkCount,
  checkDType,
  checkNonNegative,
  resolveGenerator,
} from './common';

/** Options of {@link syntheticData}. */
export interface SyntheticDataOptions extends SyntheticOptions {
  /** Standard deviation σ of the Gaussian noise ε. Default 0.01 (d2l). */
  noise?: number;
}

/**
 * Linear-regression data as d2l's `synthetic_data(w, b, num_examples)`: X ~ N(0, 1) of shape
 * [n, len(w)], y = X·w + b + ε with ε ~ N(0, σ²), σ = 0.01, y of shape [n, 1]. With d2l's
 * w = [2, −3.4], b = 4.2 (the defaults), gradient descent should recover w and b to ≈ 1e-3.
 *
 * @param w true weights. Default [2, −3.4].
 * @param b true bias. Default 4.2.
 * @param numExamples n. Default 1000.
 * @param options `noise` σ (0.01), `seed`/`generator`, `dtype` ('float32').
 * @returns `[X, y]`.
 * @example
 * ```ts
 * const [X, y] = syntheticData([2, -3.4], 4.2, 1000, { seed: 0 });
 * X.shape; // [1000, 2]
 * y.shape; // [1000, 1]
 * ```
 */
export function syntheticData(
  w: readonly number[] = [2, -3.4],
  b = 4.2,
  numExamples = 1000,
  options: SyntheticDataOptions = {},
): [Tensor, Tensor] {
  const op = 'syntheticData';
  if (!Array.isArray(w) || w.length === 0 || w.some((v) => !Number.isFinite(v))) {
    throw new GdTypeError(`${op}: w must be a non-empty array of finite numbers, got ${String(w)}`);
  }
  if (!Number.isFinite(b)) throw new GdTypeError(`${op}: b must be a finite number, got ${b}`);
  const n = checkCount(op, 'numExamples', numExamples);
  const sigma = checkNonNegative(op, 'noise', options.noise ?? 0.01);
  const dtype = checkDType(op, options.dtype);
  const g = resolveGenerator(op, options);
  const d = w.length;
  const x = allocate(dtype, n * d);
  const y = allocate(dtype, n);
  for (let i = 0; i < n; i++) {
    let dot = 0;
    for (let j = 0; j < d; j++) {
      const v = g.normal();
      x[i * d + j] = v;
      // Use the stored (possibly float32-rounded) value so y is exact for the X the user sees.
      dot += x[i * d + j] * w[j];
    }
    y[i] = dot + b + sigma * g.normal();
  }
  return [new Tensor(x, [n, d]), new Tensor(y, [n, 1])];
}
