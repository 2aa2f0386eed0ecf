import { describe, expect, it } from 'vitest';
import { syntheticData } from '../../src/synthetic/synthetic-data';

/** Least squares [w, b] for y ≈ X·w + b with two features (normal equations, 3×3). */
function fit(x: ArrayLike<number>, y: ArrayLike<number>, n: number): number[] {
  const a = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const r = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const row = [x[2 * i], x[2 * i + 1], 1];
    for (let p = 0; p < 3; p++) {
      r[p] += row[p] * y[i];
      for (let q = 0; q < 3; q++) a[p][q] += row[p] * row[q];
    }
  }
  for (let p = 0; p < 3; p++) {
    for (let q = p + 1; q < 3; q++) {
      const f = a[q][p] / a[p][p];
      for (let k = p; k < 3; k++) a[q][k] -= f * a[p][k];
      r[q] -= f * r[p];
    }
  }
  const w = [0, 0, 0];
  for (let p = 2; p >= 0; p--) {
    let s = r[p];
    for (let k = p + 1; k < 3; k++) s -= a[p][k] * w[k];
    w[p] = s / a[p][p];
  }
  return w;
}

describe('syntheticData (d2l)', () => {
  it('defaults to w = [2, −3.4], b = 4.2, 1000 examples; least squares recovers them to 1e-3', () => {
    const [X, y] = syntheticData(undefined, undefined, undefined, { seed: 0, dtype: 'float64' });
    expect(X.shape).toEqual([1000, 2]);
    expect(y.shape).toEqual([1000, 1]);
    const [w1, w2, b] = fit(X.data, y.data, 1000);
    expect(Math.abs(w1 - 2)).toBeLessThan(1e-3);
    expect(Math.abs(w2 + 3.4)).toBeLessThan(1e-3);
    expect(Math.abs(b - 4.2)).toBeLessThan(1e-3);
  });

  it('has residuals with standard deviation ≈ noise and none when noise = 0', () => {
    const [X, y] = syntheticData([1, 1], 0, 5000, { seed: 1, noise: 0.5, dtype: 'float64' });
    let ss = 0;
    for (let i = 0; i < 5000; i++) ss += (y.data[i] - X.data[2 * i] - X.data[2 * i + 1]) ** 2;
    expect(Math.sqrt(ss / 5000)).toBeCloseTo(0.5, 1);
    const [X0, y0] = syntheticData([3], -1, 10, { noise: 0, seed: 2 });
    for (let i = 0; i < 10; i++) expect(y0.data[i]).toBe(Math.fround(3 * X0.data[i] - 1));
  });

  it('is reproducible by seed and validates input', () => {
    const a = syntheticData([2, -3.4], 4.2, 20, { seed: 7 })[1].data;
    const b = syntheticData([2, -3.4], 4.2, 20, { seed: 7 })[1].data;
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(() => syntheticData([], 1, 10)).toThrow(TypeError);
    expect(() => syntheticData([1], 1, 0)).toThrow(RangeError);
    expect(() => syntheticData([1], Number.NaN, 3)).toThrow(TypeError);
  });
});
