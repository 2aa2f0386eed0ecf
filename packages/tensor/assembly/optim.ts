// Fused optimizer updates (AssemblyScript), compiled by ../scripts/build-wasm.mjs into their own
// module. They must give the bits the JS reference (src/optim-kernels.ts) gives, so they compute
// as it does: in float64, one IEEE operation at a time in the reference's order (f64x2 mul and add
// kept separate — never relaxed_madd, whose fused rounding would differ — and f64x2.sqrt/div,
// correctly rounded like Math.sqrt and `/`), rounding to float32 exactly where the reference
// stores into a Float32Array and reads the stored value back. Only plain SIMD opcodes are used,
// so the plain and relaxed builds of this module compute the same (the JS side loads the plain
// one). All pointers are byte offsets into this module's memory, laid out by
// src/kernels/wasm/optim.ts.

// Bits of `flags`: the options that leave the default loop (the JS side adds 16 for maximize,
// which needs only `sign`).
const AMSGRAD: i32 = 1;
const EPS_INSIDE: i32 = 2;
const COUPLED: i32 = 4;
const DECOUPLED: i32 = 8;

// Two elements of T at ptr, as float64 lanes (float32 promoted, exactly).
function ld<T>(ptr: usize): v128 {
  if (sizeof<T>() === 4) return f64x2.promote_low_f32x4(v128.load64_zero(ptr));
  return v128.load(ptr);
}

// Rounds two float64 lanes to T and back: what storing into a Float32Array and reading it does.
function rnd<T>(x: v128): v128 {
  if (sizeof<T>() === 4) return f64x2.promote_low_f32x4(f32x4.demote_f64x2_zero(x));
  return x;
}

// Stores two float64 lanes as T at ptr and returns the stored values as float64 lanes.
function put<T>(ptr: usize, x: v128): v128 {
  if (sizeof<T>() === 4) {
    const d = f32x4.demote_f64x2_zero(x);
    v128.store64_lane(ptr, d, 0);
    return f64x2.promote_low_f32x4(d);
  }
  v128.store(ptr, x);
  return x;
}

// Stores one float64 as T at ptr and returns the stored value as float64.
function put1<T>(ptr: usize, x: f64): f64 {
  const r = <T>x;
  store<T>(ptr, r);
  return <f64>r;
}

// One Adam update of n elements in place (p, m, v and, with AMSGRAD, vmax; g is read):
//   g ← sign·g (+ λc·p);  p ← p·decay (DECOUPLED);  m ← m·β₁ + c₁·g;  v ← v·β₂ + (c₂·g)·g;
//   v̂ ← max(vmax, v) (AMSGRAD, stored in vmax) or v;
//   p ← p + (negStep·m) / (√v̂ / bc2Sqrt + ε), or / √(v̂ / bc2 + ε) with EPS_INSIDE.
function adam<T>(
  p: usize,
  g: usize,
  m: usize,
  v: usize,
  vmax: usize,
  n: i32,
  beta1: f64,
  beta2: f64,
  c1: f64,
  c2: f64,
  negStep: f64,
  bc2Sqrt: f64,
  bc2: f64,
  eps: f64,
  sign: f64,
  coupled: f64,
  decay: f64,
  flags: i32,
): void {
  const sz = <usize>sizeof<T>();
  const B1 = f64x2.splat(beta1);
  const B2 = f64x2.splat(beta2);
  const C1 = f64x2.splat(c1);
  const C2 = f64x2.splat(c2);
  const NEG = f64x2.splat(negStep);
  const BC2S = f64x2.splat(bc2Sqrt);
  const EPS = f64x2.splat(eps);
  const SIGN = f64x2.splat(sign);
  const LC = f64x2.splat(coupled);
  const DECAY = f64x2.splat(decay);
  const BC2 = f64x2.splat(bc2);
  // One loop for every configuration: its branches on flags cost nothing measurable beside the
  // two divisions and the square root (A/B against a branch-free loop for the defaults).
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const o = <usize>i * sz;
    let pi = ld<T>(p + o);
    let gi = f64x2.mul(SIGN, ld<T>(g + o));
    if (flags & COUPLED) gi = f64x2.add(gi, f64x2.mul(LC, pi));
    if (flags & DECOUPLED) pi = rnd<T>(f64x2.mul(pi, DECAY));
    const mi = put<T>(m + o, f64x2.add(f64x2.mul(ld<T>(m + o), B1), f64x2.mul(C1, gi)));
    let vi = put<T>(
      v + o,
      f64x2.add(f64x2.mul(ld<T>(v + o), B2), f64x2.mul(f64x2.mul(C2, gi), gi)),
    );
    if (flags & AMSGRAD) vi = put<T>(vmax + o, f64x2.max(ld<T>(vmax + o), vi));
    const den =
      flags & EPS_INSIDE
        ? f64x2.sqrt(f64x2.add(f64x2.div(vi, BC2), EPS))
        : f64x2.add(f64x2.div(f64x2.sqrt(vi), BC2S), EPS);
    put<T>(p + o, f64x2.add(pi, f64x2.div(f64x2.mul(NEG, mi), den)));
  }
  // The odd last element, by the same formula in scalar float64.
  if (i < n) {
    const o = <usize>i * sz;
    let pi = <f64>load<T>(p + o);
    let gi = sign * <f64>load<T>(g + o);
    if (flags & COUPLED) gi = gi + coupled * pi;
    if (flags & DECOUPLED) pi = <f64>(<T>(pi * decay));
    const mi = put1<T>(m + o, <f64>load<T>(m + o) * beta1 + c1 * gi);
    let vi = put1<T>(v + o, <f64>load<T>(v + o) * beta2 + c2 * gi * gi);
    if (flags & AMSGRAD) vi = put1<T>(vmax + o, max(<f64>load<T>(vmax + o), vi));
    const den = flags & EPS_INSIDE ? sqrt(vi / bc2 + eps) : sqrt(vi) / bc2Sqrt + eps;
    put1<T>(p + o, pi + (negStep * mi) / den);
  }
}

