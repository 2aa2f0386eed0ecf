// WASM SIMD matrix product (AssemblyScript). Compiled by ../scripts/build-wasm.mjs twice: with
// plain SIMD (multiply then add) and with relaxed SIMD (fused multiply-add, `relaxed_madd`),
// against an imported shared memory, so a worker thread can instantiate the same module on the
// same memory and compute part of a product (src/kernels/wasm/gemm-threads.ts).
// All pointers are byte offsets into that memory, laid out by the JS side. Loop order follows
// GotoBLAS: a KC×NC panel of op(B) is packed once per (jc, pc), an MC×KC panel of op(A) once per
// (ic), and an MR×NR register-blocked micro-kernel streams both packed panels. Transposes are
// absorbed by the packing (4×4 SIMD transposes where a panel is gathered across rows), so all
// four combinations run the same micro-kernel. Leading dimensions are explicit, so a caller can
// compute any block of columns (or rows) of C: a thread's share is just a sub-problem.
//
// Block sizes are balanced: k is cut into ⌈k/KC⌉ equal blocks (784 → 4 × 196, not 3 × 256 + 16)
// and likewise m and n, so there are no thin remainder blocks. The blocking depends only on the
// whole problem's k, never on which columns a call computes: every element of C is accumulated
// in the same order whether one thread or two compute it (bit-identical results).

const MR: i32 = 4;
const NR32: i32 = 8;
const NR64: i32 = 4;
const KC: i32 = 256;
const MC: i32 = 128;
const NC: i32 = 1024;

function min(a: i32, b: i32): i32 {
  return a < b ? a : b;
}

/** `x` split into ⌈x/max⌉ near-equal blocks: the block size, rounded up to a multiple of `q`. */
function balanced(x: i32, max: i32, q: i32): i32 {
  const nb = (x + max - 1) / max;
  const s = (x + nb - 1) / nb;
  return ((s + q - 1) / q) * q;
}

/** Bytes of packed-A scratch each thread must reserve (for float64; float32 needs half). */
export function packASize(): i32 {
  return MC * KC * 8;
}

/** Bytes of packed-B scratch each thread must reserve (for float64; float32 needs half). */
export function packBSize(): i32 {
  return KC * (NC + NR32) * 8;
}

// ---- packing ----------------------------------------------------------------------------------

// Interleaves 4 float32 rows (row r at src + r·ld floats, kc values each) into dst: value p of
// row r goes to dst + p·stride + 4r bytes. 4×4 transposes in registers, scalar tail.
function rows4x32(src: usize, ld: i32, kc: i32, dst: usize, stride: i32): void {
  const l = (<usize>ld) << 2;
  const s = <usize>stride;
  let p = 0;
  for (; p + 4 <= kc; p += 4) {
    const q = src + ((<usize>p) << 2);
    const r0 = v128.load(q);
    const r1 = v128.load(q + l);
    const r2 = v128.load(q + 2 * l);
    const r3 = v128.load(q + 3 * l);
    const t0 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5);
    const t1 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7);
    const t2 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
    const t3 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
    const d = dst + <usize>p * s;
    v128.store(d, v128.shuffle<i64>(t0, t2, 0, 2));
    v128.store(d + s, v128.shuffle<i64>(t0, t2, 1, 3));
    v128.store(d + 2 * s, v128.shuffle<i64>(t1, t3, 0, 2));
    v128.store(d + 3 * s, v128.shuffle<i64>(t1, t3, 1, 3));
  }
  for (; p < kc; p++) {
    const q = src + ((<usize>p) << 2);
    const d = dst + <usize>p * s;
    store<f32>(d, load<f32>(q));
    store<f32>(d, load<f32>(q + l), 4);
    store<f32>(d, load<f32>(q + 2 * l), 8);
    store<f32>(d, load<f32>(q + 3 * l), 12);
  }
}

