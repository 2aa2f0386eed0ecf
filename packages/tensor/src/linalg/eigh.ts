import { GdTypeError } from '@gd/errors';
import type { Tensor } from '../tensor';
import { output, squareBatch } from './common';

/** Options of {@link eigh} and {@link eigvalsh}. */
export interface EighOptions {
  /** Which triangle of A is read: `'L'` (lower, the default, as PyTorch) or `'U'`. */
  uplo?: 'L' | 'U';
}

/** Cyclic sweeps before giving up; Jacobi converges quadratically, in well under 20 here. */
const MAX_SWEEPS = 100;

/**
 * Eigen-decomposition of one symmetric n×n matrix by the cyclic Jacobi method (Rutishauser's
 * variant, with thresholds on the first sweeps): plane rotations zero the off-diagonal entries
 * one by one until none is left above rounding. Small matrices only (O(n³) per sweep), but
 * accurate: eigenvalues to a few ulps of ‖A‖, eigenvectors orthonormal to rounding.
 *
 * `a` holds the symmetric matrix in its upper triangle (destroyed); `d` receives the unsorted
 * eigenvalues and `v` (n×n, row-major) the eigenvectors as columns. Returns false when the input
 * was not finite (the outputs are then NaN).
 */
function jacobi(a: Float64Array, n: number, d: Float64Array, v: Float64Array): boolean {
  const b = new Float64Array(n);
  const z = new Float64Array(n);
  v.fill(0);
  for (let i = 0; i < n; i++) {
    v[i * n + i] = 1;
    b[i] = d[i] = a[i * n + i];
  }
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let sm = 0;
    for (let p = 0; p < n - 1; p++) for (let q = p + 1; q < n; q++) sm += Math.abs(a[p * n + q]);
    if (sm === 0) return true;
    if (!Number.isFinite(sm)) break;
    const tresh = sweep < 3 ? (0.2 * sm) / (n * n) : 0;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        const g = 100 * Math.abs(apq);
        if (
          sweep > 3 &&
          Math.abs(d[p]) + g === Math.abs(d[p]) &&
          Math.abs(d[q]) + g === Math.abs(d[q])
        ) {
          // Below rounding relative to both diagonal entries: drop it.
          a[p * n + q] = 0;
        } else if (Math.abs(apq) > tresh) {
          const h0 = d[q] - d[p];
          let t: number;
          if (Math.abs(h0) + g === Math.abs(h0)) t = apq / h0;
          else {
            const theta = (0.5 * h0) / apq;
            t = 1 / (Math.abs(theta) + Math.sqrt(1 + theta * theta));
            if (theta < 0) t = -t;
          }
          const c = 1 / Math.sqrt(1 + t * t);
          const s = t * c;
          const tau = s / (1 + c);
          const h = t * apq;
          z[p] -= h;
          z[q] += h;
          d[p] -= h;
          d[q] += h;
          a[p * n + q] = 0;
          for (let j = 0; j < p; j++) rotate(a, j * n + p, j * n + q, s, tau);
          for (let j = p + 1; j < q; j++) rotate(a, p * n + j, j * n + q, s, tau);
          for (let j = q + 1; j < n; j++) rotate(a, p * n + j, q * n + j, s, tau);
          for (let j = 0; j < n; j++) rotate(v, j * n + p, j * n + q, s, tau);
        }
      }
    }
    for (let p = 0; p < n; p++) {
      b[p] += z[p];
      d[p] = b[p];
      z[p] = 0;
    }
  }
  d.fill(Number.NaN);
  v.fill(Number.NaN);
  return false;
}

/** The rotation of a pair of entries: (g, h) ← (g − s(h + gτ), h + s(g − hτ)). */
function rotate(m: Float64Array, i: number, k: number, s: number, tau: number): void {
  const g = m[i];
  const h = m[k];
  m[i] = g - s * (h + g * tau);
  m[k] = h + s * (g - h * tau);
}

