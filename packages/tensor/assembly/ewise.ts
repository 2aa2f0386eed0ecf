// WASM SIMD element-wise kernels on float32/float64 lanes (AssemblyScript), compiled by
// ../scripts/build-wasm.mjs into their own module (EWISE_SIMD; the relaxed build is the same
// bytes: no fused multiply-add, so results do not depend on the runtime). Their float64-lane
// siblings for float32 data (eˣ, σ, tanh, float64 scalars) are ./ewise-wide.ts. Two modules
// keep each under 4 KB, the most Chrome used to compile synchronously on its main thread
// (Chromium 156 here compiles far larger ones; the split costs a second ~0.2 MB arena). The JS side
// (src/kernels/wasm/ewise.ts) copies a chunk of each operand into this module's memory, calls
// one kernel, and copies the result out. Pointers are byte offsets; `n` is an element count.
// Kernels run whole vectors: they may read and write up to 15 elements past `n`, which the JS
// side reserves as padding and never copies out.
//
// Every kernel returns exactly what the JS tier (src/kernels/f32.ts, f64.ts) returns for the same
// inputs, apart from NaN payloads: float32 +, −, ×, ÷, √ computed in float32 equal the JS loops'
// float64 result rounded to float32 (double rounding is harmless for these when the wide format
// has ≥ 2p + 2 bits), and max/min propagate NaN and order −0 < +0 like Math.max/min.

/** The first 16-aligned byte after the module's static data: where the JS side's buffers start. */
export function base(): usize {
  return (__heap_base + 15) & ~(<usize>15);
}

// ---------------------------------------------------------------------------------------------
// Unary kernels. Codes (the JS side's table; 0–2 are ewise-wide.ts's): 3 relu, 4 neg, 5 abs,
// 6 sqrt, 7 square, 8 reciprocal. `src` may equal `dst`.

/** dst[i] = f(src[i]) for float32, i < n rounded up to a multiple of 4. */
export function unaryF32(op: i32, src: usize, dst: usize, n: i32): void {
  const end = src + ((<usize>(n + 3) & ~3) << 2);
  const d = dst - src;
  switch (op) {
    case 3: {
      // pmax(x, 0) = x < 0 ? 0 : x: NaN and −0 pass through, as torch.relu.
      const z = f32x4.splat(0);
      for (let p = src; p < end; p += 16) v128.store(p + d, f32x4.pmax(v128.load(p), z));
      break;
    }
    case 4:
      for (let p = src; p < end; p += 16) v128.store(p + d, f32x4.neg(v128.load(p)));
      break;
    case 5:
      for (let p = src; p < end; p += 16) v128.store(p + d, f32x4.abs(v128.load(p)));
      break;
    case 6:
      for (let p = src; p < end; p += 16) v128.store(p + d, f32x4.sqrt(v128.load(p)));
      break;
    case 7:
      for (let p = src; p < end; p += 16) {
        const v = v128.load(p);
        v128.store(p + d, f32x4.mul(v, v));
      }
      break;
    case 8: {
      const one = f32x4.splat(1);
      for (let p = src; p < end; p += 16) v128.store(p + d, f32x4.div(one, v128.load(p)));
      break;
    }
  }
}

