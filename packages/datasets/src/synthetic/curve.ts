import { GdRangeError } from '@gd/errors';
import { Tensor, allocate } from '@gd/tensor';
import {
  type SyntheticOptions,
  checkCount,
  checkDType,
  checkNonNegative,
  resolveGenerator,
} from './common';

/** Named curves of {@link makeCurve}: f and the x-range it is sampled on by default. */
export const CURVES = {
  /** sin(2πx) on [0, 1] — Bishop's curve-fitting example. */
  sin: { f: (x: number) => Math.sin(2 * Math.PI * x), range: [0, 1] },
  /** x·cos(πx) on [0.5, 1.5] — the "risk" f of d2l's optimisation chapter. */
  xcos: { f: (x: number) => x * Math.cos(Math.PI * x), range: [0.5, 1.5] },
  /** x·cos(πx) + 0.2·cos(5πx) on [0.5, 1.5] — d2l's bumpier "empirical risk" g. */
  xcosBumpy: {
    f: (x: number) => x * Math.cos(Math.PI * x) + 0.2 * Math.cos(5 * Math.PI * x),
    range: [0.5, 1.5],
  },
  /** x³ − x on [−1.5, 1.5]. */
  cubic: { f: (x: number) => x ** 3 - x, range: [-1.5, 1.5] },
  /** 2x + 1 on [−1, 1] — a straight line. */
  linear: { f: (x: number) => 2 * x + 1, range: [-1, 1] },
} as const satisfies Record<string, { f: (x: number) => number; range: readonly [number, number] }>;

/** Options of {@link makeCurve}. */
export interface CurveOptions extends SyntheticOptions {
  /** A named curve from {@link CURVES} or your own f(x). Default `'sin'`. */
  curve?: keyof typeof CURVES | ((x: number) => number);
  /** Number of points. Default 100. */
  nSamples?: number;
  /** Standard deviation σ of the Gaussian noise on y. Default 0.1. */
  noise?: number;
  /** Interval [lo, hi] of x. Default: the named curve's range ([0, 1] for a function). */
  range?: [number, number];
  /** `'uniform'` (random x, sorted ascending; default) or `'grid'` (evenly spaced x, endpoints included). */
  sampling?: 'uniform' | 'grid';
}

/**
 * A noisy 1-D regression curve: xᵢ in `range` (random sorted or on a grid), yᵢ = f(xᵢ) + σ·εᵢ
 * with εᵢ ~ N(0, 1). For fitting polynomials or small networks and watching over-fitting.
 *
 * @param options `curve` ('sin'), `nSamples` (100), `noise` (0.1), `range`, `sampling`
 *   ('uniform'), `seed`/`generator`, `dtype` ('float32').
 * @returns `[x, y]`, each of shape [n, 1].
 * @example
 * ```ts
 * const [x, y] = makeCurve({ curve: 'xcos', nSamples: 50, noise: 0.05, seed: 0 });
 * ```
 */
export function makeCurve(options: CurveOptions = {}): [Tensor, Tensor] {
  const op = 'makeCurve';
  const spec = options.curve ?? 'sin';
  let f: (x: number) => number;
  let range: readonly [number, number];
  if (typeof spec === 'function') {
    f = spec;
    range = options.range ?? [0, 1];
  } else {
    const named = CURVES[spec];
    if (named === undefined) {
      throw new GdRangeError(
        `${op}: unknown curve '${String(spec)}'; use one of ${Object.keys(CURVES).join(', ')} or a function`,
      );
    }
    f = named.f;
    range = options.range ?? named.range;
  }
  const [lo, hi] = range;
  if (!(lo < hi)) throw new GdRangeError(`${op}: range must satisfy lo < hi, got [${lo}, ${hi}]`);
  const n = checkCount(op, 'nSamples', options.nSamples ?? 100);
  const sigma = checkNonNegative(op, 'noise', options.noise ?? 0.1);
  const sampling = options.sampling ?? 'uniform';
  if (sampling !== 'uniform' && sampling !== 'grid') {
    throw new GdRangeError(
      `${op}: sampling must be 'uniform' or 'grid', got '${String(sampling)}'`,
    );
  }
  const dtype = checkDType(op, options.dtype);
  const g = resolveGenerator(op, options);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] =
      sampling === 'grid'
        ? n === 1
          ? lo
          : lo + ((hi - lo) * i) / (n - 1)
        : lo + (hi - lo) * g.random();
  }
  if (sampling === 'uniform') xs.sort();
  const x = allocate(dtype, n);
  const y = allocate(dtype, n);
  for (let i = 0; i < n; i++) {
    x[i] = xs[i];
    y[i] = f(x[i]) + sigma * g.normal();
  }
  return [new Tensor(x, [n, 1]), new Tensor(y, [n, 1])];
}