// As rows4x32 for float64: 4 rows, value p of row r at dst + p·32 + 8r bytes (2×2 transposes).
function rows4x64(src: usize, ld: i32, kc: i32, dst: usize): void {
  const l = (<usize>ld) << 3;
  let p = 0;
  for (; p + 2 <= kc; p += 2) {
    const q = src + ((<usize>p) << 3);
    const r0 = v128.load(q);
    const r1 = v128.load(q + l);
    const r2 = v128.load(q + 2 * l);
    const r3 = v128.load(q + 3 * l);
    const d = dst + ((<usize>p) << 5);
    v128.store(d, v128.shuffle<f64>(r0, r1, 0, 2));
    v128.store(d, v128.shuffle<f64>(r2, r3, 0, 2), 16);
    v128.store(d, v128.shuffle<f64>(r0, r1, 1, 3), 32);
    v128.store(d, v128.shuffle<f64>(r2, r3, 1, 3), 48);
  }
  if (p < kc) {
    const q = src + ((<usize>p) << 3);
    const d = dst + ((<usize>p) << 5);
    store<f64>(d, load<f64>(q));
    store<f64>(d, load<f64>(q + l), 8);
    store<f64>(d, load<f64>(q + 2 * l), 16);
    store<f64>(d, load<f64>(q + 3 * l), 24);
  }
}

// Scalar fallback for a partial panel of w < width lanes, zero-padded. Lane r of step p comes
// from src + (r·rs + p·ps) elements; it goes to dst + (p·width + r) elements.
function panelScalar<T>(
  src: usize,
  rs: i32,
  ps: i32,
  w: i32,
  width: i32,
  kc: i32,
  dst: usize,
): void {
  const sz = sizeof<T>();
  for (let p = 0; p < kc; p++) {
    const d = dst + <usize>(p * width) * sz;
    let r = 0;
    for (; r < w; r++) store<T>(d + r * sz, load<T>(src + <usize>(r * rs + p * ps) * sz));
    for (; r < width; r++) store<T>(d + r * sz, <T>0);
  }
}

// Packs op(A)[ic..ic+mc, pc..pc+kc] (float32) as MR-row panels (p-major inside a panel).
function packA32(
  a: usize,
  lda: i32,
  ta: bool,
  ic: i32,
  mc: i32,
  pc: i32,
  kc: i32,
  ap: usize,
): void {
  let dst = ap;
  for (let ir = 0; ir < mc; ir += MR) {
    const rows = min(MR, mc - ir);
    const i0 = ic + ir;
    if (ta) {
      // A stored k×m: element (i, p) at a[p·lda + i]; a panel step is 4 contiguous values.
      const src = a + ((<usize>pc * lda + i0) << 2);
      if (rows === MR) {
        const l = (<usize>lda) << 2;
        for (let p = 0; p < kc; p++) v128.store(dst + ((<usize>p) << 4), v128.load(src + p * l));
      } else panelScalar<f32>(src, 1, lda, rows, MR, kc, dst);
    } else {
      const src = a + ((<usize>i0 * lda + pc) << 2);
      if (rows === MR) rows4x32(src, lda, kc, dst, 16);
      else panelScalar<f32>(src, lda, 1, rows, MR, kc, dst);
    }
    dst += (<usize>kc * MR) << 2;
  }
}

// Packs op(B)[pc..pc+kc, jc..jc+nc] (float32) as NR-column panels (p-major inside a panel).
function packB32(
  b: usize,
  ldb: i32,
  tb: bool,
  pc: i32,
  kc: i32,
  jc: i32,
  nc: i32,
  bp: usize,
): void {
  let dst = bp;
  for (let jr = 0; jr < nc; jr += NR32) {
    const cols = min(NR32, nc - jr);
    const j0 = jc + jr;
    if (tb) {
      // B stored n×k: element (p, j) at b[j·ldb + p]; gather 8 rows, 4 at a time.
      const src = b + ((<usize>j0 * ldb + pc) << 2);
      if (cols === NR32) {
        rows4x32(src, ldb, kc, dst, 32);
        rows4x32(src + ((<usize>ldb * 4) << 2), ldb, kc, dst + 16, 32);
      } else panelScalar<f32>(src, ldb, 1, cols, NR32, kc, dst);
    } else {
      const src = b + ((<usize>pc * ldb + j0) << 2);
      if (cols === NR32) {
        const l = (<usize>ldb) << 2;
        for (let p = 0; p < kc; p++) {
          const s = src + p * l;
          const d = dst + ((<usize>p) << 5);
          v128.store(d, v128.load(s));
          v128.store(d, v128.load(s, 16), 16);
        }
      } else panelScalar<f32>(src, 1, ldb, cols, NR32, kc, dst);
    }
    dst += (<usize>kc * NR32) << 2;
  }
}

