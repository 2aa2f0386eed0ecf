import { backendName, matmul, randn, swapAxes, useBackend } from '@gd/tensor';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { jsBackend } from '../../../src/kernels/js';
import { wasmBackend, wasmRelaxedSimd } from '../../../src/kernels/wasm/wasm-backend';
import { seededFill as fill } from '../../helpers';

type Ctor = Float32ArrayConstructor | Float64ArrayConstructor;

function wasm() {
  if (!wasmBackend) throw new Error('Node 20+ runs WASM SIMD: the tier must load');
  return wasmBackend;
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

/**
 * Runs the WASM gemm and the JS reference at non-zero offsets; they must agree within the
 * rounding bound of a k-term float sum, γₖ·Σ|a||b| (float32 accumulates in float32 in WASM, in
 * float64 in JS), and leave entries outside the output matrix alone.
 */
function check({ m, n, k, ta, tb, ctor, seed }: Case): void {
  const pad = 5;
  const a = fill(new ctor(pad + m * k), seed);
  const b = fill(new ctor(pad + k * n), seed + 1);
  const got = new ctor(2 * pad + m * n).fill(7);
  const ref = new ctor(2 * pad + m * n).fill(7);
  wasm().gemm(a, pad, ta, b, pad, tb, got, pad, m, n, k);
  jsBackend.gemm(a, pad, ta, b, pad, tb, ref, pad, m, n, k);
  const u = ctor === Float32Array ? 2 ** -24 : 2 ** -53;
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let mag = 0;
      for (let p = 0; p < k; p++)
        mag += Math.abs(
          (ta ? a[pad + p * m + i] : a[pad + i * k + p]) *
            (tb ? b[pad + j * k + p] : b[pad + p * n + j]),
        );
      const o = pad + i * n + j;
      const err = Math.abs(got[o] - ref[o]);
      if (!(err <= 2 * (k + 2) * u * mag + 1e-30))
        throw new Error(
          `wasm gemm ${m}×${k}·${k}×${n} ta=${ta} tb=${tb} ${ctor.name}: C[${i},${j}] = ${got[o]}, reference ${ref[o]}`,
        );
    }
  for (let i = 0; i < pad; i++) {
    expect(got[i]).toBe(7);
    expect(got[pad + m * n + i]).toBe(7);
  }
}

const TRANS: [boolean, boolean][] = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];

const initial = backendName();
afterEach(() => {
  if (initial !== 'custom') useBackend(initial);
});

