import { describe, expect, it } from 'vitest';
import { makeCircles } from '../../src/synthetic/circles';

describe('makeCircles', () => {
  it('puts label 0 on the unit circle and label 1 on a circle of radius factor', () => {
    const [X, y] = makeCircles({ nSamples: 40, factor: 0.5, shuffle: false, dtype: 'float64' });
    for (let i = 0; i < 40; i++) {
      const r = Math.hypot(X.data[2 * i], X.data[2 * i + 1]);
      expect(r).toBeCloseTo(y.data[i] === 0 ? 1 : 0.5, 12);
    }
    // θ from linspace(0, 2π, 20, endpoint=False): the second point is at 2π/20
    expect(X.data[2]).toBeCloseTo(Math.cos(Math.PI / 10), 14);
  });

  it('is reproducible with noise and rejects a factor outside [0, 1)', () => {
    const a = makeCircles({ noise: 0.05, seed: 1 })[0].data;
    expect(Array.from(makeCircles({ noise: 0.05, seed: 1 })[0].data)).toEqual(Array.from(a));
    expect(() => makeCircles({ factor: 1 })).toThrow(/factor must be in \[0, 1\)/);
  });
});