// Packs op(A) (float64) as MR-row panels.
function packA64(
  a: usize,
  lda: i32,
  ta: bool,
  ic: i32,
  mc: i32,
  pc: i32,
  kc: i32,
  ap: usize,
): void {
  let dst = ap;
  for (let ir = 0; ir < mc; ir += MR) {
    const rows = min(MR, mc - ir);
    const i0 = ic + ir;
    if (ta) {
      const src = a + ((<usize>pc * lda + i0) << 3);
      if (rows === MR) {
        const l = (<usize>lda) << 3;
        for (let p = 0; p < kc; p++) {
          const s = src + p * l;
          const d = dst + ((<usize>p) << 5);
          v128.store(d, v128.load(s));
          v128.store(d, v128.load(s, 16), 16);
        }
      } else panelScalar<f64>(src, 1, lda, rows, MR, kc, dst);
    } else {
      const src = a + ((<usize>i0 * lda + pc) << 3);
      if (rows === MR) rows4x64(src, lda, kc, dst);
      else panelScalar<f64>(src, lda, 1, rows, MR, kc, dst);
    }
    dst += (<usize>kc * MR) << 3;
  }
}

// Packs op(B) (float64) as NR-column panels.
function packB64(
  b: usize,
  ldb: i32,
  tb: bool,
  pc: i32,
  kc: i32,
  jc: i32,
  nc: i32,
  bp: usize,
): void {
  let dst = bp;
  for (let jr = 0; jr < nc; jr += NR64) {
    const cols = min(NR64, nc - jr);
    const j0 = jc + jr;
    if (tb) {
      const src = b + ((<usize>j0 * ldb + pc) << 3);
      if (cols === NR64) rows4x64(src, ldb, kc, dst);
      else panelScalar<f64>(src, ldb, 1, cols, NR64, kc, dst);
    } else {
      const src = b + ((<usize>pc * ldb + j0) << 3);
      if (cols === NR64) {
        const l = (<usize>ldb) << 3;
        for (let p = 0; p < kc; p++) {
          const s = src + p * l;
          const d = dst + ((<usize>p) << 5);
          v128.store(d, v128.load(s));
          v128.store(d, v128.load(s, 16), 16);
        }
      } else panelScalar<f64>(src, 1, ldb, cols, NR64, kc, dst);
    }
    dst += (<usize>kc * NR64) << 3;
  }
}

// ---- micro-kernels ----------------------------------------------------------------------------

// Adds (or, on the first k-block, writes) one v128 row segment of the tile into C.
function put(c: usize, v: v128, first: bool): void {
  if (first) v128.store(c, v);
  else v128.store(c, f32x4.add(v128.load(c), v));
}

function put64(c: usize, v: v128, first: bool): void {
  if (first) v128.store(c, v);
  else v128.store(c, f64x2.add(v128.load(c), v));
}

