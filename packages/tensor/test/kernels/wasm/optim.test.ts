import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adamWasm, optimWasmAvailable, sgdWasm } from '../../../src/kernels/wasm/optim';
import {
  type AdamScalars,
  type SgdScalars,
  adamReference,
  sgdReference,
} from '../../../src/optim-kernels';

type Ctor = Float32ArrayConstructor | Float64ArrayConstructor;

/** Element i where a and b differ bit for bit (any NaN equals any NaN), else -1. */
function firstDifference(a: Float32Array | Float64Array, b: Float32Array | Float64Array): number {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

/** Finite values of every magnitude with signed zeros, plus the odd NaN and infinity. */
const element = fc.oneof(
  { weight: 20, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }) },
  { weight: 4, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -0, 1e-45, -1e-45, 1e-310, 3.4e38) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1e300) },
);

const scalars: fc.Arbitrary<AdamScalars> = fc
  .record({
    beta1: fc.double({ min: 0, max: 0.999, noNaN: true }),
    beta2: fc.double({ min: 0, max: 0.9999, noNaN: true }),
    lr: fc.double({ min: 0, max: 1, noNaN: true }),
    bc1: fc.double({ min: 1e-4, max: 1, noNaN: true }),
    bc2: fc.double({ min: 1e-4, max: 1, noNaN: true }),
    eps: fc.constantFrom(1e-8, 0, 1e-3, 1e-12),
    maximize: fc.boolean(),
    coupled: fc.constantFrom(0, 0, 1e-2, 0.5),
    decoupled: fc.constantFrom(0, 0, 1e-2, 0.3),
    amsgrad: fc.boolean(),
    inside: fc.boolean(),
  })
  .map((o) => ({
    beta1: o.beta1,
    beta2: o.beta2,
    c1: 1 - o.beta1,
    c2: 1 - o.beta2,
    negStep: -o.lr / o.bc1,
    bc2Sqrt: Math.sqrt(o.bc2),
    bc2: o.bc2,
    eps: o.eps,
    sign: o.maximize ? -1 : 1,
    coupled: o.coupled,
    decay: 1 - o.lr * o.decoupled,
    flags:
      (o.amsgrad ? 1 : 0) |
      (o.inside ? 2 : 0) |
      (o.coupled !== 0 ? 4 : 0) |
      (o.decoupled !== 0 ? 8 : 0) |
      (o.maximize ? 16 : 0),
  }));

describe('WASM Adam kernel (assembly/optim.ts)', () => {
  it('loads where WebAssembly SIMD runs (Node 20+)', () => {
    expect(optimWasmAvailable()).toBe(true);
  });

  it('gives the JS reference bit for bit: float32 and float64, every option, any length and chunking', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Ctor>(Float32Array, Float64Array),
        fc.integer({ min: 0, max: 67 }),
        fc.integer({ min: 1, max: 80 }),
        scalars,
        fc.array(element, { minLength: 5 * 67, maxLength: 5 * 67 }),
        (ctor, n, chunk, s, pool) => {
          const amsgrad = (s.flags & 1) !== 0;
          const arrays = [0, 1, 2, 3, 4].map((k) => ctor.from(pool.slice(k * n, (k + 1) * n)));
          // v and its maximum are sums of squares: non-negative (NaN may still arrive).
          for (const i of [3, 4]) arrays[i] = arrays[i].map(Math.abs);
          const ref = arrays.map((a) => a.slice());
          const got = arrays.map((a) => a.slice());
          adamReference(ref[0], ref[1], ref[2], ref[3], amsgrad ? ref[4] : null, s);
          const ran = adamWasm(got[0], got[1], got[2], got[3], amsgrad ? got[4] : null, s, chunk);
          expect(ran).toBe(true);
          for (const k of [0, 1, 2, 3, 4]) {
            const i = firstDifference(got[k], ref[k]);
            expect(i, `array ${'pgmvx'[k]}[${i}]: ${got[k][i]} vs ${ref[k][i]}`).toBe(-1);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('agrees bit for bit over many steps of a long parameter (chunk boundaries, tails)', () => {
    for (const ctor of [Float32Array, Float64Array]) {
      const n = 16384 * 2 + 7;
      const p = new ctor(n);
      const g = new ctor(n);
      for (let i = 0; i < n; i++) p[i] = Math.sin(i) * 0.1;
      const ref = [p.slice(), new ctor(n), new ctor(n)];
      const got = [p.slice(), new ctor(n), new ctor(n)];
      for (let t = 1; t <= 5; t++) {
        for (let i = 0; i < n; i++) g[i] = Math.cos(i * t) * 0.01;
        const bc1 = 1 - 0.9 ** t;
        const bc2 = 1 - 0.999 ** t;
        const s: AdamScalars = {
          beta1: 0.9,
          beta2: 0.999,
          c1: 1 - 0.9,
          c2: 1 - 0.999,
          negStep: -1e-3 / bc1,
          bc2Sqrt: Math.sqrt(bc2),
          bc2,
          eps: 1e-8,
          sign: 1,
          coupled: 0,
          decay: 1,
          flags: 0,
        };
        adamReference(ref[0], g, ref[1], ref[2], null, s);
        adamWasm(got[0], g, got[1], got[2], null, s);
      }
      for (const k of [0, 1, 2]) expect(firstDifference(got[k], ref[k])).toBe(-1);
      // The update moved every parameter.
      expect(firstDifference(got[0], p)).toBe(0);
    }
  });
});

const sgdScalars: fc.Arbitrary<SgdScalars> = fc
  .record({
    lr: fc.double({ min: 0, max: 1, noNaN: true }),
    momentum: fc.double({ min: 0, max: 0.99, noNaN: true }),
    dampening: fc.constantFrom(0, 0.1, 0.9),
    wd: fc.constantFrom(0, 0, 1e-4, 0.3),
    maximize: fc.boolean(),
    first: fc.boolean(),
    nesterov: fc.boolean(),
  })
  .map((o) => ({
    negLr: -o.lr,
    momentum: o.momentum,
    keep: 1 - o.dampening,
    weightDecay: o.wd,
    sign: o.maximize ? -1 : 1,
    flags: (o.wd !== 0 ? 1 : 0) | (o.first ? 4 : 0) | (o.nesterov ? 8 : 0) | (o.maximize ? 16 : 0),
  }));

describe('WASM SGD kernel (assembly/optim.ts)', () => {
  it('gives the JS reference bit for bit: float32 and float64, with and without momentum, any length and chunking', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Ctor>(Float32Array, Float64Array),
        fc.integer({ min: 0, max: 67 }),
        fc.integer({ min: 1, max: 80 }),
        sgdScalars,
        fc.boolean(),
        fc.array(element, { minLength: 3 * 67, maxLength: 3 * 67 }),
        (ctor, n, chunk, s, withMomentum, pool) => {
          const arrays = [0, 1, 2].map((k) => ctor.from(pool.slice(k * n, (k + 1) * n)));
          const ref = arrays.map((a) => a.slice());
          const got = arrays.map((a) => a.slice());
          sgdReference(ref[0], ref[1], withMomentum ? ref[2] : null, s);
          expect(sgdWasm(got[0], got[1], withMomentum ? got[2] : null, s, chunk)).toBe(true);
          for (const k of [0, 1, 2]) {
            const i = firstDifference(got[k], ref[k]);
            expect(i, `array ${'pgb'[k]}[${i}]: ${got[k][i]} vs ${ref[k][i]}`).toBe(-1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
