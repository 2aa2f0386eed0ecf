import { describe, expect, it } from 'vitest';
import { makeMoons } from '../../src/synthetic/moons';

describe('makeMoons', () => {
  it('puts ⌊n/2⌋ points on the unit upper half circle (label 0) and the rest on the shifted lower one', () => {
    const [X, y] = makeMoons({ nSamples: 101, shuffle: false, dtype: 'float64' });
    expect(X.shape).toEqual([101, 2]);
    let zeros = 0;
    for (let i = 0; i < 101; i++) {
      const [a, b] = [X.data[2 * i], X.data[2 * i + 1]];
      if (y.data[i] === 0) {
        zeros++;
        expect(Math.hypot(a, b)).toBeCloseTo(1, 12);
        expect(b).toBeGreaterThanOrEqual(-1e-12);
      } else {
        expect(Math.hypot(a - 1, b - 0.5)).toBeCloseTo(1, 12);
        expect(b).toBeLessThanOrEqual(0.5 + 1e-12);
      }
    }
    expect(zeros).toBe(50);
  });

  it('adds noise reproducibly by seed and shuffles by default', () => {
    const [a, ya] = makeMoons({ noise: 0.1, seed: 3 });
    const [b] = makeMoons({ noise: 0.1, seed: 3 });
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    expect(
      Array.from(ya.data)
        .slice(0, 50)
        .every((c) => c === 0),
    ).toBe(false);
    expect(() => makeMoons({ nSamples: 1 })).toThrow(RangeError);
    expect(() => makeMoons({ noise: -0.1 })).toThrow(/noise must be a finite number ≥ 0/);
  });
});