// 4×8 float32 micro-kernel: eight f32x4 accumulators, two B vectors and one broadcast A value
// live in registers; each k step does 8 multiply-adds (64 flops) for 2 vector + 4 scalar loads.
function micro32(
  ap: usize,
  bp: usize,
  kc: i32,
  c: usize,
  ldc: i32,
  mr: i32,
  nr: i32,
  first: bool,
  tile: usize,
): void {
  let c00 = f32x4.splat(0);
  let c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0);
  let c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0);
  let c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0);
  let c31 = f32x4.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    const a0 = v128.load32_splat(ap);
    const a1 = v128.load32_splat(ap, 4);
    const a2 = v128.load32_splat(ap, 8);
    const a3 = v128.load32_splat(ap, 12);
    if (ASC_FEATURE_RELAXED_SIMD) {
      c00 = f32x4.relaxed_madd(a0, b0, c00);
      c01 = f32x4.relaxed_madd(a0, b1, c01);
      c10 = f32x4.relaxed_madd(a1, b0, c10);
      c11 = f32x4.relaxed_madd(a1, b1, c11);
      c20 = f32x4.relaxed_madd(a2, b0, c20);
      c21 = f32x4.relaxed_madd(a2, b1, c21);
      c30 = f32x4.relaxed_madd(a3, b0, c30);
      c31 = f32x4.relaxed_madd(a3, b1, c31);
    } else {
      c00 = f32x4.add(c00, f32x4.mul(a0, b0));
      c01 = f32x4.add(c01, f32x4.mul(a0, b1));
      c10 = f32x4.add(c10, f32x4.mul(a1, b0));
      c11 = f32x4.add(c11, f32x4.mul(a1, b1));
      c20 = f32x4.add(c20, f32x4.mul(a2, b0));
      c21 = f32x4.add(c21, f32x4.mul(a2, b1));
      c30 = f32x4.add(c30, f32x4.mul(a3, b0));
      c31 = f32x4.add(c31, f32x4.mul(a3, b1));
    }
    ap += 16;
    bp += 32;
  }
  const ld = (<usize>ldc) << 2;
  if (mr === MR && nr === NR32) {
    put(c, c00, first);
    put(c + 16, c01, first);
    c += ld;
    put(c, c10, first);
    put(c + 16, c11, first);
    c += ld;
    put(c, c20, first);
    put(c + 16, c21, first);
    c += ld;
    put(c, c30, first);
    put(c + 16, c31, first);
    return;
  }
  v128.store(tile, c00);
  v128.store(tile, c01, 16);
  v128.store(tile, c10, 32);
  v128.store(tile, c11, 48);
  v128.store(tile, c20, 64);
  v128.store(tile, c21, 80);
  v128.store(tile, c30, 96);
  v128.store(tile, c31, 112);
  for (let i = 0; i < mr; i++) {
    const row = c + i * ld;
    const t = tile + ((<usize>i * NR32) << 2);
    for (let j = 0; j < nr; j++) {
      const o = row + ((<usize>j) << 2);
      const v = load<f32>(t + ((<usize>j) << 2));
      store<f32>(o, first ? v : load<f32>(o) + v);
    }
  }
}

// 4×4 float64 micro-kernel: eight f64x2 accumulators (two per row).
function micro64(
  ap: usize,
  bp: usize,
  kc: i32,
  c: usize,
  ldc: i32,
  mr: i32,
  nr: i32,
  first: bool,
  tile: usize,
): void {
  let c00 = f64x2.splat(0);
  let c01 = f64x2.splat(0);
  let c10 = f64x2.splat(0);
  let c11 = f64x2.splat(0);
  let c20 = f64x2.splat(0);
  let c21 = f64x2.splat(0);
  let c30 = f64x2.splat(0);
  let c31 = f64x2.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    const a0 = v128.load64_splat(ap);
    const a1 = v128.load64_splat(ap, 8);
    const a2 = v128.load64_splat(ap, 16);
    const a3 = v128.load64_splat(ap, 24);
    if (ASC_FEATURE_RELAXED_SIMD) {
      c00 = f64x2.relaxed_madd(a0, b0, c00);
      c01 = f64x2.relaxed_madd(a0, b1, c01);
      c10 = f64x2.relaxed_madd(a1, b0, c10);
      c11 = f64x2.relaxed_madd(a1, b1, c11);
      c20 = f64x2.relaxed_madd(a2, b0, c20);
      c21 = f64x2.relaxed_madd(a2, b1, c21);
      c30 = f64x2.relaxed_madd(a3, b0, c30);
      c31 = f64x2.relaxed_madd(a3, b1, c31);
    } else {
      c00 = f64x2.add(c00, f64x2.mul(a0, b0));
      c01 = f64x2.add(c01, f64x2.mul(a0, b1));
      c10 = f64x2.add(c10, f64x2.mul(a1, b0));
      c11 = f64x2.add(c11, f64x2.mul(a1, b1));
      c20 = f64x2.add(c20, f64x2.mul(a2, b0));
      c21 = f64x2.add(c21, f64x2.mul(a2, b1));
      c30 = f64x2.add(c30, f64x2.mul(a3, b0));
      c31 = f64x2.add(c31, f64x2.mul(a3, b1));
    }
    ap += 32;
    bp += 32;
  }
  const ld = (<usize>ldc) << 3;
  if (mr === MR && nr === NR64) {
    put64(c, c00, first);
    put64(c + 16, c01, first);
    c += ld;
    put64(c, c10, first);
    put64(c + 16, c11, first);
    c += ld;
    put64(c, c20, first);
    put64(c + 16, c21, first);
    c += ld;
    put64(c, c30, first);
    put64(c + 16, c31, first);
    return;
  }
  v128.store(tile, c00);
  v128.store(tile, c01, 16);
  v128.store(tile, c10, 32);
  v128.store(tile, c11, 48);
  v128.store(tile, c20, 64);
  v128.store(tile, c21, 80);
  v128.store(tile, c30, 96);
  v128.store(tile, c31, 112);
  for (let i = 0; i < mr; i++) {
    const row = c + i * ld;
    const t = tile + ((<usize>i * NR64) << 3);
    for (let j = 0; j < nr; j++) {
      const o = row + ((<usize>j) << 3);
      const v = load<f64>(t + ((<usize>j) << 3));
      store<f64>(o, first ? v : load<f64>(o) + v);
    }
  }
}

