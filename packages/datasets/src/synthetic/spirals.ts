import { GdTypeError } from '@gd/errors';
import type { Tensor } from '@gd/tensor';
import {
  type SyntheticOptions,
  checkCount,
  checkNonNegative,
  checkDType,
  finish,
  linspace,
  resolveGenerator,
} from './common';

/** Options of {@link makeSpirals}. */
export interface SpiralsOptions extends SyntheticOptions {
  /** Points per class (cs231n's N). Default 100. */
  nPerClass?: number;
  /** Number of arms/classes (cs231n's K; the name of `oneHot`'s and PyTorch's `num_classes`). Default 3. */
  numClasses?: number;
  /** @deprecated Use `numClasses` (one name across gd, as `oneHot(labels, numClasses)`). */
  nClasses?: number;
  /** Standard deviation of the angle noise. Default 0.2. */
  noise?: number;
  /** Shuffle the rows (cs231n keeps them grouped by class). Default false. */
  shuffle?: boolean;
}

/**
 * The spiral data of cs231n's "Putting it together: minimal neural network case study"
 * (cs231n's course): for class j = 0..K−1 and i = 0..N−1, radius rᵢ = i/(N−1),
 * angle tᵢ = 4j + 4i/(N−1) + 0.2·εᵢ with εᵢ ~ N(0, 1), point (r·sin t, r·cos t). Not linearly
 * separable, so a softmax classifier fails where a 2-layer network succeeds.
 *
 * @param options `nPerClass` (100), `numClasses` (3), `noise` (0.2), `shuffle` (false), `seed`, `dtype`.
 * @returns `[X, y]`: X [N·K, 2], y int32 [N·K].
 * @example
 * ```ts
 * const [X, y] = makeSpirals({ seed: 0 });
 * X.shape; // [300, 2]
 * ```
 */
export function makeSpirals(options: SpiralsOptions = {}): [Tensor, Tensor] {
  const op = 'makeSpirals';
  const n = checkCount(op, 'nPerClass', options.nPerClass ?? 100);
  if (options.numClasses !== undefined && options.nClasses !== undefined) {
    throw new GdTypeError(
      `${op}: give numClasses only (nClasses is its deprecated old name), got both ${options.numClasses} and ${options.nClasses}`,
    );
  }
  const k =
    options.nClasses !== undefined
      ? checkCount(op, 'nClasses', options.nClasses)
      : checkCount(op, 'numClasses', options.numClasses ?? 3);
  const noise = checkNonNegative(op, 'noise', options.noise ?? 0.2);
  const dtype = checkDType(op, options.dtype);
  const g = resolveGenerator(op, options);
  const x = new Float64Array(n * k * 2);
  const y = new Int32Array(n * k);
  const r = linspace(0, 1, n);
  for (let j = 0; j < k; j++) {
    const t = linspace(j * 4, (j + 1) * 4, n);
    for (let i = 0; i < n; i++) {
      const row = j * n + i;
      const angle = t[i] + noise * g.normal();
      x[2 * row] = r[i] * Math.sin(angle);
      x[2 * row + 1] = r[i] * Math.cos(angle);
      y[row] = j;
    }
  }
  return finish(x, y, 2, dtype, options.shuffle ?? false, g);
}
