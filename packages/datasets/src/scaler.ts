import { GdRangeError, GdTypeError } from '@gd/errors';
import { ShapeError, Tensor, allocate } from '@gd/tensor';
import { NotFittedError } from './errors';

function rowsOf(op: string, x: Tensor, features?: number): { n: number; f: number } {
  if (!(x instanceof Tensor)) throw new GdTypeError(`${op}: expected a Tensor`);
  if (x.ndim < 1) throw new ShapeError(`${op}: expected [N, features…], got a 0-d tensor`);
  const n = x.shape[0];
  const f = n === 0 ? x.shape.slice(1).reduce((a, b) => a * b, 1) : x.size / n;
  if (features !== undefined && f !== features) {
    throw new ShapeError(
      `${op}: the scaler was fitted on ${features} features per example, got shape [${x.shape.join(', ')}] (${f}); fit and transform data with the same columns`,
    );
  }
  return { n, f };
}

/** x·scale + offset per column, keeping a float dtype (ints become float32). */
function affine(x: Tensor, scale: Float64Array, offset: Float64Array): Tensor {
  const f = scale.length;
  const out = allocate(x.dtype === 'float64' ? 'float64' : 'float32', x.size);
  const src = x.data;
  for (let i = 0; i < src.length; i++) {
    const c = i % f;
    out[i] = src[i] * scale[c] + offset[c];
  }
  return new Tensor(out, x.shape);
}

/**
 * Per-feature standardisation z = (x − μ) / σ, with μ and σ (population, ddof 0) learned from
 * the training set by {@link StandardScaler.fit} and applied unchanged to other data, as scikit-learn's
 * `StandardScaler`. Features with σ = 0 are left unscaled (σ taken as 1). Statistics are
 * computed in float64; float64 input stays float64, other input becomes float32.
 *
 * @example
 * ```ts
 * const scaler = new StandardScaler().fit(xTrain);
 * const zTest = scaler.transform(xTest);
 * ```
 */
export class StandardScaler {
  /** μ per feature (float64, shape of one example); set by `fit`. */
  mean: Tensor | null = null;
  /** σ per feature (float64, zeros replaced by 1); set by `fit`. */
  std: Tensor | null = null;

  /** Learns μ and σ of each feature over axis 0 of `x` ([N, …]). Returns `this`. */
  fit(x: Tensor): this {
    const { n, f } = rowsOf('StandardScaler.fit', x);
    if (n === 0) throw new ShapeError('StandardScaler.fit: cannot fit on 0 examples');
    const mean = new Float64Array(f);
    const std = new Float64Array(f);
    const d = x.data;
    for (let i = 0; i < n; i++) for (let c = 0; c < f; c++) mean[c] += d[i * f + c];
    for (let c = 0; c < f; c++) mean[c] /= n;
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < f; c++) std[c] += (d[i * f + c] - mean[c]) ** 2;
    }
    for (let c = 0; c < f; c++) std[c] = Math.sqrt(std[c] / n) || 1;
    const shape = x.shape.slice(1);
    this.mean = new Tensor(mean, shape);
    this.std = new Tensor(std, shape);
    return this;
  }

  /** z = (x − μ) / σ with the fitted μ, σ. */
  transform(x: Tensor): Tensor {
    const { mean, std } = this.fitted('transform');
    rowsOf('StandardScaler.transform', x, mean.size);
    const scale = (std.data as Float64Array).map((s) => 1 / s);
    const offset = (mean.data as Float64Array).map((m, c) => -m * scale[c]);
    return affine(x, scale, offset);
  }

  /** x = z·σ + μ, undoing {@link StandardScaler.transform}. */
  inverseTransform(z: Tensor): Tensor {
    const { mean, std } = this.fitted('inverseTransform');
    rowsOf('StandardScaler.inverseTransform', z, mean.size);
    return affine(z, std.data as Float64Array, mean.data as Float64Array);
  }

  /** `fit(x)` then `transform(x)`. */
  fitTransform(x: Tensor): Tensor {
    return this.fit(x).transform(x);
  }

  private fitted(op: string): { mean: Tensor; std: Tensor } {
    if (this.mean === null || this.std === null) {
      throw new NotFittedError(
        `StandardScaler.${op}: the scaler is not fitted; call fit(xTrain) first`,
      );
    }
    return { mean: this.mean, std: this.std };
  }
}

/** Options of {@link MinMaxScaler}. */
export interface MinMaxOptions {
  /** Target range [lo, hi] of each feature. Default [0, 1]. */
  featureRange?: [number, number];
}

