import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TypedArray } from '../../../src/dtype';
import type { BinaryCode, UnaryCode } from '../../../src/kernels/backend';
import { jsBackend } from '../../../src/kernels/js';
import {
  EWISE_RELAXED,
  EWISE_SIMD,
  EWISE_WIDE_RELAXED,
  EWISE_WIDE_SIMD,
} from '../../../src/kernels/wasm/binary.generated';
import { ewiseAvailable, ewiseKernels as wasm } from '../../../src/kernels/wasm/ewise';
import { wasmBackend } from '../../../src/kernels/wasm/wasm-backend';
import { ulps } from '../golden';

// The WASM element-wise kernels against the JS tier, their reference: equal element for element
// (NaN for NaN, −0 for −0), except float32 eˣ, σ and tanh, which may differ by 1 ulp.

const TRANSCENDENTAL = new Set<UnaryCode>(['exp', 'sigmoid', 'tanh']);
const UNARY_F32: UnaryCode[] = [
  'exp',
  'sigmoid',
  'tanh',
  'relu',
  'neg',
  'abs',
  'sqrt',
  'square',
  'reciprocal',
];
const UNARY_F64: UnaryCode[] = ['relu', 'neg', 'abs', 'sqrt', 'square', 'reciprocal'];
const ARITH: BinaryCode[] = ['add', 'sub', 'mul', 'div', 'maximum', 'minimum'];
const COMPARE: BinaryCode[] = ['equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual'];

/** Values of every float class: signed zeros, subnormals, extremes, infinities, NaN. */
const SPECIAL = [
  0,
  -0,
  1,
  -1,
  0.5,
  -2.5,
  1e-45,
  -1e-45,
  1e-40,
  -1e-40,
  1.1754943508222875e-38,
  3.4028234663852886e38,
  -3.4028234663852886e38,
  88.72283,
  88.7229,
  -87.33655,
  -103.27893,
  -103.972,
  -104,
  89,
  1e30,
  -1e30,
  1e-300,
  1e300,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NaN,
];

/** A float from any class: mostly ordinary values, often special ones. */
const anyFloat = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -120, max: 120, noNaN: true }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL) },
);
/** Lengths around the size thresholds and vector widths, tails included. */
const anyLength = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 100, max: 700 }));
const floats = (ctor: Float32ArrayConstructor | Float64ArrayConstructor) =>
  anyLength
    .chain((n) => fc.array(anyFloat, { minLength: n, maxLength: n }))
    .map((v) => ctor.from(v));

/** Equal as the JS tier defines it: NaN matches NaN, zeros must agree in sign. */
function expectSame(got: TypedArray, want: TypedArray, label: string, maxUlps = 0): void {
  expect(got.length).toBe(want.length);
  const dt = got instanceof Float64Array ? 'float64' : 'float32';
  for (let i = 0; i < want.length; i++) {
    const ok =
      Object.is(got[i], want[i]) ||
      (Number.isNaN(got[i]) && Number.isNaN(want[i])) ||
      (maxUlps > 0 && ulps(got[i], want[i], dt) <= maxUlps);
    if (!ok) throw new Error(`${label}[${i}]: wasm ${got[i]}, js ${want[i]}`);
  }
}

function unaryBoth(code: UnaryCode, x: Float32Array | Float64Array) {
  const ctor = x.constructor as Float32ArrayConstructor | Float64ArrayConstructor;
  const got = new ctor(x.length);
  const want = new ctor(x.length);
  wasm.unary(code, x, got);
  jsBackend.unary(code, x, want);
  return { got, want };
}