/** dst[i] = f(src[i]) for float64 (codes 3–8 only), i < n rounded up to a multiple of 2. */
export function unaryF64(op: i32, src: usize, dst: usize, n: i32): void {
  const end = src + ((<usize>(n + 1) & ~1) << 3);
  const d = dst - src;
  switch (op) {
    case 3: {
      const z = f64x2.splat(0);
      for (let p = src; p < end; p += 16) v128.store(p + d, f64x2.pmax(v128.load(p), z));
      break;
    }
    case 4:
      for (let p = src; p < end; p += 16) v128.store(p + d, f64x2.neg(v128.load(p)));
      break;
    case 5:
      for (let p = src; p < end; p += 16) v128.store(p + d, f64x2.abs(v128.load(p)));
      break;
    case 6:
      for (let p = src; p < end; p += 16) v128.store(p + d, f64x2.sqrt(v128.load(p)));
      break;
    case 7:
      for (let p = src; p < end; p += 16) {
        const v = v128.load(p);
        v128.store(p + d, f64x2.mul(v, v));
      }
      break;
    case 8: {
      const one = f64x2.splat(1);
      for (let p = src; p < end; p += 16) v128.store(p + d, f64x2.div(one, v128.load(p)));
      break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Binary kernels. Codes: 0 add, 1 sub, 2 mul, 3 div, 4 maximum, 5 minimum. `dst` may equal `a`.

function arith<T>(op: i32, a: usize, b: usize, dst: usize, bytes: usize): void {
  const end = a + bytes;
  const db = b - a;
  const dd = dst - a;
  switch (op) {
    case 0:
      for (let p = a; p < end; p += 16)
        v128.store(p + dd, v128.add<T>(v128.load(p), v128.load(p + db)));
      break;
    case 1:
      for (let p = a; p < end; p += 16)
        v128.store(p + dd, v128.sub<T>(v128.load(p), v128.load(p + db)));
      break;
    case 2:
      for (let p = a; p < end; p += 16)
        v128.store(p + dd, v128.mul<T>(v128.load(p), v128.load(p + db)));
      break;
    case 3:
      for (let p = a; p < end; p += 16)
        v128.store(p + dd, v128.div<T>(v128.load(p), v128.load(p + db)));
      break;
    case 4:
      for (let p = a; p < end; p += 16)
        v128.store(p + dd, v128.max<T>(v128.load(p), v128.load(p + db)));
      break;
    case 5:
      for (let p = a; p < end; p += 16)
        v128.store(p + dd, v128.min<T>(v128.load(p), v128.load(p + db)));
      break;
  }
}

/** dst[i] = a[i] ⊕ b[i] for float32. */
export function binaryF32(op: i32, a: usize, b: usize, dst: usize, n: i32): void {
  arith<f32>(op, a, b, dst, (<usize>(n + 3) & ~3) << 2);
}

/** dst[i] = a[i] ⊕ b[i] for float64. */
export function binaryF64(op: i32, a: usize, b: usize, dst: usize, n: i32): void {
  arith<f64>(op, a, b, dst, (<usize>(n + 1) & ~1) << 3);
}

function arithScalar<T>(op: i32, a: usize, s: v128, dst: usize, bytes: usize, left: bool): void {
  const end = a + bytes;
  const dd = dst - a;
  switch (op) {
    case 0:
      for (let p = a; p < end; p += 16) v128.store(p + dd, v128.add<T>(v128.load(p), s));
      break;
    case 1:
      if (left) for (let p = a; p < end; p += 16) v128.store(p + dd, v128.sub<T>(s, v128.load(p)));
      else for (let p = a; p < end; p += 16) v128.store(p + dd, v128.sub<T>(v128.load(p), s));
      break;
    case 2:
      for (let p = a; p < end; p += 16) v128.store(p + dd, v128.mul<T>(v128.load(p), s));
      break;
    case 3:
      if (left) for (let p = a; p < end; p += 16) v128.store(p + dd, v128.div<T>(s, v128.load(p)));
      else for (let p = a; p < end; p += 16) v128.store(p + dd, v128.div<T>(v128.load(p), s));
      break;
    case 4:
      for (let p = a; p < end; p += 16) v128.store(p + dd, v128.max<T>(v128.load(p), s));
      break;
    case 5:
      for (let p = a; p < end; p += 16) v128.store(p + dd, v128.min<T>(v128.load(p), s));
      break;
  }
}

/**
 * dst[i] = a[i] ⊕ s (or s ⊕ a[i] when `left`) for float32, with `s` a float32 value (the JS side
 * routes other scalars to ewise-wide.ts's scalarWideF32).
 */
export function scalarF32(op: i32, a: usize, s: f32, dst: usize, n: i32, left: bool): void {
  arithScalar<f32>(op, a, f32x4.splat(s), dst, (<usize>(n + 3) & ~3) << 2, left);
}

/** dst[i] = a[i] ⊕ s (or s ⊕ a[i] when `left`) for float64. */
export function scalarF64(op: i32, a: usize, s: f64, dst: usize, n: i32, left: bool): void {
  arithScalar<f64>(op, a, f64x2.splat(s), dst, (<usize>(n + 1) & ~1) << 3, left);
}

/** dst[i] = a[i] · m[i] for float32 `a` and a uint8 (bool) mask `m`: relu's backward product. */
export function mulMaskF32(a: usize, m: usize, dst: usize, n: i32): void {
  const end = a + ((<usize>(n + 15) & ~15) << 2);
  const dd = dst - a;
  let q = m;
  for (let p = a; p < end; p += 64) {
    const b = v128.load(q);
    const w0 = i16x8.extend_low_i8x16_u(b);
    const w1 = i16x8.extend_high_i8x16_u(b);
    const m0 = f32x4.convert_i32x4_u(i32x4.extend_low_i16x8_u(w0));
    const m1 = f32x4.convert_i32x4_u(i32x4.extend_high_i16x8_u(w0));
    const m2 = f32x4.convert_i32x4_u(i32x4.extend_low_i16x8_u(w1));
    const m3 = f32x4.convert_i32x4_u(i32x4.extend_high_i16x8_u(w1));
    v128.store(p + dd, f32x4.mul(v128.load(p), m0));
    v128.store(p + dd, f32x4.mul(v128.load(p, 16), m1), 16);
    v128.store(p + dd, f32x4.mul(v128.load(p, 32), m2), 32);
    v128.store(p + dd, f32x4.mul(v128.load(p, 48), m3), 48);
    q += 16;
  }
}

// ---------------------------------------------------------------------------------------------
// Comparisons into a uint8 (bool) result. Codes: 0 equal, 1 notEqual, 2 less, 3 lessEqual,
// 4 greater, 5 greaterEqual. Lane masks (all ones / zero) are narrowed to bytes and AND-ed with 1.

function cmp32(op: i32, x: v128, y: v128): v128 {
  switch (op) {
    case 0:
      return f32x4.eq(x, y);
    case 1:
      return f32x4.ne(x, y);
    case 2:
      return f32x4.lt(x, y);
    case 3:
      return f32x4.le(x, y);
    case 4:
      return f32x4.gt(x, y);
    default:
      return f32x4.ge(x, y);
  }
}

function bytes(m0: v128, m1: v128, m2: v128, m3: v128): v128 {
  const b = i8x16.narrow_i16x8_s(i16x8.narrow_i32x4_s(m0, m1), i16x8.narrow_i32x4_s(m2, m3));
  return v128.and(b, i8x16.splat(1));
}

/**
 * dst[i] = a[i] ⋈ b[i] ? 1 : 0 for float32 a, b; NaN compares unequal to everything. One loop
 * whose per-vector switch always goes the same way: six loops cost 0.5 KB more and were no faster
 * measurably.
 */
export function compareF32(op: i32, a: usize, b: usize, dst: usize, n: i32): void {
  const end = a + ((<usize>(n + 15) & ~15) << 2);
  const db = b - a;
  let q = dst;
  for (let p = a; p < end; p += 64, q += 16) {
    const r = p + db;
    v128.store(
      q,
      bytes(
        cmp32(op, v128.load(p), v128.load(r)),
        cmp32(op, v128.load(p, 16), v128.load(r, 16)),
        cmp32(op, v128.load(p, 32), v128.load(r, 32)),
        cmp32(op, v128.load(p, 48), v128.load(r, 48)),
      ),
    );
  }
}

/**
 * dst[i] = a[i] ⋈ s ? 1 : 0 for float32 `a` and a float32 value `s` (a left scalar is handled
 * by the JS side, which mirrors the code: s < a ⇔ a > s).
 */
export function compareScalarF32(op: i32, a: usize, s: f32, dst: usize, n: i32): void {
  const end = a + ((<usize>(n + 15) & ~15) << 2);
  const sv = f32x4.splat(s);
  let q = dst;
  for (let p = a; p < end; p += 64, q += 16) {
    v128.store(
      q,
      bytes(
        cmp32(op, v128.load(p), sv),
        cmp32(op, v128.load(p, 16), sv),
        cmp32(op, v128.load(p, 32), sv),
        cmp32(op, v128.load(p, 48), sv),
      ),
    );
  }
}