/** Runs Jacobi on every matrix of the batch and writes sorted eigenvalues (and vectors). */
function decompose(op: string, a: Tensor, opts: EighOptions, vectors: boolean): Tensor[] {
  const A = squareBatch(op, a);
  const uplo = opts.uplo ?? 'L';
  if (uplo !== 'L' && uplo !== 'U') {
    throw new GdTypeError(`${op}: option uplo must be 'L' or 'U', got ${String(uplo)}`);
  }
  const { n } = A;
  const values = output(A.dtype, [...A.batch, n]);
  const vecs = vectors ? output(A.dtype, a.shape) : null;
  const w = new Float64Array(n * n);
  const d = new Float64Array(n);
  const v = new Float64Array(n * n);
  const order = new Array<number>(n);
  for (let b = 0; b < A.count; b++) {
    const off = b * n * n;
    // The upper triangle of w gets the chosen triangle of A (the other one is never read).
    for (let i = 0; i < n; i++)
      for (let j = i; j < n; j++)
        w[i * n + j] = uplo === 'L' ? A.data[off + j * n + i] : A.data[off + i * n + j];
    jacobi(w, n, d, v);
    for (let i = 0; i < n; i++) order[i] = i;
    // Ascending, as LAPACK's syevd returns them; a stable sort keeps ties in Jacobi's order.
    order.sort((p, q) => d[p] - d[q]);
    for (let i = 0; i < n; i++) values.data[b * n + i] = d[order[i]];
    if (vecs) {
      for (let c = 0; c < n; c++) {
        const src = order[c];
        // Sign convention: the entry of largest magnitude (the first such) is positive.
        let big = 0;
        for (let r = 1; r < n; r++)
          if (Math.abs(v[r * n + src]) > Math.abs(v[big * n + src])) big = r;
        const sgn = v[big * n + src] < 0 ? -1 : 1;
        for (let r = 0; r < n; r++) vecs.data[off + r * n + c] = sgn * v[r * n + src];
      }
    }
  }
  return vecs ? [values, vecs] : [values];
}

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix (`torch.linalg.eigh`), batched over
 * leading dimensions, by the cyclic Jacobi method in float64 (meant for small matrices such as
 * Hessians of a few parameters).
 *
 * $A = V \operatorname{diag}(\lambda) V^\top$ with $V^\top V = I$. Returns `[eigenvalues,
 * eigenvectors]`: eigenvalues (..., n) in ascending order, eigenvectors (..., n, n) as columns
 * (column i belongs to eigenvalue i). Only the triangle named by `uplo` (default `'L'`) is read.
 * Eigenvectors are unique only up to sign (and, for repeated eigenvalues, up to a rotation);
 * here each column is scaled so that its entry of largest magnitude is positive. PyTorch
 * (LAPACK) fixes no sign, so compare columns up to sign. A non-finite input gives NaN outputs.
 *
 * @throws ShapeError when A is not square.
 * @example
 * ```ts
 * const [values, vectors] = eigh(tensor([[2, 0], [0, -2]], { dtype: 'float64' }));
 * values.toArray(); // [-2, 2]: one negative, one positive — a saddle point
 * vectors.toArray(); // [[0, 1], [1, 0]]
 * ```
 */
export function eigh(a: Tensor, opts: EighOptions = {}): [Tensor, Tensor] {
  const [values, vectors] = decompose('eigh', a, opts, true);
  return [values, vectors];
}

/**
 * Eigenvalues of a real symmetric matrix (`torch.linalg.eigvalsh`), in ascending order, batched
 * over leading dimensions; see {@link eigh} for the method.
 *
 * $\lambda_1 \le \dots \le \lambda_n$ with $A v_i = \lambda_i v_i$. Only the triangle named by
 * `uplo` (default `'L'`) is read.
 *
 * @throws ShapeError when A is not square.
 * @example
 * ```ts
 * eigvalsh(tensor([[2, 1], [1, 2]], { dtype: 'float64' })).toArray(); // [1, 3]
 * ```
 */
export function eigvalsh(a: Tensor, opts: EighOptions = {}): Tensor {
  return decompose('eigvalsh', a, opts, false)[0];
}
