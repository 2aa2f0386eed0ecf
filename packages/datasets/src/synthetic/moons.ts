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

/** Options of {@link makeMoons}. */
export interface MoonsOptions extends SyntheticOptions {
  /** Total points (⌊n/2⌋ on the outer moon, the rest on the inner). Default 100. */
  nSamples?: number;
  /** Standard deviation of Gaussian noise added to every coordinate. Default 0. */
  noise?: number;
  /** Shuffle the rows. Default true. */
  shuffle?: boolean;
}

/**
 * Two interleaving half circles, as scikit-learn's `make_moons`: outer moon (cos θ, sin θ),
 * inner moon (1 − cos θ, 1 − sin θ − 0.5) for θ evenly spaced in [0, π], labels 0 (outer) and
 * 1 (inner), plus N(0, noise²) on each coordinate.
 *
 * @param options `nSamples` (100), `noise` (0), `shuffle` (true), `seed`/`generator`, `dtype`.
 * @returns `[X, y]`: X [n, 2], y int32 [n].
 * @example
 * ```ts
 * const [X, y] = makeMoons({ nSamples: 200, noise: 0.1, seed: 0 });
 * ```
 */
export function makeMoons(options: MoonsOptions = {}): [Tensor, Tensor] {
  const op = 'makeMoons';
  const n = checkCount(op, 'nSamples', options.nSamples ?? 100, 2);
  const noise = checkNonNegative(op, 'noise', options.noise ?? 0);
  const dtype = checkDType(op, options.dtype);
  const g = resolveGenerator(op, options);
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const x = new Float64Array(2 * n);
  const y = new Int32Array(n);
  linspace(0, Math.PI, nOut).forEach((t, i) => {
    x[2 * i] = Math.cos(t);
    x[2 * i + 1] = Math.sin(t);
  });
  linspace(0, Math.PI, nIn).forEach((t, i) => {
    x[2 * (nOut + i)] = 1 - Math.cos(t);
    x[2 * (nOut + i) + 1] = 1 - Math.sin(t) - 0.5;
    y[nOut + i] = 1;
  });
  if (noise > 0) for (let i = 0; i < x.length; i++) x[i] += noise * g.normal();
  return finish(x, y, 2, dtype, options.shuffle ?? true, g);
}