// ---- drivers ----------------------------------------------------------------------------------

/**
 * C = op(A)·op(B) in float32 for an m×n block of C. op(A)[i, p] is `a[i·lda + p]`, or with `ta`
 * `a[p·lda + i]`; op(B)[p, j] is `b[p·ldb + j]`, or with `tb` `b[j·ldb + p]`; C[i, j] is written
 * to `c[i·ldc + j]` (element offsets; pointers are byte offsets). The k-blocking depends on k
 * alone, so computing a block of C's columns (or rows) on its own gives the same bits as
 * computing it within the whole product. `ap`/`bp` are packing scratch of packASize() and
 * packBSize() bytes, `tile` 128 bytes. Requires m, n, k ≥ 1.
 */
export function gemmF32(
  a: usize,
  lda: i32,
  ta: bool,
  b: usize,
  ldb: i32,
  tb: bool,
  c: usize,
  ldc: i32,
  m: i32,
  n: i32,
  k: i32,
  ap: usize,
  bp: usize,
  tile: usize,
): void {
  const kb = balanced(k, KC, 1);
  const mb = balanced(m, MC, MR);
  const nb = balanced(n, NC, NR32);
  for (let jc = 0; jc < n; jc += nb) {
    const nc = min(nb, n - jc);
    for (let pc = 0; pc < k; pc += kb) {
      const kc = min(kb, k - pc);
      packB32(b, ldb, tb, pc, kc, jc, nc, bp);
      for (let ic = 0; ic < m; ic += mb) {
        const mc = min(mb, m - ic);
        packA32(a, lda, ta, ic, mc, pc, kc, ap);
        for (let jr = 0; jr < nc; jr += NR32) {
          const nr = min(NR32, nc - jr);
          const bpj = bp + ((<usize>jr * kc) << 2);
          for (let ir = 0; ir < mc; ir += MR) {
            const mr = min(MR, mc - ir);
            const cij = c + ((<usize>(ic + ir) * ldc + jc + jr) << 2);
            micro32(ap + ((<usize>ir * kc) << 2), bpj, kc, cij, ldc, mr, nr, pc === 0, tile);
          }
        }
      }
    }
  }
}

/** C = op(A)·op(B) in float64; arguments as {@link gemmF32}. */
export function gemmF64(
  a: usize,
  lda: i32,
  ta: bool,
  b: usize,
  ldb: i32,
  tb: bool,
  c: usize,
  ldc: i32,
  m: i32,
  n: i32,
  k: i32,
  ap: usize,
  bp: usize,
  tile: usize,
): void {
  const kb = balanced(k, KC, 1);
  const mb = balanced(m, MC, MR);
  const nb = balanced(n, NC, NR64);
  for (let jc = 0; jc < n; jc += nb) {
    const nc = min(nb, n - jc);
    for (let pc = 0; pc < k; pc += kb) {
      const kc = min(kb, k - pc);
      packB64(b, ldb, tb, pc, kc, jc, nc, bp);
      for (let ic = 0; ic < m; ic += mb) {
        const mc = min(mb, m - ic);
        packA64(a, lda, ta, ic, mc, pc, kc, ap);
        for (let jr = 0; jr < nc; jr += NR64) {
          const nr = min(NR64, nc - jr);
          const bpj = bp + ((<usize>jr * kc) << 3);
          for (let ir = 0; ir < mc; ir += MR) {
            const mr = min(MR, mc - ir);
            const cij = c + ((<usize>(ic + ir) * ldc + jc + jr) << 3);
            micro64(ap + ((<usize>ir * kc) << 3), bpj, kc, cij, ldc, mr, nr, pc === 0, tile);
          }
        }
      }
    }
  }
}