/**
 * Per-feature min–max normalisation x′ = (x − min) / (max − min) · (hi − lo) + lo, with min and
 * max learned from the training set by {@link MinMaxScaler.fit}, as scikit-learn's `MinMaxScaler` (test data
 * may fall outside [lo, hi]). Constant features are shifted to lo, not divided by 0.
 *
 * @example
 * ```ts
 * const scaler = new MinMaxScaler({ featureRange: [-1, 1] }).fit(xTrain);
 * scaler.transform(xTest);
 * ```
 */
export class MinMaxScaler {
  /** Target range; default [0, 1]. */
  readonly featureRange: [number, number];
  /** Per-feature minimum of the training data (float64); set by `fit`. */
  dataMin: Tensor | null = null;
  /** Per-feature maximum of the training data (float64); set by `fit`. */
  dataMax: Tensor | null = null;
  private scale: Float64Array | null = null;
  private offset: Float64Array | null = null;

  /** Checks `featureRange` (lo < hi, default [0, 1]); fit with {@link MinMaxScaler.fit}. */
  constructor(options: MinMaxOptions = {}) {
    const [lo, hi] = options.featureRange ?? [0, 1];
    if (!(lo < hi)) {
      throw new GdRangeError(`MinMaxScaler: featureRange must satisfy lo < hi, got [${lo}, ${hi}]`);
    }
    this.featureRange = [lo, hi];
  }

  /** Learns each feature's min and max over axis 0 of `x`. Returns `this`. */
  fit(x: Tensor): this {
    const { n, f } = rowsOf('MinMaxScaler.fit', x);
    if (n === 0) throw new ShapeError('MinMaxScaler.fit: cannot fit on 0 examples');
    const min = new Float64Array(f).fill(Number.POSITIVE_INFINITY);
    const max = new Float64Array(f).fill(Number.NEGATIVE_INFINITY);
    const d = x.data;
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < f; c++) {
        const v = d[i * f + c];
        if (v < min[c]) min[c] = v;
        if (v > max[c]) max[c] = v;
      }
    }
    const [lo, hi] = this.featureRange;
    this.scale = min.map((m, c) => (hi - lo) / (max[c] - m || 1));
    this.offset = min.map((m, c) => lo - m * (this.scale as Float64Array)[c]);
    const shape = x.shape.slice(1);
    this.dataMin = new Tensor(min, shape);
    this.dataMax = new Tensor(max, shape);
    return this;
  }

  /** x′ = x·s + o with s = (hi − lo)/(max − min), o = lo − min·s (scikit-learn's form). */
  transform(x: Tensor): Tensor {
    const { scale, offset } = this.fitted('transform');
    rowsOf('MinMaxScaler.transform', x, scale.length);
    return affine(x, scale, offset);
  }

  /** x = (x′ − o) / s, undoing {@link MinMaxScaler.transform}. */
  inverseTransform(x: Tensor): Tensor {
    const { scale, offset } = this.fitted('inverseTransform');
    rowsOf('MinMaxScaler.inverseTransform', x, scale.length);
    const inv = scale.map((s) => 1 / s);
    return affine(
      x,
      inv,
      offset.map((o, c) => -o * inv[c]),
    );
  }

  /** `fit(x)` then `transform(x)`. */
  fitTransform(x: Tensor): Tensor {
    return this.fit(x).transform(x);
  }

  private fitted(op: string): { scale: Float64Array; offset: Float64Array } {
    if (this.scale === null || this.offset === null) {
      throw new NotFittedError(
        `MinMaxScaler.${op}: the scaler is not fitted; call fit(xTrain) first`,
      );
    }
    return { scale: this.scale, offset: this.offset };
  }
}

/**
 * Fits a {@link StandardScaler} on the training data: z = (x − μ) / σ per feature. Apply the
 * returned scaler to train and test alike so the test set never leaks into μ and σ.
 *
 * @example
 * ```ts
 * const scaler = standardize(xTrain);
 * scaler.mean;                      // μ per feature
 * const zTest = scaler.transform(xTest);
 * ```
 */
export function standardize(xTrain: Tensor): StandardScaler {
  return new StandardScaler().fit(xTrain);
}

/**
 * Fits a {@link MinMaxScaler} on the training data: x′ = (x − min)/(max − min) to
 * `featureRange` (default [0, 1]). Apply the returned scaler to train and test alike.
 *
 * @example
 * ```ts
 * const scaler = normalize(xTrain);
 * const xTest01 = scaler.transform(xTest);
 * ```
 */
export function normalize(xTrain: Tensor, options: MinMaxOptions = {}): MinMaxScaler {
  return new MinMaxScaler(options).fit(xTrain);
}
