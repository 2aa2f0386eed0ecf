import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { symmetricEigenvalues } from '../src/eigen';

describe('symmetricEigenvalues', () => {
  it('is exact on diagonal matrices and known 2×2 cases', () => {
    expect(
      symmetricEigenvalues([
        [2, 0],
        [0, -2],
      ]),
    ).toEqual([-2, 2]);
    const [a, b] = symmetricEigenvalues([
      [2, 1],
      [1, 2],
    ]);
    expect(a).toBeCloseTo(1, 14);
    expect(b).toBeCloseTo(3, 14);
  });

  it('preserves trace, Frobenius norm and det, ascending (fast-check, 3×3)', () => {
    const entry = fc.double({ min: -10, max: 10, noNaN: true });
    fc.assert(
      fc.property(fc.tuple(entry, entry, entry, entry, entry, entry), ([a, b, c, d, e, f]) => {
        const m = [
          [a, b, c],
          [b, d, e],
          [c, e, f],
        ];
        const l = symmetricEigenvalues(m);
        expect(l[0]).toBeLessThanOrEqual(l[1]);
        expect(l[1]).toBeLessThanOrEqual(l[2]);
        const tr = a + d + f;
        expect(l[0] + l[1] + l[2]).toBeCloseTo(tr, 8);
        const fro = m.flat().reduce((s, v) => s + v * v, 0);
        expect(l.reduce((s, v) => s + v * v, 0)).toBeCloseTo(fro, 6);
        const det = a * (d * f - e * e) - b * (b * f - e * c) + c * (b * e - d * c);
        expect(l[0] * l[1] * l[2]).toBeCloseTo(det, 4);
      }),
      { numRuns: 200 },
    );
  });
});
