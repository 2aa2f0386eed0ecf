import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DTypeError, type Tensor, erf, erfc, tensor } from '@gd/tensor';
import { type Encoded, decode, flat } from '../helpers';

interface Case {
  x: Encoded;
  erf: Encoded;
  erfc: Encoded;
}
/** Golden values written by test/fixtures/gen_erf.py (torch 1.13). */
const golden: { float64: Case; float32: Case; int32: { x: number[]; erf: number[] } } = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'erf.json'), 'utf8'),
);

/**
 * Largest deviation from PyTorch in units of `rel`·|want| + `abs` (≤ 1 passes); NaN must match
 * NaN and infinities exactly. `abs` covers subnormal results, which carry fewer digits.
 */
function worst(got: Tensor, want: Encoded, rel: number, abs: number): number {
  const g = flat(got.toArray());
  const w = flat(decode(want));
  expect(g.length).toBe(w.length);
  let m = 0;
  for (let i = 0; i < w.length; i++) {
    if (Number.isNaN(w[i])) expect(g[i], `element ${i}`).toBeNaN();
    else m = Math.max(m, Math.abs(g[i] - w[i]) / (rel * Math.abs(w[i]) + abs));
  }
  return m;
}

describe('erf / erfc match PyTorch', () => {
  it('float64: within 1e-15 relative everywhere (subnormal erfc tail within 1e-320)', () => {
    const x = tensor(decode(golden.float64.x), { dtype: 'float64' });
    const e = erf(x);
    const c = erfc(x);
    expect(e.dtype).toBe('float64');
    expect(c.dtype).toBe('float64');
    expect(worst(e, golden.float64.erf, 1e-15, 1e-320)).toBeLessThanOrEqual(1);
    expect(worst(c, golden.float64.erfc, 1e-15, 1e-320)).toBeLessThanOrEqual(1);
  });

  it('float32: within one float32 rounding', () => {
    const x = tensor(decode(golden.float32.x), { dtype: 'float32' });
    const e = erf(x);
    const c = erfc(x);
    expect(e.dtype).toBe('float32');
    expect(c.dtype).toBe('float32');
    expect(worst(e, golden.float32.erf, 2.4e-7, 3e-45)).toBeLessThanOrEqual(1);
    expect(worst(c, golden.float32.erfc, 2.4e-7, 3e-45)).toBeLessThanOrEqual(1);
  });

  it('int32 gives float32, as torch.erf', () => {
    const y = erf(tensor(golden.int32.x, { dtype: 'int32' }));
    expect(y.dtype).toBe('float32');
    expect(worst(y, golden.int32.erf, 1.2e-7, 1e-45)).toBeLessThanOrEqual(1);
    expect(erf(tensor([true, false], { dtype: 'bool' })).dtype).toBe('float32');
  });
});

describe('erf / erfc identities', () => {
  const f64 = (v: number) => tensor([v], { dtype: 'float64' });
  it('erf is odd, erfc(x) + erfc(−x) = 2, erf + erfc = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (v) => {
        expect(erf(f64(-v)).item()).toBe(-erf(f64(v)).item());
        expect(erfc(f64(v)).item() + erfc(f64(-v)).item()).toBeCloseTo(2, 14);
        expect(erf(f64(v)).item() + erfc(f64(v)).item()).toBeCloseTo(1, 14);
      }),
    );
  });

  it('is the antiderivative of (2/√π)e^{−x²}: a central difference agrees', () => {
    for (const v of [-3, -0.47, 0, 0.3, 0.46875, 1.2, 4, 5.5]) {
      const h = 1e-5;
      const d = (erf(f64(v + h)).item() - erf(f64(v - h)).item()) / (2 * h);
      expect(d).toBeCloseTo((2 / Math.sqrt(Math.PI)) * Math.exp(-v * v), 9);
    }
  });

  it('handles the special values and the far tail', () => {
    const x = tensor([0, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN], {
      dtype: 'float64',
    });
    const e = erf(x).toArray() as number[];
    expect(e.slice(0, 4)).toEqual([0, -0, 1, -1]);
    expect(e[4]).toBeNaN();
    const c = erfc(x).toArray() as number[];
    expect(c.slice(0, 4)).toEqual([1, 1, 0, 2]);
    expect(c[4]).toBeNaN();
    // 1 − erf(10) is 0 in float64; erfc keeps the tail.
    expect(1 - erf(f64(10)).item()).toBe(0);
    expect(erfc(f64(10)).item()).toBeGreaterThan(2e-45);
  });
});

describe('erf / erfc forms and errors', () => {
  it('has method forms, keeps the shape and accepts a number', () => {
    const x = tensor(
      [
        [0.5, -1],
        [2, 3],
      ],
      { dtype: 'float64' },
    );
    expect(x.erf().shape).toEqual([2, 2]);
    expect(x.erf().toArray()).toEqual(erf(x).toArray());
    expect(x.erfc().toArray()).toEqual(erfc(x).toArray());
    const s = erf(1);
    expect(s.dtype).toBe('float32');
    expect(s.ndim).toBe(0);
    expect(s.item()).toBeCloseTo(0.8427007929497149, 6);
  });

  it('rejects a non-tensor input with a typed error', () => {
    expect(() => erf('1' as unknown as number)).toThrow(/erf/);
    expect(() => erfc([1] as unknown as number)).toThrow(/erfc/);
  });

  it('keeps the error type of the shared input check', () => {
    let err: unknown;
    try {
      erf({} as unknown as number);
    } catch (e) {
      err = e;
    }
    expect(err instanceof TypeError || err instanceof DTypeError).toBe(true);
  });
});
