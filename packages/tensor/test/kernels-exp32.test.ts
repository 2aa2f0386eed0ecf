import { describe, expect, it } from 'vitest';
import { expF32, sigmoidF32, tanhF32 } from '../src/kernels/exp32';

/** Distance in float32 ulps (monotone integer order of the bit patterns). */
function ulps(x: number, y: number): number {
  const f = new Float32Array([x, y]);
  const i = new Int32Array(f.buffer);
  const ord = (v: number) => (v < 0 ? 0x80000000 - v : v);
  return Math.abs(ord(i[0]) - ord(i[1]));
}

function run(xs: ArrayLike<number>, f = expF32): Float32Array {
  const x = Float32Array.from(xs);
  const out = new Float32Array(x.length);
  f(x, out);
  return out;
}

/** Worst ulp distance from fround(ref(x)) over `xs`, and how many are off at all. */
function sweep(
  xs: Float32Array,
  f: (x: Float32Array, out: Float32Array) => void,
  ref: (v: number) => number,
): { worst: number; off: number } {
  const out = new Float32Array(xs.length);
  f(xs, out);
  let worst = 0;
  let off = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = ulps(out[i], Math.fround(ref(xs[i])));
    worst = Math.max(worst, d);
    if (d) off++;
  }
  return { worst, off };
}

/** n float32 points spread over [lo, hi], jittered so they are not round numbers. */
function grid(n: number, lo: number, hi: number): Float32Array {
  const xs = new Float32Array(n);
  for (let i = 0; i < n; i++) xs[i] = lo + ((hi - lo) * i) / n + Math.sin(i) * 1e-3;
  return xs;
}

describe('sigmoidF32 and tanhF32', () => {
  it('are within 1 ulp of the correctly rounded values, tiny and huge arguments included', () => {
    const xs = new Float32Array([...grid(100_000, -120, 120), ...grid(20_000, -0.1, 0.1)]);
    const sig = sweep(xs, sigmoidF32, (v) =>
      v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v)),
    );
    expect(sig.worst).toBeLessThanOrEqual(1);
    expect(sig.off).toBeLessThan(xs.length * 1e-3);
    const th = sweep(xs, tanhF32, Math.tanh);
    expect(th.worst).toBeLessThanOrEqual(1);
    expect(th.off).toBeLessThan(xs.length * 1e-3);
  });

  it('keep limits, signed zero and NaN', () => {
    const special = [
      0,
      -0,
      1e-30,
      -1e-30,
      1e30,
      -1e30,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.NaN,
    ];
    const s = run(special, sigmoidF32);
    expect([...s.subarray(0, 8)]).toEqual([0.5, 0.5, 0.5, 0.5, 1, 0, 1, 0]);
    expect(s[8]).toBeNaN();
    const t = run(special, tanhF32);
    expect(Object.is(t[1], -0)).toBe(true);
    expect([...t.subarray(0, 8)]).toEqual([
      0,
      -0,
      Math.fround(1e-30),
      Math.fround(-1e-30),
      1,
      -1,
      1,
      -1,
    ]);
    expect(t[8]).toBeNaN();
  });
});

describe('expF32', () => {
  it('is within 1 ulp of the correctly rounded e^x across the whole float32 range', () => {
    const n = 200_000;
    const xs = new Float32Array(n);
    for (let i = 0; i < n; i++) xs[i] = -110 + (200 * i) / n + Math.sin(i) * 1e-3;
    const out = run(xs);
    let off = 0;
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const d = ulps(out[i], Math.fround(Math.exp(xs[i])));
      worst = Math.max(worst, d);
      if (d) off++;
    }
    expect(worst).toBeLessThanOrEqual(1);
    // The polynomial's 1e-12 relative error only matters next to a rounding tie: rarely.
    expect(off).toBeLessThan(n * 1e-4);
  });

  it('is exact where e^x is exactly representable and at the overflow/underflow edges', () => {
    const out = run([0, -0, 88.72283, 88.72284, 89, 1000, -103.2, -103.98, -104, -1000]);
    expect(out[0]).toBe(1);
    expect(out[1]).toBe(1);
    expect(out[2]).toBe(Math.fround(Math.exp(Math.fround(88.72283))));
    expect(out[3]).toBe(Number.POSITIVE_INFINITY);
    expect(out[4]).toBe(Number.POSITIVE_INFINITY);
    expect(out[5]).toBe(Number.POSITIVE_INFINITY);
    // Subnormal results keep their (few) significant bits.
    expect(ulps(out[6], Math.fround(Math.exp(Math.fround(-103.2))))).toBeLessThanOrEqual(1);
    expect(out[6]).toBeGreaterThan(0);
    expect(out[7]).toBe(0);
    expect(out[8]).toBe(0);
    expect(out[9]).toBe(0);
  });

  it('maps NaN to NaN, +Infinity to Infinity and −Infinity to 0', () => {
    const out = run([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBe(Number.POSITIVE_INFINITY);
    expect(out[2]).toBe(0);
  });

  it('agrees with Math.exp on typical activations', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => Math.cos(i) * 10);
    const out = run(xs);
    for (let i = 0; i < xs.length; i++) {
      const want = Math.exp(Math.fround(xs[i]));
      expect(Math.abs(out[i] - want) / want).toBeLessThan(1.2e-7);
    }
  });
});
