import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { luFactor, luSolve } from '../../src/linalg/lu';
import { matmulF, squareMatrix } from './helpers';

describe('luFactor / luSolve', () => {
  it('factor P·A = L·U with |L| ≤ 1 below a unit diagonal (property)', () => {
    fc.assert(
      fc.property(squareMatrix, ({ n, xs }) => {
        const f = luFactor(Float64Array.from(xs), n);
        const l = new Float64Array(n * n);
        const u = new Float64Array(n * n);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            if (j < i) l[i * n + j] = f.lu[i * n + j];
            else u[i * n + j] = f.lu[i * n + j];
            if (i === j) l[i * n + j] = 1;
          }
        const lu = matmulF(l, u, n);
        let sign = 1;
        const seen = new Set<number>();
        for (let i = 0; i < n; i++) {
          seen.add(f.perm[i]);
          for (let j = 0; j < n; j++) {
            expect(Math.abs(lu[i * n + j] - xs[f.perm[i] * n + j])).toBeLessThan(1e-12 * 10 * n);
            if (j < i) expect(Math.abs(l[i * n + j])).toBeLessThanOrEqual(1);
          }
        }
        expect(seen.size).toBe(n);
        // The recorded sign is the parity of the permutation.
        const p = Array.from(f.perm);
        for (let i = 0; i < n; i++)
          while (p[i] !== i) {
            const t = p[p[i]];
            p[p[i]] = p[i];
            p[i] = t;
            sign = -sign;
          }
        expect(f.sign).toBe(sign);
      }),
      { numRuns: 200 },
    );
  });

  it('pick the first row of largest magnitude as pivot, as LAPACK getrf', () => {
    // |1| = |−1|: the tie keeps the first row.
    const tie = luFactor(Float64Array.from([1, 2, -1, 5]), 2);
    expect(Array.from(tie.perm)).toEqual([0, 1]);
    expect(tie.sign).toBe(1);
    const swap = luFactor(Float64Array.from([1, 2, -3, 5]), 2);
    expect(Array.from(swap.perm)).toEqual([1, 0]);
    expect(swap.sign).toBe(-1);
  });

  it('flag an exactly zero pivot as singular and solve non-singular systems', () => {
    expect(luFactor(Float64Array.from([1, 2, 2, 4]), 2).singular).toBe(true);
    const f = luFactor(Float64Array.from([0, 2, 3, 1]), 2);
    expect(f.singular).toBe(false);
    const x = new Float64Array(2);
    luSolve(f, 2, [4, 5], 0, 1, x);
    expect(Array.from(x)).toEqual([1, 2]);
  });
});
