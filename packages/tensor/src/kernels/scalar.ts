/**
 * Scalar functions that the generated kernel loops (f32.ts, f64.ts, generic.ts) call per element.
 * Each is a few bytecodes, so V8 inlines it into the loop; keeping the formula here, once, is
 * what lets every dtype's loop share it.
 */

/** σ(v) = 1 / (1 + e^(−v)), in a form whose exponent is never positive, so it cannot overflow. */
export function sigmoid(v: number): number {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

/** Rounds half to even (banker's rounding), as NumPy and PyTorch do; NaN and ±∞ pass through. */
export function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * softplus(v) = log(1 + e^v) with PyTorch's defaults (β = 1, threshold = 20): above the
 * threshold it returns v itself, where log1p(e^v) equals v to double precision anyway.
 */
export function softplus(v: number): number {
  return v > 20 ? v : Math.log1p(Math.exp(v));
}

/**
 * log(e^a + e^b) computed as max(a, b) + log1p(e^(−|a − b|)), which never overflows — PyTorch's
 * CPU formula, including its special case: equal infinities return themselves (∞ − ∞ would give
 * NaN). A NaN operand gives NaN.
 */
export function logaddexp(a: number, b: number): number {
  if (a === b && (a === Number.POSITIVE_INFINITY || a === Number.NEGATIVE_INFINITY)) return a;
  return Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));
}
