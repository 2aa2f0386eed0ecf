// WASM SIMD matrix product (AssemblyScript). Compiled by ../scripts/build-wasm.mjs twice: with
// plain SIMD (multiply then add) and with relaxed SIMD (fused multiply-add, `relaxed_madd`).
// All pointers are byte offsets into this module's memory, laid out by the JS side
// (src/kernels/wasm/). Loop order follows GotoBLAS: a KC×NC panel of op(B) is packed once per
// (jc, pc), an MC×KC panel of op(A) once per (ic), and an MR×NR register-blocked micro-kernel
// streams both packed panels. Transposes are absorbed by the packing, so all four combinations
// run the same micro-kernel.

const MR: i32 = 4;
const NR32: i32 = 8;
const NR64: i32 = 4;
const KC: i32 = 256;
const MC: i32 = 128;
const NC: i32 = 1024;

function min(a: i32, b: i32): i32 {
  return a < b ? a : b;
}

/** Bytes of packed-A scratch the JS side must reserve (for float64; float32 needs half). */
export function packASize(): i32 {
  return MC * KC * 8;
}

/** Bytes of packed-B scratch the JS side must reserve (for float64; float32 needs half). */
export function packBSize(): i32 {
  return KC * (NC + NR32) * 8;
}

// Packs op(A)[ic..ic+mc, pc..pc+kc] as MR-row panels (p-major inside a panel), zero-padded.
function packA<T>(
  a: usize,
  ta: bool,
  m: i32,
  k: i32,
  ic: i32,
  mc: i32,
  pc: i32,
  kc: i32,
  ap: usize,
): void {
  const sz = sizeof<T>();
  let dst = ap;
  for (let ir = 0; ir < mc; ir += MR) {
    const rows = min(MR, mc - ir);
    const i0 = ic + ir;
    if (ta) {
      for (let p = 0; p < kc; p++) {
        const src = a + ((<usize>(pc + p) * m + i0) << alignof<T>());
        let i = 0;
        for (; i < rows; i++) store<T>(dst + i * sz, load<T>(src + i * sz));
        for (; i < MR; i++) store<T>(dst + i * sz, <T>0);
        dst += MR * sz;
      }
    } else {
      for (let i = 0; i < MR; i++) {
        if (i < rows) {
          const src = a + ((<usize>(i0 + i) * k + pc) << alignof<T>());
          for (let p = 0; p < kc; p++) store<T>(dst + (p * MR + i) * sz, load<T>(src + p * sz));
        } else for (let p = 0; p < kc; p++) store<T>(dst + (p * MR + i) * sz, <T>0);
      }
      dst += kc * MR * sz;
    }
  }
}

// Packs op(B)[pc..pc+kc, jc..jc+nc] as NR-column panels (p-major inside a panel), zero-padded.
function packB<T>(
  b: usize,
  tb: bool,
  k: i32,
  n: i32,
  pc: i32,
  kc: i32,
  jc: i32,
  nc: i32,
  nr: i32,
  bp: usize,
): void {
  const sz = sizeof<T>();
  let dst = bp;
  for (let jr = 0; jr < nc; jr += nr) {
    const cols = min(nr, nc - jr);
    const j0 = jc + jr;
    if (tb) {
      for (let j = 0; j < nr; j++) {
        if (j < cols) {
          const src = b + ((<usize>(j0 + j) * k + pc) << alignof<T>());
          for (let p = 0; p < kc; p++) store<T>(dst + (p * nr + j) * sz, load<T>(src + p * sz));
        } else for (let p = 0; p < kc; p++) store<T>(dst + (p * nr + j) * sz, <T>0);
      }
      dst += kc * nr * sz;
    } else {
      for (let p = 0; p < kc; p++) {
        const src = b + ((<usize>(pc + p) * n + j0) << alignof<T>());
        if (cols === nr) {
          // NR·sizeof(T) is 32 bytes for both float32 (NR 8) and float64 (NR 4).
          v128.store(dst, v128.load(src));
          v128.store(dst, v128.load(src, 16), 16);
        } else {
          let j = 0;
          for (; j < cols; j++) store<T>(dst + j * sz, load<T>(src + j * sz));
          for (; j < nr; j++) store<T>(dst + j * sz, <T>0);
        }
        dst += nr * sz;
      }
    }
  }
}

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

/**
 * C[m×n] = op(A)·op(B) in float32. `a` holds A (m×k, or k×m with `ta`), `b` holds B (k×n, or
 * n×k with `tb`), `c` receives C row-major; `ap`/`bp` are packing scratch of packASize() and
 * packBSize() bytes, `tile` 128 bytes. Requires m, n, k ≥ 1.
 */
export function gemmF32(
  a: usize,
  ta: bool,
  b: usize,
  tb: bool,
  c: usize,
  m: i32,
  n: i32,
  k: i32,
  ap: usize,
  bp: usize,
  tile: usize,
): void {
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      packB<f32>(b, tb, k, n, pc, kc, jc, nc, NR32, bp);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        packA<f32>(a, ta, m, k, ic, mc, pc, kc, ap);
        for (let jr = 0; jr < nc; jr += NR32) {
          const nr = min(NR32, nc - jr);
          const bpj = bp + ((<usize>jr * kc) << 2);
          for (let ir = 0; ir < mc; ir += MR) {
            const mr = min(MR, mc - ir);
            const cij = c + ((<usize>(ic + ir) * n + jc + jr) << 2);
            micro32(ap + ((<usize>ir * kc) << 2), bpj, kc, cij, n, mr, nr, pc === 0, tile);
          }
        }
      }
    }
  }
}

/** C[m×n] = op(A)·op(B) in float64; arguments as {@link gemmF32}. */
export function gemmF64(
  a: usize,
  ta: bool,
  b: usize,
  tb: bool,
  c: usize,
  m: i32,
  n: i32,
  k: i32,
  ap: usize,
  bp: usize,
  tile: usize,
): void {
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      packB<f64>(b, tb, k, n, pc, kc, jc, nc, NR64, bp);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        packA<f64>(a, ta, m, k, ic, mc, pc, kc, ap);
        for (let jr = 0; jr < nc; jr += NR64) {
          const nr = min(NR64, nc - jr);
          const bpj = bp + ((<usize>jr * kc) << 3);
          for (let ir = 0; ir < mc; ir += MR) {
            const mr = min(MR, mc - ir);
            const cij = c + ((<usize>(ic + ir) * n + jc + jr) << 3);
            micro64(ap + ((<usize>ir * kc) << 3), bpj, kc, cij, n, mr, nr, pc === 0, tile);
          }
        }
      }
    }
  }
}
