/** Eigenvalues of a small symmetric matrix by the cyclic Jacobi method (Hessians of formulas). */

/**
 * Eigenvalues of the symmetric matrix `a` (row-major n×n), ascending. Cyclic Jacobi rotations
 * until the off-diagonal mass is below 1e-30 of the total; exact for diagonal input.
 */
export function symmetricEigenvalues(a: readonly (readonly number[])[]): number[] {
  const n = a.length;
  const m = a.map((row) => Float64Array.from(row));
  const offNorm = () => {
    let s = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) s += m[i][j] ** 2;
    return s;
  };
  let total = 0;
  for (const row of m) for (const v of row) total += v * v;
  for (let sweep = 0; sweep < 100 && offNorm() > 1e-30 * total; sweep++) {
    for (let p = 0; p < n - 1; p++)
      for (let q = p + 1; q < n; q++) {
        if (m[p][q] === 0) continue;
        const theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const kp = m[k][p];
          const kq = m[k][q];
          m[k][p] = c * kp - s * kq;
          m[k][q] = s * kp + c * kq;
        }
        for (let k = 0; k < n; k++) {
          const pk = m[p][k];
          const qk = m[q][k];
          m[p][k] = c * pk - s * qk;
          m[q][k] = s * pk + c * qk;
        }
      }
  }
  return m.map((row, i) => row[i]).sort((x, y) => x - y);
}
