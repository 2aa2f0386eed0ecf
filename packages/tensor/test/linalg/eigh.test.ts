import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShapeError, eigh, eigvalsh, tensor, zeros } from '@gd/tensor';
import { expectClose, f64, flat, golden, matmulF, squareMatrix } from './helpers';

describe('eigh / eigvalsh', () => {
  it(`match torch.linalg.eigh: values, and vectors up to sign (torch ${golden.torch})`, () => {
    for (const c of golden.eigh) {
      const a = f64(c.a);
      const [values, vectors] = eigh(a, { uplo: c.uplo });
      expectClose(values, c.values, 1e-13, `${c.name} values`);
      expectClose(eigvalsh(a, { uplo: c.uplo }), c.values, 1e-13, `${c.name} eigvalsh`);
      expect(vectors.shape).toEqual(a.shape);
      // Columns equal torch's up to a sign each: |Σᵢ v_i w_i| = 1 for unit vectors.
      const n = a.shape[a.shape.length - 1];
      const got = Array.from(vectors.data as ArrayLike<number>);
      const want = flat(c.vectors);
      for (let m = 0; m < got.length / (n * n); m++) {
        for (let col = 0; col < n; col++) {
          let dot = 0;
          for (let r = 0; r < n; r++)
            dot += got[m * n * n + r * n + col] * want[m * n * n + r * n + col];
          expect(Math.abs(Math.abs(dot) - 1), `${c.name} matrix ${m} column ${col}`).toBeLessThan(
            1e-10,
          );
        }
      }
    }
  });

  it('give repeated eigenvalues exactly, as torch.linalg.eigvalsh', () => {
    for (const c of golden.eigvalsh) expectClose(eigvalsh(f64(c.a)), c.values, 1e-14, c.name);
  });

  it('reconstruct A = V diag(λ) Vᵀ with orthonormal V, ascending λ (property)', () => {
    fc.assert(
      fc.property(squareMatrix, ({ n, xs }) => {
        const s = xs.map((_, k) => (xs[k] + xs[(k % n) * n + Math.floor(k / n)]) / 2);
        const a = tensor(s, { dtype: 'float64' }).reshape([n, n]);
        const [lam, vec] = eigh(a);
        const l = Array.from(lam.data as ArrayLike<number>);
        const v = Array.from(vec.data as ArrayLike<number>);
        for (let i = 1; i < n; i++) expect(l[i]).toBeGreaterThanOrEqual(l[i - 1]);
        const vd = v.map((x, k) => x * l[k % n]);
        const vt = v.map((_, k) => v[(k % n) * n + Math.floor(k / n)]);
        const back = matmulF(vd, vt, n);
        const vtv = matmulF(vt, v, n);
        for (let k = 0; k < n * n; k++) {
          expect(Math.abs(back[k] - s[k])).toBeLessThan(1e-12 * 10 * n);
          expect(Math.abs(vtv[k] - (k % (n + 1) === 0 ? 1 : 0))).toBeLessThan(1e-13 * n);
        }
        // Sign convention: each column's entry of largest magnitude is positive.
        for (let c = 0; c < n; c++) {
          let big = 0;
          for (let r = 1; r < n; r++)
            if (Math.abs(v[r * n + c]) > Math.abs(v[big * n + c])) big = r;
          expect(v[big * n + c]).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('read only the chosen triangle', () => {
    const lower = f64([
      [2, 99],
      [1, 2],
    ]);
    expect(eigvalsh(lower).toArray()).toEqual([1, 3]);
    expect(eigvalsh(lower, { uplo: 'U' }).toArray()).toEqual([-97, 101]);
  });

  it('keep the dtype and handle float32 and empty batches', () => {
    const [l, v] = eigh(
      tensor([
        [2, 1],
        [1, 2],
      ]),
    );
    expect(l.dtype).toBe('float32');
    expect(v.dtype).toBe('float32');
    expect(Array.from(l.data as ArrayLike<number>)).toEqual([1, 3]);
    expect(eigvalsh(zeros([0, 3, 3], { dtype: 'float64' })).shape).toEqual([0, 3]);
  });

  it('return NaN for non-finite input instead of looping', () => {
    const [l, v] = eigh(
      f64([
        [1, Number.NaN],
        [Number.NaN, 1],
      ]),
    );
    expect(Array.from(l.data as ArrayLike<number>).every(Number.isNaN)).toBe(true);
    expect(Array.from(v.data as ArrayLike<number>).every(Number.isNaN)).toBe(true);
  });

  it('refuse non-square, integer and non-tensor input with typed errors', () => {
    expect(() => eigh(zeros([2, 3]))).toThrow(ShapeError);
    expect(() => eigvalsh(zeros([3]))).toThrow(/eigvalsh: expected a square matrix/);
    expect(() => eigh(tensor([[1]], { dtype: 'int32' }))).toThrow(
      /eigh: expected a float32 or float64/,
    );
    expect(() => eigh([[1]] as never)).toThrow(/eigh: expected a Tensor matrix, got a plain array/);
    expect(() => eigh(zeros([2, 2]), { uplo: 'X' as 'L' })).toThrow(/uplo must be 'L' or 'U'/);
  });
});
