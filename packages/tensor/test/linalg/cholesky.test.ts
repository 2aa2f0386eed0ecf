import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinAlgError, ShapeError, cholesky, tensor, zeros } from '@gd/tensor';
import { expectClose, f64, golden, matmulF, squareMatrix } from './helpers';

describe('cholesky', () => {
  it(`matches torch.linalg.cholesky, upper=True included (torch ${golden.torch})`, () => {
    for (const c of golden.cholesky) {
      expectClose(cholesky(f64(c.a), { upper: c.upper }), c.l, 1e-13, c.name);
    }
  });

  it('gives a lower-triangular L with a positive diagonal and L·Lᵀ = A (property)', () => {
    fc.assert(
      fc.property(squareMatrix, ({ n, xs }) => {
        // A = XXᵀ + nI is symmetric positive-definite.
        const xt = xs.map((_, k) => xs[(k % n) * n + Math.floor(k / n)]);
        const a = matmulF(xs, xt, n).map((v, k) => (k % (n + 1) === 0 ? v + n : v));
        const l = Array.from(
          cholesky(tensor(a, { dtype: 'float64' }).reshape([n, n])).data as ArrayLike<number>,
        );
        const lt = l.map((_, k) => l[(k % n) * n + Math.floor(k / n)]);
        const back = matmulF(l, lt, n);
        for (let i = 0; i < n; i++) {
          expect(l[i * n + i]).toBeGreaterThan(0);
          for (let j = i + 1; j < n; j++) expect(l[i * n + j]).toBe(0);
        }
        for (let k = 0; k < n * n; k++) {
          expect(Math.abs(back[k] - a[k])).toBeLessThan(1e-12 * Math.max(1, Math.abs(a[k])) * 100);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reads only the lower triangle', () => {
    expect(
      cholesky(
        f64([
          [4, 1000],
          [2, 5],
        ]),
      ).toArray(),
    ).toEqual([
      [2, 0],
      [1, 2],
    ]);
  });

  it('refuses matrices that are not positive-definite, naming the leading minor', () => {
    expect(() =>
      cholesky(
        f64([
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toThrow(LinAlgError);
    expect(() =>
      cholesky(
        f64([
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toThrow(/leading minor of order 2/);
    expect(() => cholesky(f64([[[1]], [[-1]]]))).toThrow(/\(batch index \[1\]\).*order 1/);
    expect(() => cholesky(f64([[Number.NaN]]))).toThrow(LinAlgError);
    expect(() => cholesky(zeros([2, 3]))).toThrow(ShapeError);
    expect(() => cholesky(f64([[1]]), { upper: 'yes' as never })).toThrow(
      /upper must be a boolean/,
    );
  });
});
