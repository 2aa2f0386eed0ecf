import type { TypedArray } from '../dtype';

/**
 * C = op(A)·op(B) for one m×n output (see Backend.gemm). Loop order i-p-j keeps the inner loop
 * streaming over contiguous rows of B and C.
 */
export function gemm(
  a: TypedArray,
  aOff: number,
  transA: boolean,
  b: TypedArray,
  bOff: number,
  transB: boolean,
  out: TypedArray,
  outOff: number,
  m: number,
  n: number,
  k: number,
): void {
  const acc = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    acc.fill(0);
    for (let p = 0; p < k; p++) {
      const av = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
      if (transB) for (let j = 0; j < n; j++) acc[j] += av * b[bOff + j * k + p];
      else {
        const row = bOff + p * n;
        for (let j = 0; j < n; j++) acc[j] += av * b[row + j];
      }
    }
    const o = outOff + i * n;
    for (let j = 0; j < n; j++) out[o + j] = acc[j];
  }
}
