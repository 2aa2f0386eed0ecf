import type { TypedArray } from '../dtype';

/**
 * Cache- and register-blocked matrix product (GotoBLAS loop order, in plain TypeScript).
 *
 * C[m×n] = op(A)·op(B), with op(A) = A (m×k row-major) or Aᵀ (A stored k×m), likewise B.
 *
 * Loops, outside in: columns of C in blocks of NC, the shared dimension in blocks of KC (a
 * KC×NC panel of op(B) is packed once into `bPack`), rows in blocks of MC (an MC×KC panel of
 * op(A) is packed into `aPack`), then an MR×NR micro-kernel keeps its 16 partial sums in local
 * variables while streaming both packed panels contiguously. Packing reads A and B through the
 * transpose flags, so transposed operands cost nothing extra and are never materialised. Packed
 * panels are Float64Array whatever the input dtype: the micro-kernel sees one array type
 * (monomorphic, so V8 keeps it optimised) and float32 inputs are accumulated in float64.
 */

const MR = 4;
const NR = 4;
const KC = 256;
const MC = 128;
const NC = 1024;

/** Below this many multiply-adds the packing overhead is not worth paying. */
const SMALL = 4096;

// Scratch reused by every call: packed panels, the micro-kernel's result tile, and a row buffer
// for the unblocked path. They only grow, to at most MC·KC, KC·NC and the widest row seen.
let aPack = new Float64Array(MC * KC);
let bPack = new Float64Array(0);
const tile = new Float64Array(MR * NR);
let rowAcc = new Float64Array(0);

/**
 * C = op(A)·op(B) for one m×n output at `outOff` (see Backend.gemm). C is overwritten; k = 0
 * gives zeros. NaN and ±Infinity propagate as in a naive triple loop.
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
  if (m === 0 || n === 0) return;
  if (k === 0) {
    out.fill(0, outOff, outOff + m * n);
    return;
  }
  if (m < MR || n < NR || m * n * k < SMALL) {
    gemmSmall(a, aOff, transA, b, bOff, transB, out, outOff, m, n, k);
    return;
  }
  const ncMax = Math.min(NC, roundUp(n, NR));
  if (bPack.length < KC * ncMax) bPack = new Float64Array(KC * ncMax);
  if (aPack.length < MC * KC) aPack = new Float64Array(MC * KC);
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      packB(b, bOff, transB, k, n, pc, kc, jc, nc, bPack);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        packA(a, aOff, transA, m, k, ic, mc, pc, kc, aPack);
        for (let jr = 0; jr < nc; jr += NR) {
          const nr = Math.min(NR, nc - jr);
          const bi = jr * kc;
          for (let ir = 0; ir < mc; ir += MR) {
            micro(aPack, ir * kc, bPack, bi, kc, tile);
            const mr = Math.min(MR, mc - ir);
            store(tile, out, outOff + (ic + ir) * n + jc + jr, n, mr, nr, pc === 0);
          }
        }
      }
    }
  }
}

function roundUp(x: number, r: number): number {
  return Math.ceil(x / r) * r;
}

/**
 * The 4×4 micro-kernel: tile = Σₚ aPanel[p, 0..3]ᵀ · bPanel[p, 0..3] over kc steps. Sixteen
 * accumulators live in registers (or close to them); each step loads 8 values for 32 flops.
 */
function micro(
  ap: Float64Array,
  ai: number,
  bp: Float64Array,
  bi: number,
  kc: number,
  t: Float64Array,
): void {
  let c00 = 0;
  let c01 = 0;
  let c02 = 0;
  let c03 = 0;
  let c10 = 0;
  let c11 = 0;
  let c12 = 0;
  let c13 = 0;
  let c20 = 0;
  let c21 = 0;
  let c22 = 0;
  let c23 = 0;
  let c30 = 0;
  let c31 = 0;
  let c32 = 0;
  let c33 = 0;
  const end = ai + kc * MR;
  for (; ai < end; ai += MR, bi += NR) {
    const b0 = bp[bi];
    const b1 = bp[bi + 1];
    const b2 = bp[bi + 2];
    const b3 = bp[bi + 3];
    const a0 = ap[ai];
    c00 += a0 * b0;
    c01 += a0 * b1;
    c02 += a0 * b2;
    c03 += a0 * b3;
    const a1 = ap[ai + 1];
    c10 += a1 * b0;
    c11 += a1 * b1;
    c12 += a1 * b2;
    c13 += a1 * b3;
    const a2 = ap[ai + 2];
    c20 += a2 * b0;
    c21 += a2 * b1;
    c22 += a2 * b2;
    c23 += a2 * b3;
    const a3 = ap[ai + 3];
    c30 += a3 * b0;
    c31 += a3 * b1;
    c32 += a3 * b2;
    c33 += a3 * b3;
  }
  t[0] = c00;
  t[1] = c01;
  t[2] = c02;
  t[3] = c03;
  t[4] = c10;
  t[5] = c11;
  t[6] = c12;
  t[7] = c13;
  t[8] = c20;
  t[9] = c21;
  t[10] = c22;
  t[11] = c23;
  t[12] = c30;
  t[13] = c31;
  t[14] = c32;
  t[15] = c33;
}

