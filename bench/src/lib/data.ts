/** Deterministic float32 inputs (uniform in [lo, hi)), so every library sees the same numbers. */
export function randomFloat32(n: number, seed: number, lo = 0, hi = 1): Float32Array {
  const out = new Float32Array(n);
  // xorshift32: reproducible, and quality is irrelevant for timing inputs.
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = lo + ((s >>> 0) / 4294967296) * (hi - lo);
  }
  return out;
}
