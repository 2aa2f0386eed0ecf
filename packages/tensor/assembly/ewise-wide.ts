// WASM SIMD kernels for float32 data computed in float64 lanes (AssemblyScript): eˣ, σ and tanh,
// and arithmetic with a float64 scalar. Compiled by ../scripts/build-wasm.mjs into its own module
// (EWISE_WIDE_SIMD; no relaxed instruction, so the relaxed build is the same bytes), beside
// ./ewise.ts, whose conventions it shares: byte offsets, whole vectors past `n` into padding.
//
// eˣ, σ and tanh evaluate in float64 and round once, like the JS tier's exp32.ts: results may
// differ from it by 1 ulp where the exact value lies within ~10⁻¹² of a float32 rounding boundary
// (see expCore); both are within 1 ulp of the correctly rounded value. Float64-scalar arithmetic
// equals the JS loops exactly (the same float64 operation, rounded once).

/** The first 16-aligned byte after the module's static data: where the JS side's buffers start. */
export function base(): usize {
  return (__heap_base + 15) & ~(<usize>15);
}

// eˣ in float64 (two lanes)

// Inputs are clamped to [LO, HI] (e^89 overflows float32, e^−104 rounds to 0), as exp32.ts does.
const LO: f64 = -104.0;
const HI: f64 = 89.0;
const INV_LN2: f64 = Math.LOG2E;
// ln 2 split Cody–Waite style: LN2_HI has 11 trailing zero bits, so k·LN2_HI is exact for |k| < 2¹¹.
const LN2_HI: f64 = 0.6931471803691238;
const LN2_LO: f64 = 1.9082149292705877e-10;
// Adding and subtracting 1.5·2⁵² rounds to an integer; the sum's low mantissa bits hold it.
const MAGIC: f64 = 6755399441055744.0;
// Degree-9 polynomial for eʳ on |r| ≤ ln2/2: Chebyshev interpolation (20 000 nodes) converted to
// monomials; relative error ≤ 2·10⁻¹⁴ in float64 (checked against long double), far below the
// float32 half-ulp of 6·10⁻⁸.
const P0: f64 = 1.0000000000000133;
const P1: f64 = 1.0000000000000049;
const P2: f64 = 0.4999999999943515;
const P3: f64 = 0.16666666666589847;
const P4: f64 = 0.04166666704186195;
const P5: f64 = 0.008333333373697913;
const P6: f64 = 0.0013888801584875615;
const P7: f64 = 0.00019841184056451739;
const P8: f64 = 2.488452684143086e-5;
const P9: f64 = 2.7635000945579952e-6;

// The constants, each splatted to two float64 lanes, in static memory: V8 rebuilds a
// `v128.const` from immediates with several instructions at every use, whereas a load from this
// table is one (measured: the exp loop ran 4 ns per element with inline constants).
const C = memory.data<f64>(
  [
    HI,
    HI,
    LO,
    LO,
    INV_LN2,
    INV_LN2,
    MAGIC,
    MAGIC,
    LN2_HI,
    LN2_HI,
    LN2_LO,
    LN2_LO,
    P0,
    P0,
    P1,
    P1,
    P2,
    P2,
    P3,
    P3,
    P4,
    P4,
    P5,
    P5,
    P6,
    P6,
    P7,
    P7,
    P8,
    P8,
    P9,
    P9,
    1.0,
    1.0,
    -2.0,
    -2.0,
    0.0625,
    0.0625,
    -0.0,
    -0.0,
    0.021869488536155203,
    0.021869488536155203,
    -0.05396825396825397,
    -0.05396825396825397,
    0.13333333333333333,
    0.13333333333333333,
    -0.3333333333333333,
    -0.3333333333333333,
  ],
  16,
);
// Byte offsets into C.
const C_HI = 0;
const C_LO = 16;
const C_INV_LN2 = 32;
const C_MAGIC = 48;
const C_LN2_HI = 64;
const C_LN2_LO = 80;
const C_P0 = 96;
const C_ONE = 256;
const C_M2 = 272;
const C_SIXTEENTH = 288;
const C_SIGN = 304;
const C_T9 = 320;

function k(off: usize): v128 {
  return v128.load(C + off);
}

/**
 * e^x for two float64 lanes, relative error ≲ 2·10⁻¹⁴ for x in [−104, 89] (clamped there; NaN
 * stays NaN): x = k·ln2 + r with k = round(x/ln2), eʳ from the polynomial, and 2ᵏ added to the
 * exponent field as an integer (the result stays a normal float64 for every clamped x, so the
 * one rounding to float32 afterwards also gives float32's subnormals and overflow).
 *
 * It has one caller, {@link transcendentalF32} (σ and tanh): binaryen's -O3 inlines a function
 * this large only into a single caller (AssemblyScript's `@inline` decorator is not TypeScript
 * syntax, so biome rejects it), and inlined the loop runs ~30% faster. eˣ itself has its own
 * four-lane copy, {@link expQuad}.
 */
