import { describe, expect, it } from 'vitest';
import type { BinaryCode } from '../../src/kernels/backend';
import { jsBackend as k } from '../../src/kernels/js';
import { type Enc, dec, readFixture, ulps } from './golden';

// PyTorch 1.13 goldens (test/fixtures/gen_kernels.py) for the kernel codes softplus, atan2, hypot
// and logaddexp, on float64 and float32 arrays, edge values included. Float32 inputs are the
// float64 ones rounded to float32, as torch.tensor(..., dtype=float32) rounds them.

type PerDtype = { float64: Enc[]; float32: Enc[] };
interface Fixture {
  torch: string;
  relu: { x: Enc[] } & PerDtype;
  softplus: { x: Enc[] } & PerDtype;
  atan2: { a: Enc[]; b: Enc[] } & PerDtype;
  hypot: { a: Enc[]; b: Enc[] } & PerDtype;
  logaddexp: { a: Enc[]; b: Enc[] } & PerDtype;
}
const fx = readFixture<Fixture>('kernels.json');

const CTORS = { float64: Float64Array, float32: Float32Array } as const;
type Dt = keyof typeof CTORS;
/** Allowed ulps: libm and V8 may differ by an ulp or two; float32 results round once. */
const TOL: Record<Dt, number> = { float64: 4, float32: 2 };

function expectUlps(got: ArrayLike<number>, want: Enc[], dt: Dt, label: string): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const w = dec(want[i]);
    const d = ulps(got[i], w, dt);
    if (d > TOL[dt]) throw new Error(`${label}[${i}]: got ${got[i]}, torch ${w} (${d} ulps)`);
  }
}

describe('js kernels against PyTorch goldens', () => {
  it(`relu matches torch.relu bit for bit: −0 and NaN pass through, −∞ gives 0 (torch ${fx.torch})`, () => {
    for (const dt of ['float64', 'float32'] as const) {
      const x = CTORS[dt].from(fx.relu.x.map(dec));
      const out = new CTORS[dt](x.length);
      k.unary('relu', x, out);
      fx.relu[dt].map(dec).forEach((w, i) => {
        expect(Object.is(out[i], w), `relu ${dt}(${x[i]}) = ${out[i]}, torch ${w}`).toBe(true);
      });
    }
  });

  it(`softplus matches torch.nn.functional.softplus (torch ${fx.torch})`, () => {
    for (const dt of ['float64', 'float32'] as const) {
      const x = CTORS[dt].from(fx.softplus.x.map(dec));
      const out = new CTORS[dt](x.length);
      k.unary('softplus', x, out);
      expectUlps(out, fx.softplus[dt], dt, `softplus ${dt}`);
    }
  });

  for (const code of ['atan2', 'hypot', 'logaddexp'] as const satisfies readonly BinaryCode[]) {
    it(`${code} matches torch.${code} elementwise and with a scalar on either side`, () => {
      const g = fx[code];
      for (const dt of ['float64', 'float32'] as const) {
        const a = CTORS[dt].from(g.a.map(dec));
        const b = CTORS[dt].from(g.b.map(dec));
        const out = new CTORS[dt](a.length);
        k.binary(code, a, b, out);
        expectUlps(out, g[dt], dt, `${code} ${dt}`);
        // The scalar forms must agree with the array form, value by value (both sides).
        const one = new CTORS[dt](1);
        for (let i = 0; i < a.length; i++) {
          k.binaryScalar(code, a.subarray(i, i + 1), b[i], one, false);
          expect(ulps(one[0], out[i], dt), `${code}(a, s) ${i}`).toBe(0);
          k.binaryScalar(code, b.subarray(i, i + 1), a[i], one, true);
          expect(ulps(one[0], out[i], dt), `${code}(s, b) ${i}`).toBe(0);
        }
      }
    });
  }

  it('logaddexp keeps the PyTorch special cases (equal infinities, NaN)', () => {
    const a = Float64Array.from([Infinity, -Infinity, Infinity, Number.NaN, 1e308]);
    const b = Float64Array.from([Infinity, -Infinity, -Infinity, -Infinity, 1e308]);
    const out = new Float64Array(a.length);
    k.binary('logaddexp', a, b, out);
    expect(out[0]).toBe(Infinity);
    expect(out[1]).toBe(-Infinity);
    expect(out[2]).toBe(Infinity);
    expect(out[3]).toBeNaN();
    expect(out[4]).toBeCloseTo(1e308 + Math.LN2, -300);
    expect(Number.isFinite(out[4])).toBe(true);
  });
});
