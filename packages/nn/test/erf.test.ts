import { describe, expect, it } from 'vitest';
import { erf, erfc, normalCdf } from '../src/erf';

describe('erf', () => {
  it('agrees with known values to double precision', () => {
    // reference values from Python's math.erf / math.erfc
    expect(erf(0)).toBe(0);
    expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 15);
    expect(erf(1)).toBeCloseTo(0.8427007929497149, 15);
    expect(erf(-1.5)).toBeCloseTo(-0.9661051464753108, 15);
    expect(erf(3)).toBeCloseTo(0.9999779095030014, 15);
    expect(erfc(5) / 1.5374597944280351e-12).toBeCloseTo(1, 12);
    expect(erfc(-1)).toBeCloseTo(1.842700792949715, 15);
    expect(erfc(10) / 2.088487583762545e-45).toBeCloseTo(1, 12);
  });

  it('is odd, bounded and continuous across the series/fraction switch at 2', () => {
    for (const z of [0.1, 0.9, 1.99, 2, 2.01, 4, 7]) {
      expect(erf(-z)).toBe(-erf(z));
      expect(Math.abs(erf(z))).toBeLessThanOrEqual(1);
    }
    expect(Math.abs(erf(2 - 1e-12) - erf(2))).toBeLessThan(1e-13);
    expect(Number.isNaN(erf(Number.NaN))).toBe(true);
  });

  it('normalCdf is Φ', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-10) / 7.619853024160593e-24).toBeCloseTo(1, 10);
  });
});
