import { describe, expect, it } from 'vitest';
import { makeSpirals } from '../../src/synthetic/spirals';

describe('makeSpirals (cs231n)', () => {
  it('gives N·K points grouped by class with radius i/(N−1)', () => {
    const [X, y] = makeSpirals({ seed: 0, dtype: 'float64' });
    expect(X.shape).toEqual([300, 2]);
    expect(y.dtype).toBe('int32');
    for (let j = 0; j < 3; j++) {
      for (let i = 0; i < 100; i++) {
        const row = j * 100 + i;
        expect(y.data[row]).toBe(j);
        expect(Math.hypot(X.data[2 * row], X.data[2 * row + 1])).toBeCloseTo(i / 99, 12);
      }
    }
  });

  it('without noise the angle is exactly 4j + 4i/(N−1): (r sin t, r cos t)', () => {
    const [X] = makeSpirals({ nPerClass: 5, numClasses: 2, noise: 0, dtype: 'float64' });
    const row = 5 + 3; // class 1, i = 3
    const t = 4 + 3;
    expect(X.data[2 * row]).toBeCloseTo(0.75 * Math.sin(t), 14);
    expect(X.data[2 * row + 1]).toBeCloseTo(0.75 * Math.cos(t), 14);
  });

  it('is reproducible by seed, shuffles on request, and validates', () => {
    const a = makeSpirals({ seed: 4 })[0].data;
    expect(Array.from(makeSpirals({ seed: 4 })[0].data)).toEqual(Array.from(a));
    expect(Array.from(makeSpirals({ seed: 5 })[0].data)).not.toEqual(Array.from(a));
    const [, ys] = makeSpirals({ seed: 4, shuffle: true });
    expect(
      Array.from(ys.data)
        .slice(0, 100)
        .every((c) => c === 0),
    ).toBe(false);
    expect(() => makeSpirals({ numClasses: 0 })).toThrow(/numClasses must be an integer ≥ 1/);
  });

  it('still accepts the deprecated nClasses, but not together with numClasses', () => {
    const [Xn, yn] = makeSpirals({ seed: 1, nClasses: 4, nPerClass: 3 });
    const [Xk, yk] = makeSpirals({ seed: 1, numClasses: 4, nPerClass: 3 });
    expect(yn.shape).toEqual([12]);
    expect(Array.from(Xn.data)).toEqual(Array.from(Xk.data));
    expect(Array.from(yn.data)).toEqual(Array.from(yk.data));
    expect(() => makeSpirals({ nClasses: 0 })).toThrow(/nClasses must be an integer ≥ 1/);
    expect(() => makeSpirals({ numClasses: 2, nClasses: 2 })).toThrow(
      /makeSpirals: give numClasses only/,
    );
  });
});
