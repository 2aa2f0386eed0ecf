import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinAlgError, ShapeError, inv, tensor, zeros } from '@gd/tensor';
import { expectClose, f64, golden, matmulF, squareMatrix } from './helpers';

describe('inv', () => {
  it(`matches torch.linalg.inv (torch ${golden.torch})`, () => {
    for (const c of golden.inv) {
      // The Hilbert matrix has condition number ~5e5: allow for it.
      expectClose(inv(f64(c.a)), c.inv, c.name.startsWith('hilbert') ? 1e-9 : 1e-12, c.name);
    }
  });

  it('gives A·inv(A) = inv(A)·A = I for diagonally dominant A (property)', () => {
    fc.assert(
      fc.property(squareMatrix, ({ n, xs }) => {
        const a = xs.map((v, k) => (k % (n + 1) === 0 ? v + (v >= 0 ? 1 : -1) * 60 * n : v));
        const ai = Array.from(
          inv(tensor(a, { dtype: 'float64' }).reshape([n, n])).data as ArrayLike<number>,
        );
        const left = matmulF(a, ai, n);
        const right = matmulF(ai, a, n);
        for (let k = 0; k < n * n; k++) {
          const id = k % (n + 1) === 0 ? 1 : 0;
          expect(Math.abs(left[k] - id)).toBeLessThan(1e-13);
          expect(Math.abs(right[k] - id)).toBeLessThan(1e-13);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses singular, non-square and integer matrices with typed errors', () => {
    expect(() =>
      inv(
        f64([
          [1, 2],
          [2, 4],
        ]),
      ),
    ).toThrow(LinAlgError);
    expect(() =>
      inv(
        f64([
          [0, 0],
          [0, 0],
        ]),
      ),
    ).toThrow(/inv: the matrix is singular/);
    expect(() => inv(zeros([2, 3]))).toThrow(ShapeError);
    expect(() => inv(tensor([[1]], { dtype: 'int32' }))).toThrow(/inv: expected a float32/);
  });

  it('keeps float32 and batches', () => {
    const r = inv(tensor([[[2]], [[4]]]));
    expect(r.dtype).toBe('float32');
    expect(r.toArray()).toEqual([[[0.5]], [[0.25]]]);
  });
});
