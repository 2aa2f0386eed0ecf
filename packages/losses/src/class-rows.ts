import { GdRangeError } from '@gd/errors';
import { type Var, div, mul, neg, reshape, sum, transpose } from '@gd/autodiff';
import { DTypeError, ShapeError, Tensor } from '@gd/tensor';
import { fmt, sameShape } from './inputs';
import type { Reduction } from './reduction';

/** Class scores laid out as rows: `rows` is [M, C]; per-row losses reshape to `outShape`. */
export interface ClassRows {
  rows: Var;
  numClasses: number;
  /** Shape of the per-example losses: [] unbatched, [N] or [N, d1, …]. */
  outShape: number[];
}

/**
 * Moves the class axis (axis 1, or 0 for an unbatched [C] input, as PyTorch) last and flattens
 * the rest, so that [N, C, d1, …] becomes [N·d1·…, C].
 */
export function classRows(op: string, name: string, x: Var): ClassRows {
  const s = x.shape;
  if (s.length === 0) {
    throw new ShapeError(
      `${op}: ${name} must have a class axis ([C], [N, C] or [N, C, d1, …]), got a scalar`,
    );
  }
  if (s.length === 1) return { rows: reshape(x, [1, s[0]]), numClasses: s[0], outShape: [] };
  if (s.length === 2) return { rows: x, numClasses: s[1], outShape: [s[0]] };
  const perm = [0, ...s.slice(2).map((_, i) => i + 2), 1];
  const outShape = [s[0], ...s.slice(2)];
  const m = outShape.reduce((a, b) => a * b, 1);
  return { rows: reshape(transpose(x, perm), [m, s[1]]), numClasses: s[1], outShape };
}

/** Reads the `weight` option: a rescaling factor per class, C finite non-negative numbers. */
export function classWeights(
  op: string,
  weight: Tensor | readonly number[] | undefined,
  numClasses: number,
): Float64Array | null {
  if (weight === undefined || weight === null) return null;
  const values = weight instanceof Tensor ? weight.data : weight;
  const shape = weight instanceof Tensor ? weight.shape : [weight.length];
  if (shape.length !== 1 || values.length !== numClasses) {
    throw new ShapeError(
      `${op}: weight must have one entry per class, shape [${numClasses}], got ${fmt(shape)}`,
    );
  }
  const w = Float64Array.from(values as ArrayLike<number>);
  for (let c = 0; c < w.length; c++) {
    if (!Number.isFinite(w[c])) {
      throw new GdRangeError(`${op}: weight[${c}] must be finite, got ${w[c]}`);
    }
  }
  return w;
}

/**
 * The coefficient matrix that turns log-probabilities into the (label-smoothed, weighted)
 * negative log-likelihood: A[i, c] = (1−ε)·w_{yᵢ}·[c = yᵢ] + (ε/C)·w_c, and 0 for rows whose
 * label is ignored. Also returns Σᵢ w_{yᵢ} over the rows kept (the 'mean' divisor).
 *
 * With `negate`, the matrix is −A, every entry the exact IEEE negation (zeros are −0), so that
 * Σ_c (−A)·log p equals −Σ_c A·log p to the bit wherever it is not zero (see {@link reduceRows}).
 */
export function labelCoefficients(
  labels: Int32Array,
  numClasses: number,
  weight: Float64Array | null,
  ignoreIndex: number,
  smoothing: number,
  dtype: 'float32' | 'float64',
  negate = false,
): { coef: Tensor; weightSum: number } {
  const m = labels.length;
  const a =
    dtype === 'float64' ? new Float64Array(m * numClasses) : new Float32Array(m * numClasses);
  const coef = new Tensor(a, [m, numClasses]);
  const sign = negate ? -1 : 1;
  if (negate) a.fill(-0);
  let weightSum = 0;
  for (let i = 0; i < m; i++) {
    const y = labels[i];
    if (y === ignoreIndex) continue;
    const wy = weight === null ? 1 : weight[y];
    weightSum += wy;
    const base = i * numClasses;
    if (smoothing > 0) {
      for (let c = 0; c < numClasses; c++) {
        a[base + c] = sign * ((smoothing / numClasses) * (weight === null ? 1 : weight[c]));
      }
    }
    a[base + y] += sign * ((1 - smoothing) * wy);
  }
  return { coef, weightSum };
}

/**
 * −Σ_c A[i, c]·log p[i, c] per row, reshaped to `outShape` and reduced; 'mean' divides the sum by
 * `divisor` (Σ w_{yᵢ} for labels, the number of rows for probabilities, as PyTorch).
 *
 * `negated` says that `coef` already holds −A (exactly, see {@link labelCoefficients}): the rows
 * are then Σ_c (−A)·log p, one recorded op fewer. That is −Σ_c A·log p to the bit except that a
 * zero row is +0 instead of −0, which no sum or mean can see; so callers pass it only for those.
 */
export function reduceRows(
  logp: Var,
  coef: Var | Tensor,
  outShape: number[],
  reduction: Reduction,
  divisor: number,
  negated = false,
): Var {
  const rowSums = sum(mul(logp, coef), { axis: 1 });
  const signed = negated ? rowSums : neg(rowSums);
  const per = sameShape(signed.shape, outShape) ? signed : reshape(signed, outShape);
  if (reduction === 'none') return per;
  const total = sum(per);
  return reduction === 'sum' ? total : div(total, divisor);
}

/** Throws unless `smoothing` is in [0, 1]. */
export function checkSmoothing(op: string, smoothing: number): number {
  if (!(smoothing >= 0 && smoothing <= 1)) {
    throw new GdRangeError(`${op}: labelSmoothing must be in [0, 1], got ${smoothing}`);
  }
  return smoothing;
}

/** Throws unless `dtype` is a float dtype. */
export function floatDType(op: string, dtype: string): 'float32' | 'float64' {
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new DTypeError(`${op}: input must be float32 or float64, got ${dtype}`);
  }
  return dtype;
}
