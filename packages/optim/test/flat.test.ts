import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dot, maxAbs, sumAbs } from '../src/flat';

describe('flat vector helpers', () => {
  it('compute dot, max |x| and Σ|x| left to right', () => {
    const a = Float64Array.from([1, -2, 3]);
    const b = Float64Array.from([4, 5, -6]);
    expect(dot(a, b)).toBe(4 - 10 - 18);
    expect(maxAbs(b)).toBe(6);
    expect(sumAbs(b)).toBe(15);
    expect(Number.isNaN(maxAbs(Float64Array.from([1, Number.NaN, 2])))).toBe(true);
  });

  it('dot(x, x) equals Σx² and maxAbs bounds every element', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1 }),
        (xs) => {
          const x = Float64Array.from(xs);
          let s = 0;
          for (const v of xs) s += v * v;
          expect(dot(x, x)).toBe(s);
          for (const v of xs) expect(Math.abs(v)).toBeLessThanOrEqual(maxAbs(x));
        },
      ),
    );
  });
});
