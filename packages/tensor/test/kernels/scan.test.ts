import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TypedArray } from '../../src/dtype';
import type { Backend, ScanCode } from '../../src/kernels/backend';
import { setBackend } from '../../src/kernels/index';
import { jsBackend } from '../../src/kernels/js';
import { runScan } from '../../src/kernels/scan';
import { type Enc, dec, readFixture, ulps } from './golden';

type Nested = Enc | Nested[];
interface ScanCase {
  x: Nested;
  dim: number;
  cumsum_float64: Nested;
  cumprod_float64: Nested;
  cumsum_float32: Nested;
  cumprod_float32: Nested;
}
const fx = readFixture<{ torch: string; scan: ScanCase[] }>('kernels.json');
const flat = (v: Nested): number[] => (Array.isArray(v) ? v.flatMap(flat) : [dec(v)]);

/** The definition, one output at a time: out[o, i, j] = ⊕ over t ≤ i of x[o, t, j]. */
function naive(code: ScanCode, x: ArrayLike<number>, outer: number, n: number, inner: number) {
  const out: number[] = [];
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < inner; j++) {
        let s = code === 'cumsum' ? 0 : 1;
        for (let t = 0; t <= i; t++) {
          const v = x[(o * n + t) * inner + j];
          s = code === 'cumsum' ? s + v : s * v;
        }
        out.push(s);
      }
  return out;
}

const CTORS = [Float64Array, Float32Array, Int32Array] as const;

describe('scan kernels (cumsum, cumprod)', () => {
  it('equal the definition for any outer/n/inner split and array kind (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(...CTORS),
        fc.constantFrom<ScanCode>('cumsum', 'cumprod'),
        fc.integer({ min: 0, max: 1000 }),
        (outer, n, inner, ctor, code, seed) => {
          const x: TypedArray = new ctor(outer * n * inner);
          for (let i = 0; i < x.length; i++) x[i] = Math.round(Math.sin(i + seed) * 40) / 8;
          const out: TypedArray = new ctor(x.length);
          runScan(code, x, outer, n, inner, out);
          // The reference accumulates in float64 too: compare after rounding to the array type.
          const want = new ctor(naive(code, x, outer, n, inner));
          expect([...out]).toEqual([...want]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('accumulate float32 scans in float64, as PyTorch does, rounding each output once', () => {
    // 1 + 2⁻²⁴ rounds back to 1 in float32 at every step; a float64 running sum keeps it.
    const x = Float32Array.from([1, 2 ** -24, 2 ** -24, 2 ** -24, 2 ** -24]);
    const out = new Float32Array(5);
    runScan('cumsum', x, 1, 5, 1, out);
    expect(out[4]).toBe(Math.fround(1 + 4 * 2 ** -24));
    // Same along a non-trailing axis (inner > 1): each column keeps its own float64 sum.
    const y = Float32Array.from([1, 1, 2 ** -24, 0, 2 ** -24, 0, 2 ** -24, 0, 2 ** -24, 0]);
    const out2 = new Float32Array(10);
    runScan('cumsum', y, 1, 5, 2, out2);
    expect(out2[8]).toBe(Math.fround(1 + 4 * 2 ** -24));
    expect(out2[9]).toBe(1);
  });

  it(`match torch.cumsum / torch.cumprod along every axis (torch ${fx.torch})`, () => {
    const shape = [2, 3, 4];
    for (const c of fx.scan) {
      const outer = shape.slice(0, c.dim).reduce((p, q) => p * q, 1);
      const inner = shape.slice(c.dim + 1).reduce((p, q) => p * q, 1);
      for (const dt of ['float64', 'float32'] as const) {
        const ctor = dt === 'float64' ? Float64Array : Float32Array;
        const x = ctor.from(flat(c.x));
        for (const code of ['cumsum', 'cumprod'] as const) {
          const out = new ctor(x.length);
          runScan(code, x, outer, shape[c.dim], inner, out);
          const want = flat(c[`${code}_${dt}`]);
          for (let i = 0; i < want.length; i++) {
            // Same order of operations as torch: equal, NaN placement and infinities included.
            const d = ulps(out[i], want[i], dt);
            expect(d, `${code} ${dt} dim ${c.dim} [${i}]: ${out[i]} vs ${want[i]}`).toBe(0);
          }
        }
      }
    }
  });

  it('use the active backend’s scan when it has one, the js loops otherwise', () => {
    const calls: string[] = [];
    const withScan: Backend = {
      ...jsBackend,
      scan: (code, ...rest) => {
        calls.push(code);
        jsBackend.scan?.(code, ...rest);
      },
    };
    const { scan: _omit, ...withoutScan } = jsBackend;
    const x = Float64Array.from([1, 2, 3]);
    const out = new Float64Array(3);
    const prev = setBackend(withScan);
    try {
      runScan('cumprod', x, 1, 3, 1, out);
      expect(calls).toEqual(['cumprod']);
      expect([...out]).toEqual([1, 2, 6]);
      setBackend(withoutScan);
      out.fill(0);
      runScan('cumsum', x, 1, 3, 1, out);
      expect([...out]).toEqual([1, 3, 6]);
      expect(calls).toEqual(['cumprod']);
    } finally {
      setBackend(prev);
    }
  });
});