function expCore(x: v128): v128 {
  // pmin/pmax (b < a ? b : a, a < b ? b : a) are one instruction each and let NaN through.
  const v = f64x2.pmax(f64x2.pmin(x, k(C_HI)), k(C_LO));
  const t = f64x2.add(f64x2.mul(v, k(C_INV_LN2)), k(C_MAGIC));
  const kk = f64x2.sub(t, k(C_MAGIC));
  let r = f64x2.sub(v, f64x2.mul(kk, k(C_LN2_HI)));
  r = f64x2.sub(r, f64x2.mul(kk, k(C_LN2_LO)));
  let p = f64x2.add(f64x2.mul(r, k(C_P0 + 144)), k(C_P0 + 128));
  p = f64x2.add(f64x2.mul(p, r), k(C_P0 + 112));
  p = f64x2.add(f64x2.mul(p, r), k(C_P0 + 96));
  p = f64x2.add(f64x2.mul(p, r), k(C_P0 + 80));
  p = f64x2.add(f64x2.mul(p, r), k(C_P0 + 64));
  p = f64x2.add(f64x2.mul(p, r), k(C_P0 + 48));
  p = f64x2.add(f64x2.mul(p, r), k(C_P0 + 32));
  p = f64x2.add(f64x2.mul(p, r), k(C_P0 + 16));
  p = f64x2.add(f64x2.mul(p, r), k(C_P0));
  // (k mod 2¹²) << 52 is k added to the exponent field (two's complement wraps correctly).
  return i64x2.add(p, i64x2.shl(t, 52));
}

/**
 * dst[0..4) = e^v for the four float32 lanes of v: {@link expCore}'s method written out for both
 * float64 pairs side by side, so that V8 loads each constant once for both, and stored as
 * float32 (rounded once). Its one caller is {@link expF32}. Measured on the raw kernel (8192
 * float32, min of 30 interleaved runs, load average 24–38): 2.38–2.49 ns per element, against
 * 2.63–2.72 for the two-lane loop around expCore (the Horner steps must be written out:
 * binaryen does not unroll a loop over them, and that loop cost the gain).
 */
function expQuad(v: v128, dst: usize): void {
  const vl = f64x2.pmax(f64x2.pmin(lo(v), k(C_HI)), k(C_LO));
  const vh = f64x2.pmax(f64x2.pmin(hi(v), k(C_HI)), k(C_LO));
  const tl = f64x2.add(f64x2.mul(vl, k(C_INV_LN2)), k(C_MAGIC));
  const th = f64x2.add(f64x2.mul(vh, k(C_INV_LN2)), k(C_MAGIC));
  const kl = f64x2.sub(tl, k(C_MAGIC));
  const kh = f64x2.sub(th, k(C_MAGIC));
  let rl = f64x2.sub(vl, f64x2.mul(kl, k(C_LN2_HI)));
  let rh = f64x2.sub(vh, f64x2.mul(kh, k(C_LN2_HI)));
  rl = f64x2.sub(rl, f64x2.mul(kl, k(C_LN2_LO)));
  rh = f64x2.sub(rh, f64x2.mul(kh, k(C_LN2_LO)));
  let pl = f64x2.add(f64x2.mul(rl, k(C_P0 + 144)), k(C_P0 + 128));
  let ph = f64x2.add(f64x2.mul(rh, k(C_P0 + 144)), k(C_P0 + 128));
  pl = f64x2.add(f64x2.mul(pl, rl), k(C_P0 + 112));
  ph = f64x2.add(f64x2.mul(ph, rh), k(C_P0 + 112));
  pl = f64x2.add(f64x2.mul(pl, rl), k(C_P0 + 96));
  ph = f64x2.add(f64x2.mul(ph, rh), k(C_P0 + 96));
  pl = f64x2.add(f64x2.mul(pl, rl), k(C_P0 + 80));
  ph = f64x2.add(f64x2.mul(ph, rh), k(C_P0 + 80));
  pl = f64x2.add(f64x2.mul(pl, rl), k(C_P0 + 64));
  ph = f64x2.add(f64x2.mul(ph, rh), k(C_P0 + 64));
  pl = f64x2.add(f64x2.mul(pl, rl), k(C_P0 + 48));
  ph = f64x2.add(f64x2.mul(ph, rh), k(C_P0 + 48));
  pl = f64x2.add(f64x2.mul(pl, rl), k(C_P0 + 32));
  ph = f64x2.add(f64x2.mul(ph, rh), k(C_P0 + 32));
  pl = f64x2.add(f64x2.mul(pl, rl), k(C_P0 + 16));
  ph = f64x2.add(f64x2.mul(ph, rh), k(C_P0 + 16));
  pl = f64x2.add(f64x2.mul(pl, rl), k(C_P0));
  ph = f64x2.add(f64x2.mul(ph, rh), k(C_P0));
  v128.store(dst, join(i64x2.add(pl, i64x2.shl(tl, 52)), i64x2.add(ph, i64x2.shl(th, 52))));
}