/** {@link adam} on float32 arrays (computing in float64, rounding once per stored value). */
export function adamF32(
  p: usize,
  g: usize,
  m: usize,
  v: usize,
  vmax: usize,
  n: i32,
  beta1: f64,
  beta2: f64,
  c1: f64,
  c2: f64,
  negStep: f64,
  bc2Sqrt: f64,
  bc2: f64,
  eps: f64,
  sign: f64,
  coupled: f64,
  decay: f64,
  flags: i32,
): void {
  adam<f32>(
    p,
    g,
    m,
    v,
    vmax,
    n,
    beta1,
    beta2,
    c1,
    c2,
    negStep,
    bc2Sqrt,
    bc2,
    eps,
    sign,
    coupled,
    decay,
    flags,
  );
}

/** {@link adam} on float64 arrays. */
export function adamF64(
  p: usize,
  g: usize,
  m: usize,
  v: usize,
  vmax: usize,
  n: i32,
  beta1: f64,
  beta2: f64,
  c1: f64,
  c2: f64,
  negStep: f64,
  bc2Sqrt: f64,
  bc2: f64,
  eps: f64,
  sign: f64,
  coupled: f64,
  decay: f64,
  flags: i32,
): void {
  adam<f64>(
    p,
    g,
    m,
    v,
    vmax,
    n,
    beta1,
    beta2,
    c1,
    c2,
    negStep,
    bc2Sqrt,
    bc2,
    eps,
    sign,
    coupled,
    decay,
    flags,
  );
}

// Bits of SGD's `flags`.
const WEIGHT_DECAY: i32 = 1;
const MOMENTUM: i32 = 2;
const FIRST_STEP: i32 = 4;
const NESTEROV: i32 = 8;

// One SGD update of n elements in place (p and, with MOMENTUM, buf; g is read):
//   d ← sign·g (+ λ·p with WEIGHT_DECAY);
//   with MOMENTUM: b ← d on the FIRST_STEP, else b ← b·μ + keep·d; d ← d + μ·b (NESTEROV) or b;
//   p ← p + negLr·d.
function sgd<T>(
  p: usize,
  g: usize,
  buf: usize,
  n: i32,
  negLr: f64,
  momentum: f64,
  keep: f64,
  wd: f64,
  sign: f64,
  flags: i32,
): void {
  const sz = <usize>sizeof<T>();
  const NEG = f64x2.splat(negLr);
  const MU = f64x2.splat(momentum);
  const KEEP = f64x2.splat(keep);
  const WD = f64x2.splat(wd);
  const SIGN = f64x2.splat(sign);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const o = <usize>i * sz;
    const pi = ld<T>(p + o);
    let d = f64x2.mul(SIGN, ld<T>(g + o));
    if (flags & WEIGHT_DECAY) d = f64x2.add(d, f64x2.mul(WD, pi));
    if (flags & MOMENTUM) {
      const b = put<T>(
        buf + o,
        flags & FIRST_STEP ? d : f64x2.add(f64x2.mul(ld<T>(buf + o), MU), f64x2.mul(KEEP, d)),
      );
      d = flags & NESTEROV ? f64x2.add(d, f64x2.mul(MU, b)) : b;
    }
    put<T>(p + o, f64x2.add(pi, f64x2.mul(NEG, d)));
  }
  if (i < n) {
    const o = <usize>i * sz;
    const pi = <f64>load<T>(p + o);
    let d = sign * <f64>load<T>(g + o);
    if (flags & WEIGHT_DECAY) d = d + wd * pi;
    if (flags & MOMENTUM) {
      const b = put1<T>(
        buf + o,
        flags & FIRST_STEP ? d : <f64>load<T>(buf + o) * momentum + keep * d,
      );
      d = flags & NESTEROV ? d + momentum * b : b;
    }
    put1<T>(p + o, pi + negLr * d);
  }
}

/** {@link sgd} on float32 arrays (computing in float64, rounding once per stored value). */
export function sgdF32(
  p: usize,
  g: usize,
  buf: usize,
  n: i32,
  negLr: f64,
  momentum: f64,
  keep: f64,
  wd: f64,
  sign: f64,
  flags: i32,
): void {
  sgd<f32>(p, g, buf, n, negLr, momentum, keep, wd, sign, flags);
}

/** {@link sgd} on float64 arrays. */
export function sgdF64(
  p: usize,
  g: usize,
  buf: usize,
  n: i32,
  negLr: f64,
  momentum: f64,
  keep: f64,
  wd: f64,
  sign: f64,
  flags: i32,
): void {
  sgd<f64>(p, g, buf, n, negLr, momentum, keep, wd, sign, flags);
}