describe('WASM SIMD gemm against the JS reference', () => {
  it('loads in Node (relaxed SIMD is detected, never required)', () => {
    expect(wasmBackend).not.toBeNull();
    expect(typeof wasmRelaxedSimd).toBe('boolean');
  });

  it('agrees on square sizes around the 4×8 / 4×4 register tiles, every transpose, both dtypes', () => {
    for (const ctor of [Float32Array, Float64Array] as Ctor[])
      for (const s of [16, 17, 31, 33, 64, 65, 127])
        for (const [ta, tb] of TRANS) check({ m: s, n: s, k: s, ta, tb, ctor, seed: s });
  });

  it('agrees on shapes crossing every cache block (MC 128, KC 256, NC 1024)', () => {
    for (const [ta, tb] of TRANS) {
      check({ m: 130, n: 37, k: 300, ta, tb, ctor: Float32Array, seed: 11 });
      check({ m: 130, n: 37, k: 300, ta, tb, ctor: Float64Array, seed: 12 });
      check({ m: 5, n: 1031, k: 9, ta, tb, ctor: Float32Array, seed: 13 });
      check({ m: 3, n: 1029, k: 260, ta, tb, ctor: Float64Array, seed: 14 });
    }
  });

  it('agrees on 1-row and 1-column products (vector·matrix, matrix·vector)', () => {
    for (const [ta, tb] of TRANS)
      for (const ctor of [Float32Array, Float64Array] as Ctor[]) {
        check({ m: 1, n: 300, k: 50, ta, tb, ctor, seed: 21 });
        check({ m: 300, n: 1, k: 50, ta, tb, ctor, seed: 22 });
        check({ m: 64, n: 64, k: 1, ta, tb, ctor, seed: 23 });
      }
  });

  it('agrees on random shapes, offsets and transposes (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 1, max: 300 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom<Ctor>(Float32Array, Float64Array),
        fc.integer({ min: 1, max: 1e6 }),
        (m, n, k, ta, tb, ctor, seed) => check({ m, n, k, ta, tb, ctor, seed }),
      ),
      { numRuns: 120 },
    );
  });

  it('propagates NaN and ±Infinity exactly where the reference does', () => {
    for (const ctor of [Float32Array, Float64Array] as Ctor[])
      for (const [ta, tb] of TRANS) {
        const s = 37;
        const a = fill(new ctor(s * s), 31);
        const b = fill(new ctor(s * s), 32);
        a[2] = Number.NaN;
        b[s + 1] = Number.POSITIVE_INFINITY;
        b[3 * s + 4] = Number.NEGATIVE_INFINITY;
        const got = new ctor(s * s);
        const ref = new ctor(s * s);
        wasm().gemm(a, 0, ta, b, 0, tb, got, 0, s, s, s);
        jsBackend.gemm(a, 0, ta, b, 0, tb, ref, 0, s, s, s);
        let nonFinite = 0;
        for (let i = 0; i < s * s; i++) {
          if (Number.isFinite(ref[i])) expect(Math.abs(got[i] - ref[i])).toBeLessThan(1e-4);
          else {
            nonFinite++;
            expect(got[i]).toBe(ref[i]);
          }
        }
        expect(nonFinite).toBeGreaterThan(s);
      }
  });

  it('reuses its memory: a small product after a large one is unaffected by stale data', () => {
    check({ m: 200, n: 190, k: 210, ta: false, tb: false, ctor: Float32Array, seed: 41 });
    for (const [ta, tb] of TRANS)
      check({ m: 9, n: 13, k: 40, ta, tb, ctor: Float32Array, seed: 42 });
  });

  it('leaves int32 products and products with k = 0 to the reference loops', () => {
    const a = fill(new Float64Array(40 * 40), 1).map((v) => Math.round(v * 5));
    const ai = Int32Array.from(a);
    const got = new Int32Array(40 * 40);
    const ref = new Int32Array(40 * 40);
    wasm().gemm(ai, 0, false, ai, 0, true, got, 0, 40, 40, 40);
    jsBackend.gemm(ai, 0, false, ai, 0, true, ref, 0, 40, 40, 40);
    expect([...got]).toEqual([...ref]);
    const z = new Float32Array(12).fill(3);
    wasm().gemm(new Float32Array(0), 0, false, new Float32Array(0), 0, false, z, 0, 3, 4, 0);
    expect([...z]).toEqual(new Array(12).fill(0));
  });
});

describe('matmul on the WASM tier against the JS tier', () => {
  function both(f: () => ReturnType<typeof matmul>): [number[], number[]] {
    useBackend('wasm');
    const w = f().toArray() as number[];
    useBackend('js');
    const j = f().toArray() as number[];
    return [w.flat(3) as number[], j.flat(3) as number[]];
  }

  it('agrees on batched and broadcast products with every transpose', () => {
    const a = randn([3, 1, 20, 30], { dtype: 'float64' });
    const b = randn([4, 30, 25], { dtype: 'float64' });
    for (const [ta, tb] of TRANS) {
      const A = ta ? swapAxes(a, -1, -2) : a;
      const B = tb ? swapAxes(b, -1, -2) : b;
      const [w, j] = both(() => matmul(A, B, { transposeA: ta, transposeB: tb }));
      expect(w.length).toBe(3 * 4 * 20 * 25);
      for (let i = 0; i < w.length; i++) expect(w[i]).toBeCloseTo(j[i], 12);
    }
  });

  it('gives float32 results within float32 rounding of the JS tier', () => {
    const a = randn([64, 100]);
    const b = randn([100, 48]);
    const [w, j] = both(() => matmul(a, b));
    for (let i = 0; i < w.length; i++) expect(Math.abs(w[i] - j[i])).toBeLessThan(1e-4);
  });
});
