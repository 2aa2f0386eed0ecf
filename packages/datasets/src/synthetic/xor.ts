import { Tensor } from '@gd/tensor';
import {
  type SyntheticOptions,
  checkCount,
  checkDType,
  checkNonNegative,
  finish,
  resolveGenerator,
} from './common';

/** Options of {@link makeXor}. */
export interface XorOptions extends SyntheticOptions {
  /** Number of points. Default 200. */
  nSamples?: number;
  /** Standard deviation of Gaussian noise added to the coordinates after labelling. Default 0. */
  noise?: number;
}

/**
 * The XOR problem as a point cloud: x uniform in [−1, 1]², label 1 when exactly one coordinate
 * is positive (x₁ > 0 xor x₂ > 0), else 0; optional N(0, noise²) jitter blurs the quadrant
 * borders. The classic data no linear model separates. See {@link xorTable} for the 4 points.
 *
 * @param options `nSamples` (200), `noise` (0), `seed`/`generator`, `dtype`.
 * @returns `[X, y]`: X [n, 2], y int32 [n].
 * @example
 * ```ts
 * const [X, y] = makeXor({ nSamples: 400, seed: 0 });
 * ```
 */
export function makeXor(options: XorOptions = {}): [Tensor, Tensor] {
  const op = 'makeXor';
  const n = checkCount(op, 'nSamples', options.nSamples ?? 200);
  const noise = checkNonNegative(op, 'noise', options.noise ?? 0);
  const dtype = checkDType(op, options.dtype);
  const g = resolveGenerator(op, options);
  const x = new Float64Array(2 * n);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = 2 * g.random() - 1;
    const b = 2 * g.random() - 1;
    y[i] = a > 0 !== b > 0 ? 1 : 0;
    x[2 * i] = a + (noise > 0 ? noise * g.normal() : 0);
    x[2 * i + 1] = b + (noise > 0 ? noise * g.normal() : 0);
  }
  return finish(x, y, 2, dtype, false, g);
}

/**
 * The XOR truth table: X = [[0, 0], [0, 1], [1, 0], [1, 1]], y = [0, 1, 1, 0].
 *
 * @example
 * ```ts
 * const [X, y] = xorTable();
 * ```
 */
export function xorTable(options: { dtype?: 'float32' | 'float64' } = {}): [Tensor, Tensor] {
  const dtype = checkDType('xorTable', options.dtype);
  const v = [0, 0, 0, 1, 1, 0, 1, 1];
  return [
    new Tensor(dtype === 'float32' ? Float32Array.from(v) : Float64Array.from(v), [4, 2]),
    new Tensor(Int32Array.from([0, 1, 1, 0]), [4]),
  ];
}
