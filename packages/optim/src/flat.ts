/** Small dense-vector helpers on Float64Array used by LBFGS and its line search. */

/** $Σ a_i b_i$, summed left to right. */
export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** $\max_i |a_i|$ (NaN if any element is NaN, as torch's `abs().max()`). */
export function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const x = Math.abs(a[i]);
    if (x > m) m = x;
    else if (Number.isNaN(x)) return x;
  }
  return m;
}

/** $Σ_i |a_i|$. */
export function sumAbs(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]);
  return s;
}