/** dst[i] = e^src[i] for float32, i < n rounded up to a multiple of 4. */
export function expF32(src: usize, dst: usize, n: i32): void {
  const end = src + ((<usize>(n + 3) & ~3) << 2);
  const d = dst - src;
  for (let p = src; p < end; p += 16) expQuad(v128.load(p), p + d);
}

/** σ(x) from e = e^(−|x|) ≤ 1 (never overflows): 1/(1 + e) for x ≥ 0, e/(1 + e) otherwise. */
function sigmoidFrom(x: v128, e: v128): v128 {
  const one = k(C_ONE);
  const num = v128.bitselect(one, e, f64x2.ge(x, f64x2.splat(0)));
  return f64x2.div(num, f64x2.add(e, one));
}

/**
 * tanh x from e = e^(−2|x|): sign(x)·(1 − e)/(1 + e); for |x| < 1/16, where 1 − e cancels, the
 * odd Taylor series to x⁹ (as exp32.ts). Both are computed and one is selected per lane.
 */
function tanhFrom(x: v128, e: v128): v128 {
  const sign = k(C_SIGN);
  const one = k(C_ONE);
  const big = f64x2.div(f64x2.sub(one, e), f64x2.add(one, e));
  // big ≥ 0 (or NaN): OR-ing in x's sign bit is x < 0 ? −big : big for every non-zero x.
  const signed = v128.or(big, v128.and(x, sign));
  const x2 = f64x2.mul(x, x);
  let s = f64x2.add(f64x2.mul(x2, k(C_T9)), k(C_T9 + 16));
  s = f64x2.add(f64x2.mul(s, x2), k(C_T9 + 32));
  s = f64x2.add(f64x2.mul(s, x2), k(C_T9 + 48));
  s = f64x2.add(f64x2.mul(s, x2), one);
  const small = f64x2.mul(x, s);
  return v128.bitselect(small, signed, f64x2.lt(v128.andnot(x, sign), k(C_SIXTEENTH)));
}

/**
 * dst[i] = σ(x) (op 1) or tanh x (op 2) of float32 src[i] (op 0, eˣ, is {@link expF32}),
 * evaluated in float64 and rounded once, two lanes per step, i < n rounded up to a multiple of 2.
 * One loop for both keeps expCore's single call site; the tests on `op` always go the same way.
 */
export function transcendentalF32(op: i32, src: usize, dst: usize, n: i32): void {
  const end = src + ((<usize>(n + 1) & ~1) << 2);
  const d = dst - src;
  for (let p = src; p < end; p += 8) {
    const x = f64x2.promote_low_f32x4(v128.load64_zero(p));
    // σ needs e^(−|x|), tanh e^(−2|x|).
    const arg = op === 1 ? v128.or(x, k(C_SIGN)) : f64x2.mul(v128.andnot(x, k(C_SIGN)), k(C_M2));
    const e = expCore(arg);
    const r = op === 1 ? sigmoidFrom(x, e) : tanhFrom(x, e);
    v128.store64_lane(p + d, f32x4.demote_f64x2_zero(r), 0);
  }
}

// Widening helpers: four float32 lanes to two float64 pairs and back, rounding once.
function lo(v: v128): v128 {
  return f64x2.promote_low_f32x4(v);
}
function hi(v: v128): v128 {
  return f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1));
}
function join(l: v128, h: v128): v128 {
  return v128.shuffle<f32>(f32x4.demote_f64x2_zero(l), f32x4.demote_f64x2_zero(h), 0, 1, 4, 5);
}

function wide(op: i32, v: v128, s: v128, left: bool): v128 {
  switch (op) {
    case 0:
      return f64x2.add(v, s);
    case 1:
      return left ? f64x2.sub(s, v) : f64x2.sub(v, s);
    case 2:
      return f64x2.mul(v, s);
    case 3:
      return left ? f64x2.div(s, v) : f64x2.div(v, s);
    case 4:
      return f64x2.max(v, s);
    default:
      return f64x2.min(v, s);
  }
}

/**
 * dst[i] = a[i] ⊕ s for float32 `a` and a float64 `s` that float32 cannot hold (say 0.1): the
 * operation runs in float64 and rounds once to float32, exactly as the JS loops do.
 */
export function scalarWideF32(op: i32, a: usize, s: f64, dst: usize, n: i32, left: bool): void {
  const end = a + ((<usize>(n + 3) & ~3) << 2);
  const dd = dst - a;
  const sv = f64x2.splat(s);
  for (let p = a; p < end; p += 16) {
    const v = v128.load(p);
    v128.store(p + dd, join(wide(op, lo(v), sv, left), wide(op, hi(v), sv, left)));
  }
}
