import { describe, expect, it } from 'vitest';
import { CURVES, makeCurve } from '../../src/synthetic/curve';

describe('makeCurve', () => {
  it('samples sorted x in the curve range with y = f(x) exactly when noise = 0', () => {
    const [x, y] = makeCurve({ curve: 'xcos', noise: 0, nSamples: 30, seed: 0, dtype: 'float64' });
    expect(x.shape).toEqual([30, 1]);
    for (let i = 0; i < 30; i++) {
      expect(x.data[i]).toBeGreaterThanOrEqual(0.5);
      expect(x.data[i]).toBeLessThan(1.5);
      if (i > 0) expect(x.data[i]).toBeGreaterThanOrEqual(x.data[i - 1]);
      expect(y.data[i]).toBe(x.data[i] * Math.cos(Math.PI * x.data[i]));
    }
  });

  it("d2l's bumpy empirical risk is f + 0.2·cos(5πx); grid sampling includes both ends", () => {
    const [x, y] = makeCurve({
      curve: 'xcosBumpy',
      noise: 0,
      sampling: 'grid',
      nSamples: 11,
      dtype: 'float64',
    });
    expect(x.data[0]).toBe(0.5);
    expect(x.data[10]).toBe(1.5);
    expect(y.data[5]).toBeCloseTo(CURVES.xcos.f(1) + 0.2 * Math.cos(5 * Math.PI), 14);
  });

  it('accepts a function and range; noise has the requested spread; validates', () => {
    const [x, y] = makeCurve({
      curve: (v) => 3 * v,
      range: [-2, 2],
      noise: 0.3,
      nSamples: 4000,
      seed: 1,
      dtype: 'float64',
    });
    let ss = 0;
    for (let i = 0; i < 4000; i++) ss += (y.data[i] - 3 * x.data[i]) ** 2;
    expect(Math.sqrt(ss / 4000)).toBeCloseTo(0.3, 1);
    expect(() => makeCurve({ curve: 'nope' as 'sin' })).toThrow(/unknown curve 'nope'/);
    expect(() => makeCurve({ range: [1, 1] })).toThrow(RangeError);
    expect(() => makeCurve({ sampling: 'random' as 'grid' })).toThrow(RangeError);
  });
});
