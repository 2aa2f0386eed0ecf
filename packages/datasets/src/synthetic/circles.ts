import { GdRangeError } from '@gd/errors';
import type { Tensor } from '@gd/tensor';
import {
  type SyntheticOptions,
  checkCount,
  checkDType,
  checkNonNegative,
  finish,
  linspace,
  resolveGenerator,
} from './common';

/** Options of {@link makeCircles}. */
export interface CirclesOptions extends SyntheticOptions {
  /** Total points (⌊n/2⌋ on the outer circle, the rest on the inner). Default 100. */
  nSamples?: number;
  /** Standard deviation of Gaussian noise on every coordinate. Default 0. */
  noise?: number;
  /** Radius of the inner circle relative to the outer one, in [0, 1). Default 0.8. */
  factor?: number;
  /** Shuffle the rows. Default true. */
  shuffle?: boolean;
}

/**
 * A large circle containing a smaller one, as scikit-learn's `make_circles`: outer points
 * (cos θ, sin θ), inner points factor·(cos θ, sin θ), θ evenly spaced in [0, 2π) (endpoint
 * excluded); labels 0 (outer) and 1 (inner); plus N(0, noise²) per coordinate.
 *
 * @param options `nSamples` (100), `noise` (0), `factor` (0.8), `shuffle` (true), `seed`, `dtype`.
 * @returns `[X, y]`: X [n, 2], y int32 [n].
 * @example
 * ```ts
 * const [X, y] = makeCircles({ noise: 0.05, factor: 0.5, seed: 1 });
 * ```
 */
export function makeCircles(options: CirclesOptions = {}): [Tensor, Tensor] {
  const op = 'makeCircles';
  const n = checkCount(op, 'nSamples', options.nSamples ?? 100, 2);
  const noise = checkNonNegative(op, 'noise', options.noise ?? 0);
  const factor = options.factor ?? 0.8;
  if (!(factor >= 0 && factor < 1)) {
    throw new GdRangeError(`${op}: factor must be in [0, 1), got ${factor}`);
  }
  const dtype = checkDType(op, options.dtype);
  const g = resolveGenerator(op, options);
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const x = new Float64Array(2 * n);
  const y = new Int32Array(n);
  linspace(0, 2 * Math.PI, nOut, false).forEach((t, i) => {
    x[2 * i] = Math.cos(t);
    x[2 * i + 1] = Math.sin(t);
  });
  linspace(0, 2 * Math.PI, nIn, false).forEach((t, i) => {
    x[2 * (nOut + i)] = factor * Math.cos(t);
    x[2 * (nOut + i) + 1] = factor * Math.sin(t);
    y[nOut + i] = 1;
  });
  if (noise > 0) for (let i = 0; i < x.length; i++) x[i] += noise * g.normal();
  return finish(x, y, 2, dtype, options.shuffle ?? true, g);
}
