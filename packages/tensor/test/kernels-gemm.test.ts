import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TypedArray } from '../src/dtype';
import { seededFill as fill } from './helpers';
import { gemm } from '../src/kernels/gemm';

type Ctor = Float32ArrayConstructor | Float64ArrayConstructor | Int32ArrayConstructor;

/** op(A)·op(B) by the definition, in float64, plus Σ|a||b| per entry for error bounds. */
function naive(
  a: TypedArray,
  aOff: number,
  ta: boolean,
  b: TypedArray,
  bOff: number,
  tb: boolean,
  m: number,
  n: number,
  k: number,
): { c: Float64Array; mag: Float64Array } {
  const c = new Float64Array(m * n);
  const mag = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      let g = 0;
      for (let p = 0; p < k; p++) {
        const av = ta ? a[aOff + p * m + i] : a[aOff + i * k + p];
        const bv = tb ? b[bOff + j * k + p] : b[bOff + p * n + j];
        s += av * bv;
        g += Math.abs(av * bv);
      }
      c[i * n + j] = s;
      mag[i * n + j] = g;
    }
  return { c, mag };
}

interface Case {
  m: number;
  n: number;
  k: number;
  ta: boolean;
  tb: boolean;
  ctor: Ctor;
  seed: number;
}

/** Runs gemm at non-zero offsets and checks it against the naive product and the padding. */
function check({ m, n, k, ta, tb, ctor, seed }: Case): void {
  const pad = 3;
  const a = fill(new ctor(pad + m * k), seed);
  const b = fill(new ctor(pad + k * n), seed + 1);
  const out = new ctor(2 * pad + m * n).fill(7);
  gemm(a, pad, ta, b, pad, tb, out, pad, m, n, k);
  const { c, mag } = naive(a, pad, ta, b, pad, tb, m, n, k);
  const tol = ctor === Float64Array ? 1e-12 : ctor === Float32Array ? 1e-5 : 0;
  for (let i = 0; i < m * n; i++) {
    const err = Math.abs(out[pad + i] - c[i]);
    if (err > tol * mag[i] + (ctor === Float32Array ? 1e-30 : 0)) {
      throw new Error(
        `gemm ${m}×${k}·${k}×${n} ta=${ta} tb=${tb} ${ctor.name}: entry ${i} is ${out[pad + i]}, expected ${c[i]}`,
      );
    }
  }
  // Entries outside [outOff, outOff + m·n) belong to other matrices of a batch: untouched.
  for (let i = 0; i < pad; i++) {
    expect(out[i]).toBe(7);
    expect(out[pad + m * n + i]).toBe(7);
  }
}

const TRANS: [boolean, boolean][] = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];

describe('gemm', () => {
  it('matches the triple loop on odd sizes, all transpose combinations and dtypes', () => {
    for (const ctor of [Float64Array, Float32Array, Int32Array] as Ctor[])
      for (const s of [1, 3, 7, 33, 129])
        for (const [ta, tb] of TRANS) check({ m: s, n: s, k: s, ta, tb, ctor, seed: s });
  });

  it('matches on rectangular shapes that cross every block boundary (MC, KC, NC)', () => {
    // k = 300 spans two k-blocks (partial sums are added into C), m = 130 two row blocks,
    // n = 1030 two column blocks.
    for (const [ta, tb] of TRANS) {
      check({ m: 130, n: 37, k: 300, ta, tb, ctor: Float64Array, seed: 11 });
      check({ m: 130, n: 37, k: 300, ta, tb, ctor: Float32Array, seed: 12 });
      check({ m: 5, n: 1030, k: 9, ta, tb, ctor: Float64Array, seed: 13 });
    }
    check({ m: 70, n: 66, k: 513, ta: false, tb: true, ctor: Int32Array, seed: 14 });
  });

  it('handles matrix-vector and vector-matrix shapes', () => {
    for (const [ta, tb] of TRANS) {
      check({ m: 1, n: 200, k: 50, ta, tb, ctor: Float64Array, seed: 21 });
      check({ m: 200, n: 1, k: 50, ta, tb, ctor: Float64Array, seed: 22 });
      check({ m: 2, n: 300, k: 40, ta, tb, ctor: Float32Array, seed: 23 });
    }
  });

  it('gives zeros when k = 0 and does nothing for empty outputs', () => {
    for (const [ta, tb] of TRANS) {
      const out = new Float64Array(12).fill(5);
      gemm(new Float64Array(0), 0, ta, new Float64Array(0), 0, tb, out, 0, 3, 4, 0);
      expect([...out]).toEqual(new Array(12).fill(0));
    }
    const out = new Float32Array(4).fill(5);
    gemm(new Float32Array(6), 0, false, new Float32Array(0), 0, false, out, 0, 0, 0, 3);
    expect([...out]).toEqual([5, 5, 5, 5]);
  });

  it('propagates NaN and Infinity like the triple loop', () => {
    for (const [ta, tb] of TRANS) {
      for (const s of [5, 40]) {
        const a = fill(new Float64Array(s * s), 31);
        const b = fill(new Float64Array(s * s), 32);
        a[2] = Number.NaN;
        b[s + 1] = Number.POSITIVE_INFINITY;
        b[3 * s] = Number.NEGATIVE_INFINITY;
        const out = new Float64Array(s * s);
        gemm(a, 0, ta, b, 0, tb, out, 0, s, s, s);
        const { c } = naive(a, 0, ta, b, 0, tb, s, s, s);
        let nonFinite = 0;
        for (let i = 0; i < s * s; i++) {
          if (Number.isFinite(c[i])) expect(Math.abs(out[i] - c[i])).toBeLessThan(1e-12);
          else {
            nonFinite++;
            expect(out[i]).toBe(c[i]);
          }
        }
        expect(nonFinite).toBeGreaterThan(0);
      }
    }
  });

  it('gives the same result after a larger call (scratch is reused, stale panels do not leak)', () => {
    check({ m: 200, n: 200, k: 200, ta: false, tb: false, ctor: Float64Array, seed: 41 });
    for (const [ta, tb] of TRANS)
      check({ m: 9, n: 13, k: 35, ta, tb, ctor: Float64Array, seed: 42 });
  });

  it('agrees with the triple loop on random shapes (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 0, max: 48 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom<Ctor>(Float64Array, Float32Array),
        fc.integer({ min: 1, max: 1e6 }),
        (m, n, k, ta, tb, ctor, seed) => check({ m, n, k, ta, tb, ctor, seed }),
      ),
      { numRuns: 150 },
    );
  });
});