/** Writes (first k-block) or adds (later ones) the valid mr×nr corner of the tile into C. */
function store(
  t: Float64Array,
  out: TypedArray,
  o: number,
  ldc: number,
  mr: number,
  nr: number,
  first: boolean,
): void {
  for (let i = 0; i < mr; i++, o += ldc) {
    const ti = i * NR;
    if (first) for (let j = 0; j < nr; j++) out[o + j] = t[ti + j];
    else for (let j = 0; j < nr; j++) out[o + j] += t[ti + j];
  }
}

/**
 * Packs op(A)[ic..ic+mc, pc..pc+kc] as MR-row panels: panel r holds, for each p, the MR values
 * op(A)[ic+r·MR+i, pc+p] side by side. Rows past m are zero, so the micro-kernel never branches.
 */
function packA(
  a: TypedArray,
  aOff: number,
  transA: boolean,
  m: number,
  k: number,
  ic: number,
  mc: number,
  pc: number,
  kc: number,
  ap: Float64Array,
): void {
  let idx = 0;
  for (let ir = 0; ir < mc; ir += MR) {
    const rows = Math.min(MR, mc - ir);
    const i0 = ic + ir;
    if (transA) {
      // A is stored k×m: the MR values of one p are contiguous.
      for (let p = 0; p < kc; p++) {
        const src = aOff + (pc + p) * m + i0;
        let i = 0;
        for (; i < rows; i++) ap[idx + i] = a[src + i];
        for (; i < MR; i++) ap[idx + i] = 0;
        idx += MR;
      }
    } else {
      for (let i = 0; i < MR; i++) {
        if (i < rows) {
          const src = aOff + (i0 + i) * k + pc;
          for (let p = 0; p < kc; p++) ap[idx + p * MR + i] = a[src + p];
        } else for (let p = 0; p < kc; p++) ap[idx + p * MR + i] = 0;
      }
      idx += kc * MR;
    }
  }
}

/**
 * Packs op(B)[pc..pc+kc, jc..jc+nc] as NR-column panels: panel c holds, for each p, the NR values
 * op(B)[pc+p, jc+c·NR+j] side by side. Columns past n are zero.
 */
function packB(
  b: TypedArray,
  bOff: number,
  transB: boolean,
  k: number,
  n: number,
  pc: number,
  kc: number,
  jc: number,
  nc: number,
  bp: Float64Array,
): void {
  let idx = 0;
  for (let jr = 0; jr < nc; jr += NR) {
    const cols = Math.min(NR, nc - jr);
    const j0 = jc + jr;
    if (transB) {
      // B is stored n×k: each column of op(B) is a contiguous row of B.
      for (let j = 0; j < NR; j++) {
        if (j < cols) {
          const src = bOff + (j0 + j) * k + pc;
          for (let p = 0; p < kc; p++) bp[idx + p * NR + j] = b[src + p];
        } else for (let p = 0; p < kc; p++) bp[idx + p * NR + j] = 0;
      }
      idx += kc * NR;
    } else {
      for (let p = 0; p < kc; p++) {
        const src = bOff + (pc + p) * n + j0;
        let j = 0;
        for (; j < cols; j++) bp[idx + j] = b[src + j];
        for (; j < NR; j++) bp[idx + j] = 0;
        idx += NR;
      }
    }
  }
}

/**
 * Unblocked product for small or skinny shapes (matrix-vector, tiny batches): loop order i-p-j
 * streams rows of op(B) into a float64 row accumulator.
 */
function gemmSmall(
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
  if (n === 1 || transB) {
    // Each output is a dot product along contiguous memory of B (column of op(B) = row of B).
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const bs = transB ? bOff + j * k : bOff + j;
        const bStep = transB ? 1 : n;
        const as = transA ? aOff + i : aOff + i * k;
        const aStep = transA ? m : 1;
        let s = 0;
        for (let p = 0; p < k; p++) s += a[as + p * aStep] * b[bs + p * bStep];
        out[outOff + i * n + j] = s;
      }
    }
    return;
  }
  if (rowAcc.length < n) rowAcc = new Float64Array(n);
  const acc = rowAcc;
  for (let i = 0; i < m; i++) {
    acc.fill(0, 0, n);
    for (let p = 0; p < k; p++) {
      const av = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
      const row = bOff + p * n;
      for (let j = 0; j < n; j++) acc[j] += av * b[row + j];
    }
    const o = outOff + i * n;
    for (let j = 0; j < n; j++) out[o + j] = acc[j];
  }
}
