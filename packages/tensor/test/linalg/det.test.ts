import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShapeError, det, tensor, zeros } from '@gd/tensor';
import { expectClose, f64, golden, matmulF, squareMatrix } from './helpers';

describe('det', () => {
  it(`matches torch.linalg.det, singular matrices included (torch ${golden.torch})`, () => {
    for (const c of golden.det) {
      const d = det(f64(c.a));
      expect(d.shape, c.name).toEqual(f64(c.a).shape.slice(0, -2));
      expectClose(d, c.det, 1e-12, c.name);
    }
  });

  it('is multiplicative, det(AB) = det(A)·det(B), and det(I) = 1 (property)', () => {
    fc.assert(
      fc.property(squareMatrix, ({ n, xs }) => {
        const b = xs.map((_, k) => Math.sin(k + 1) + (k % (n + 1) === 0 ? 2 : 0));
        const t = (v: number[]) => tensor(v, { dtype: 'float64' }).reshape([n, n]);
        const dab = det(t(matmulF(xs, b, n))).item();
        const want = det(t(xs)).item() * det(t(b)).item();
        expect(Math.abs(dab - want)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(want)) * 10 ** n,
        );
      }),
      { numRuns: 200 },
    );
    expect(
      det(
        f64([
          [1, 0, 0],
          [0, 1, 0],
          [0, 0, 1],
        ]),
      ).item(),
    ).toBe(1);
  });

  it('gives 1 for 0×0 matrices, keeps the dtype, refuses non-square input', () => {
    expect(det(zeros([2, 0, 0], { dtype: 'float64' })).toArray()).toEqual([1, 1]);
    expect(det(tensor([[3]])).dtype).toBe('float32');
    expect(() => det(zeros([2, 3]))).toThrow(ShapeError);
  });
});