describe('WASM element-wise kernels', () => {
  it('load on first use and are part of the WASM tier', () => {
    expect(ewiseAvailable()).toBe(true);
    expect(wasmBackend?.unary).toBe(wasm.unary);
    expect(wasmBackend?.binary).toBe(wasm.binary);
    expect(wasmBackend?.binaryScalar).toBe(wasm.binaryScalar);
  });

  it('use no relaxed-SIMD instruction: both builds are the same bytes, so one is embedded', () => {
    expect(EWISE_RELAXED).toBe(EWISE_SIMD);
    expect(EWISE_WIDE_RELAXED).toBe(EWISE_WIDE_SIMD);
  });

  it('stay under 4 KB each, the most older Chrome compiled synchronously on its main thread', () => {
    for (const b64 of [EWISE_SIMD, EWISE_WIDE_SIMD]) expect(atob(b64).length).toBeLessThan(4096);
  });

  it('unary codes agree with the JS tier on float32 and float64 (random lengths, special values)', () => {
    fc.assert(
      fc.property(floats(Float32Array), floats(Float64Array), (x32, x64) => {
        for (const code of UNARY_F32) {
          const { got, want } = unaryBoth(code, x32);
          expectSame(got, want, `${code} f32`, TRANSCENDENTAL.has(code) ? 1 : 0);
        }
        for (const code of [...UNARY_F64, 'exp', 'tanh', 'sigmoid'] as UnaryCode[]) {
          const { got, want } = unaryBoth(code, x64);
          expectSame(got, want, `${code} f64`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('binary and scalar arithmetic and comparisons agree with the JS tier', () => {
    const pair = (ctor: Float32ArrayConstructor | Float64ArrayConstructor) =>
      anyLength.chain((n) =>
        fc.tuple(
          fc.array(anyFloat, { minLength: n, maxLength: n }).map((v) => ctor.from(v)),
          fc.array(anyFloat, { minLength: n, maxLength: n }).map((v) => ctor.from(v)),
        ),
      );
    fc.assert(
      fc.property(
        pair(Float32Array),
        pair(Float64Array),
        anyFloat,
        fc.boolean(),
        ([a32, b32], [a64, b64], s, left) => {
          for (const [a, b] of [
            [a32, b32],
            [a64, b64],
          ] as const) {
            const ctor = a.constructor as Float32ArrayConstructor | Float64ArrayConstructor;
            for (const code of [...ARITH, 'pow', 'atan2'] as BinaryCode[]) {
              const got = new ctor(a.length);
              const want = new ctor(a.length);
              wasm.binary(code, a, b, got);
              jsBackend.binary(code, a, b, want);
              expectSame(got, want, `${code} ${ctor.name}`);
              // The scalar, on either side; for float32 both a value float32 holds and one it
              // does not (s itself, a float64).
              for (const sv of [s, Math.fround(s)]) {
                wasm.binaryScalar(code, a, sv, got, left);
                jsBackend.binaryScalar(code, a, sv, want, left);
                expectSame(got, want, `${code}(${left ? 's, a' : 'a, s'}) s=${sv} ${ctor.name}`);
              }
            }
            for (const code of COMPARE) {
              const got = new Uint8Array(a.length);
              const want = new Uint8Array(a.length);
              wasm.binary(code, a, b, got);
              jsBackend.binary(code, a, b, want);
              expect([...got], `${code} ${ctor.name}`).toEqual([...want]);
              for (const sv of [s, Math.fround(s)]) {
                wasm.binaryScalar(code, a, sv, got, left);
                jsBackend.binaryScalar(code, a, sv, want, left);
                expect([...got], `${code} s=${sv} left=${left} ${ctor.name}`).toEqual([...want]);
              }
            }
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it("multiplies float32 by a bool mask in either order (relu's backward product)", () => {
    fc.assert(
      fc.property(floats(Float32Array), fc.integer(), (x, seed) => {
        const m = new Uint8Array(x.length);
        for (let i = 0; i < m.length; i++) m[i] = ((seed >>> (i % 31)) ^ i) & 1;
        for (const [a, b] of [
          [x, m],
          [m, x],
        ] as const) {
          const got = new Float32Array(x.length);
          const want = new Float32Array(x.length);
          wasm.binary('mul', a, b, got);
          jsBackend.binary('mul', a, b, want);
          expectSame(got, want, 'mul f32·mask');
        }
      }),
      { numRuns: 100 },
    );
  });

  it('crosses chunk boundaries and works in place', () => {
    const n = 3 * 8192 + 13;
    const x = new Float32Array(n);
    for (let i = 0; i < n; i++) x[i] = Math.sin(i) * 50;
    for (const code of ['exp', 'relu', 'square'] as UnaryCode[]) {
      const { got, want } = unaryBoth(code, x);
      expectSame(got, want, `${code} chunked`, code === 'exp' ? 1 : 0);
      const inPlace = x.slice();
      wasm.unary(code, inPlace, inPlace);
      expectSame(inPlace, got, `${code} in place`);
    }
    const y = new Float64Array(n).map((_, i) => Math.cos(i));
    const got = new Float64Array(n);
    const want = new Float64Array(n);
    wasm.binaryScalar('sub', y, 0.25, got, true);
    jsBackend.binaryScalar('sub', y, 0.25, want, true);
    expectSame(got, want, 'sub f64 chunked');
    const u = new Uint8Array(n);
    const uw = new Uint8Array(n);
    wasm.binaryScalar('greater', x, 0, u, false);
    jsBackend.binaryScalar('greater', x, 0, uw, false);
    expect(u).toEqual(uw);
  });

  it('relu keeps −0 and NaN as torch.relu, and −∞ gives +0', () => {
    for (const ctor of [Float32Array, Float64Array]) {
      const vals = [-0, Number.NaN, Number.NEGATIVE_INFINITY, -1, 2];
      const x = ctor.from(Array.from({ length: 200 }, (_, i) => vals[i % 5]));
      const out = new ctor(x.length);
      wasm.unary('relu', x, out);
      for (let i = 0; i < 5; i++) {
        expect(Object.is(out[i], [-0, Number.NaN, 0, 0, 2][i]), `${ctor.name} ${x[i]}`).toBe(true);
      }
    }
  });
});

describe('WASM float32 exp, σ and tanh', () => {
  /** Every 97th float32 bit pattern in [lo, hi] (both signs), about 2·10⁷/97 values per range. */
  function dense(lo: number, hi: number, stride: number): Float32Array {
    const f = new Float32Array(1);
    const b = new Int32Array(f.buffer);
    const out: number[] = [];
    for (const [a, z] of [
      [0, hi],
      [0, -lo],
    ]) {
      f[0] = z;
      const top = b[0];
      f[0] = a;
      for (let i = b[0]; i <= top; i += stride) {
        b[0] = i;
        out.push(z === hi ? f[0] : -f[0]);
      }
    }
    return Float32Array.from(out);
  }

  it('eˣ is within 1 ulp of the correctly rounded value over [−104, 89] and equals the JS tier but for rare 1-ulp ties', () => {
    const x = dense(-104, 89, 997);
    expect(x.length).toBeGreaterThan(2_000_000);
    const { got, want } = unaryBoth('exp', x);
    let offJs = 0;
    for (let i = 0; i < x.length; i++) {
      const exact = Math.fround(Math.exp(x[i]));
      const d = ulps(got[i], exact, 'float32');
      if (d > 1) throw new Error(`exp(${x[i]}) = ${got[i]}, correctly rounded ${exact}`);
      if (!Object.is(got[i], want[i])) offJs++;
    }
    // Both tiers round a float64 value accurate to ~10⁻¹²: they part only near rounding ties.
    expect(offJs).toBeLessThan(x.length * 1e-4);
  });

  it('σ and tanh are within 1 ulp of the correctly rounded values', () => {
    const x = dense(-120, 120, 4999);
    for (const [code, ref] of [
      [
        'sigmoid',
        (v: number) => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v))),
      ],
      ['tanh', Math.tanh],
    ] as const) {
      const { got } = unaryBoth(code, x);
      for (let i = 0; i < x.length; i++) {
        const d = ulps(got[i], Math.fround(ref(x[i])), 'float32');
        if (d > 1) throw new Error(`${code}(${x[i]}) = ${got[i]}`);
      }
    }
  });

  it('overflow, underflow, infinities, NaN and signed zero behave as in the JS tier', () => {
    const x = Float32Array.from({ length: 64 }, (_, i) => SPECIAL[i % SPECIAL.length]);
    for (const code of ['exp', 'sigmoid', 'tanh'] as const) {
      const { got, want } = unaryBoth(code, x);
      expectSame(got, want, code);
    }
    const e = unaryBoth('exp', x).got;
    expect(e[SPECIAL.indexOf(88.7229)]).toBe(Number.POSITIVE_INFINITY);
    expect(e[SPECIAL.indexOf(-104)]).toBe(0);
    expect(e[SPECIAL.indexOf(-103.972)]).toBe(Math.fround(1e-45));
    const sub = e[SPECIAL.indexOf(-103.27893)];
    expect(sub).toBeGreaterThan(0);
    expect(sub).toBe(Math.fround(Math.exp(Math.fround(-103.27893))));
    expect(Object.is(unaryBoth('tanh', x).got[1], -0)).toBe(true);
  });
});
