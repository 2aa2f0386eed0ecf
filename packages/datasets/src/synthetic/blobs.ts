import { GdRangeError } from '@gd/errors';
import type { Tensor } from '@gd/tensor';
import {
  type SyntheticOptions,
  checkCount,
  checkDType,
  checkNonNegative,
  finish,
  resolveGenerator,
} from './common';

/** Options of {@link makeBlobs}. */
export interface BlobsOptions extends SyntheticOptions {
  /** Total points, split as evenly as possible between centres (earlier ones get the extra). Default 100. */
  nSamples?: number;
  /** Features per point (ignored when `centers` lists coordinates). Default 2. */
  nFeatures?: number;
  /** Number of centres drawn uniformly in `centerBox`, or their coordinates. Default 3. */
  centers?: number | readonly (readonly number[])[];
  /** Standard deviation of each cluster (one for all, or one per centre). Default 1. */
  clusterStd?: number | readonly number[];
  /** Box [lo, hi] the random centres are drawn from. Default [−10, 10]. */
  centerBox?: [number, number];
  /** Shuffle the rows. Default true. */
  shuffle?: boolean;
}

/**
 * Isotropic Gaussian clusters, as scikit-learn's `make_blobs`: centres c_k (given, or uniform
 * in `centerBox`^d), points x = c_k + σ_k·ε with ε ~ N(0, I), label k.
 *
 * @param options `nSamples` (100), `nFeatures` (2), `centers` (3), `clusterStd` (1),
 *   `centerBox` ([−10, 10]), `shuffle` (true), `seed`/`generator`, `dtype`.
 * @returns `[X, y]`: X [n, d], y int32 [n].
 * @example
 * ```ts
 * const [X, y] = makeBlobs({ centers: [[0, 0], [5, 5]], clusterStd: 0.5, seed: 0 });
 * ```
 */
export function makeBlobs(options: BlobsOptions = {}): [Tensor, Tensor] {
  const op = 'makeBlobs';
  const n = checkCount(op, 'nSamples', options.nSamples ?? 100);
  const dtype = checkDType(op, options.dtype);
  const g = resolveGenerator(op, options);
  const spec = options.centers ?? 3;
  let centers: number[][];
  if (typeof spec === 'number') {
    const k = checkCount(op, 'centers', spec);
    const d = checkCount(op, 'nFeatures', options.nFeatures ?? 2);
    const [lo, hi] = options.centerBox ?? [-10, 10];
    if (!(lo < hi))
      throw new GdRangeError(`${op}: centerBox must satisfy lo < hi, got [${lo}, ${hi}]`);
    centers = Array.from({ length: k }, () =>
      Array.from({ length: d }, () => lo + (hi - lo) * g.random()),
    );
  } else {
    centers = spec.map((c) => [...c]);
    if (
      centers.length === 0 ||
      centers.some((c) => c.length !== centers[0].length || c.length === 0)
    ) {
      throw new GdRangeError(
        `${op}: centers must be a non-empty list of equally long coordinate arrays`,
      );
    }
  }
  const k = centers.length;
  const d = centers[0].length;
  const stds =
    typeof options.clusterStd === 'object'
      ? [...options.clusterStd]
      : new Array(k).fill(options.clusterStd ?? 1);
  if (stds.length !== k) {
    throw new GdRangeError(`${op}: clusterStd has ${stds.length} entries for ${k} centres`);
  }
  for (const s of stds) checkNonNegative(op, 'clusterStd', s);
  const x = new Float64Array(n * d);
  const y = new Int32Array(n);
  let row = 0;
  for (let c = 0; c < k; c++) {
    const count = Math.floor(n / k) + (c < n % k ? 1 : 0);
    for (let i = 0; i < count; i++, row++) {
      for (let j = 0; j < d; j++) x[row * d + j] = centers[c][j] + stds[c] * g.normal();
      y[row] = c;
    }
  }
  return finish(x, y, d, dtype, options.shuffle ?? true, g);
}
