/**
 * LU factorisation with partial pivoting, P·A = L·U, in place on a float64 n×n row-major work
 * array: afterwards the strict lower triangle holds L (unit diagonal implied) and the upper
 * triangle U. The pivot in column k is the first row of largest |a[i][k]| (LAPACK's getrf rule).
 */
export interface LU {
  /** The factors, packed as described above. */
  lu: Float64Array;
  /** perm[i] = the row of A that became row i. */
  perm: Int32Array;
  /** +1 or −1: the sign of the row permutation. */
  sign: number;
  /** True when a pivot was exactly zero: A is singular (then U has a zero on its diagonal). */
  singular: boolean;
}

/** Factorises the n×n matrix in `a` (overwritten) as P·A = L·U. */
export function luFactor(a: Float64Array, n: number): LU {
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  let sign = 1;
  let singular = false;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = a[k * n + j];
        a[k * n + j] = a[p * n + j];
        a[p * n + j] = t;
      }
      const t = perm[k];
      perm[k] = perm[p];
      perm[p] = t;
      sign = -sign;
    }
    const pivot = a[k * n + k];
    if (pivot === 0) {
      // Exactly singular: nothing to eliminate with; the column below is already zero.
      singular = true;
      continue;
    }
    for (let i = k + 1; i < n; i++) {
      const l = a[i * n + k] / pivot;
      a[i * n + k] = l;
      if (l === 0) continue;
      for (let j = k + 1; j < n; j++) a[i * n + j] -= l * a[k * n + j];
    }
  }
  return { lu: a, perm, sign, singular };
}

/**
 * Solves A·X = B for X given A's factors, B being n×m row-major (read from `b` at `bOff`); writes
 * X (n×m) into `x` at `xOff`. A must not be singular.
 */
export function luSolve(
  f: LU,
  n: number,
  b: ArrayLike<number>,
  bOff: number,
  m: number,
  x: Float64Array,
): void {
  const { lu, perm } = f;
  // y = L⁻¹·P·B, then x = U⁻¹·y, column block by column block (all m at once, row-major).
  for (let i = 0; i < n; i++) {
    const src = bOff + perm[i] * m;
    for (let c = 0; c < m; c++) x[i * m + c] = b[src + c];
    for (let k = 0; k < i; k++) {
      const l = lu[i * n + k];
      if (l !== 0) for (let c = 0; c < m; c++) x[i * m + c] -= l * x[k * m + c];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let k = i + 1; k < n; k++) {
      const u = lu[i * n + k];
      if (u !== 0) for (let c = 0; c < m; c++) x[i * m + c] -= u * x[k * m + c];
    }
    const d = lu[i * n + i];
    for (let c = 0; c < m; c++) x[i * m + c] /= d;
  }
}
