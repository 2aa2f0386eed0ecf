import { describe, expect, it } from 'vitest';
import { makeXor, xorTable } from '../../src/synthetic/xor';

describe('makeXor / xorTable', () => {
  it('labels a point 1 exactly when its coordinates have opposite signs', () => {
    const [X, y] = makeXor({ nSamples: 500, seed: 0, dtype: 'float64' });
    expect(X.shape).toEqual([500, 2]);
    let ones = 0;
    for (let i = 0; i < 500; i++) {
      const [a, b] = [X.data[2 * i], X.data[2 * i + 1]];
      expect(Math.abs(a) <= 1 && Math.abs(b) <= 1).toBe(true);
      expect(y.data[i]).toBe(a * b < 0 ? 1 : 0);
      ones += y.data[i];
    }
    expect(ones).toBeGreaterThan(200);
    expect(ones).toBeLessThan(300);
  });

  it('is reproducible; the truth table is 00→0, 01→1, 10→1, 11→0', () => {
    expect(Array.from(makeXor({ seed: 2, noise: 0.1 })[0].data)).toEqual(
      Array.from(makeXor({ seed: 2, noise: 0.1 })[0].data),
    );
    const [X, y] = xorTable();
    expect(X.toArray()).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(Array.from(y.data)).toEqual([0, 1, 1, 0]);
  });
});
