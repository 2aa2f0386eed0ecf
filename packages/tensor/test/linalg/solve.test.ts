import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinAlgError, ShapeError, solve, tensor, zeros } from '@gd/tensor';
import { expectClose, f64, golden, matmulF, squareMatrix } from './helpers';

describe('solve', () => {
  it(`matches torch.linalg.solve, vector and batched cases included (torch ${golden.torch})`, () => {
    for (const c of golden.solve) {
      const x = solve(f64(c.a), f64(c.b));
      const want = f64(c.x);
      expect(x.shape, c.name).toEqual(want.shape);
      expectClose(x, c.x, 1e-12, c.name);
    }
  });

  it('satisfies A·X = B for diagonally dominant A (property)', () => {
    fc.assert(
      fc.property(squareMatrix, fc.integer({ min: 1, max: 3 }), ({ n, xs }, m) => {
        const a = xs.map((v, k) => (k % (n + 1) === 0 ? v + (v >= 0 ? 1 : -1) * 60 * n : v));
        const b = Array.from({ length: n * m }, (_, k) => Math.cos(k + xs[0]));
        const x = solve(
          tensor(a, { dtype: 'float64' }).reshape([n, n]),
          tensor(b, { dtype: 'float64' }).reshape([n, m]),
        );
        const back = matmulF(a, x.data, n, m);
        for (let k = 0; k < n * m; k++) expect(Math.abs(back[k] - b[k])).toBeLessThan(1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('promotes float dtypes and keeps float32 for float32 inputs', () => {
    const a32 = tensor([
      [2, 0],
      [0, 4],
    ]);
    expect(solve(a32, tensor([2, 2])).dtype).toBe('float32');
    expect(solve(a32, f64([2, 2])).dtype).toBe('float64');
    expect(solve(a32, tensor([2, 2])).toArray()).toEqual([1, 0.5]);
  });

  it('refuses singular matrices with a LinAlgError naming the batch index', () => {
    const a = f64([
      [
        [1, 0],
        [0, 1],
      ],
      [
        [1, 2],
        [2, 4],
      ],
    ]);
    expect(() => solve(a, f64([1, 1]))).toThrow(LinAlgError);
    expect(() => solve(a, f64([1, 1]))).toThrow(
      /solve: matrix A \(batch index \[1\]\) is singular/,
    );
  });

  it('refuses mismatched shapes and wrong types with typed errors', () => {
    const a = zeros([3, 3], { dtype: 'float64' });
    expect(() => solve(a, zeros([2], { dtype: 'float64' }))).toThrow(ShapeError);
    expect(() => solve(a, zeros([2, 3], { dtype: 'float64' }))).toThrow(
      /solve: A is \[3, 3\] but B is \[2, 3\]/,
    );
    expect(() => solve(zeros([3, 2]), zeros([3]))).toThrow(/square matrix A/);
    expect(() => solve(a, [1, 2, 3] as never)).toThrow(/solve: expected a Tensor right-hand side/);
    expect(() => solve(a, tensor([1, 2, 3], { dtype: 'int32' }))).toThrow(
      /float64 right-hand side/,
    );
  });
});
