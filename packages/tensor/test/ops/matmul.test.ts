import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ShapeError, type Tensor, dot, matmul, tensor } from '@gd/tensor';
import { prodOf, unravel } from '../helpers';

function filled(shape: number[], seed: number): Tensor {
  return tensor(
    Float64Array.from(
      { length: prodOf(shape) },
      (_, i) => (((i + 3) * 31 + seed * 7) % 19) / 4 - 2,
    ),
    { shape, dtype: 'float64' },
  );
}

/** Naive reference for 2-D-or-more operands: C[b, i, j] = Σ_p A[b', i, p]·B[b'', p, j] with broadcast batches. */
function naiveMatmul(
  a: Tensor,
  b: Tensor,
  ta: boolean,
  tb: boolean,
): { shape: number[]; data: number[] } {
  const A = (bi: number[], i: number, p: number) => {
    const sh = a.shape;
    const nb = sh.length - 2;
    const idx = bi.slice(bi.length - nb).map((v, d) => (sh[d] === 1 ? 0 : v));
    const [r, c] = ta ? [p, i] : [i, p];
    let off = 0;
    for (let d = 0; d < nb; d++) off = off * sh[d] + idx[d];
    return a.data[(off * sh[nb] + r) * sh[nb + 1] + c];
  };
  const B = (bi: number[], p: number, j: number) => {
    const sh = b.shape;
    const nb = sh.length - 2;
    const idx = bi.slice(bi.length - nb).map((v, d) => (sh[d] === 1 ? 0 : v));
    const [r, c] = tb ? [j, p] : [p, j];
    let off = 0;
    for (let d = 0; d < nb; d++) off = off * sh[d] + idx[d];
    return b.data[(off * sh[nb] + r) * sh[nb + 1] + c];
  };
  const m = ta ? a.shape[a.ndim - 1] : a.shape[a.ndim - 2];
  const k = ta ? a.shape[a.ndim - 2] : a.shape[a.ndim - 1];
  const n = tb ? b.shape[b.ndim - 2] : b.shape[b.ndim - 1];
  const ba = a.shape.slice(0, -2);
  const bb = b.shape.slice(0, -2);
  const nbat = Math.max(ba.length, bb.length);
  const pa = [...Array(nbat - ba.length).fill(1), ...ba];
  const pb = [...Array(nbat - bb.length).fill(1), ...bb];
  const batch = pa.map((d, i) => Math.max(d, pb[i]));
  const data: number[] = [];
  for (let q = 0; q < prodOf(batch); q++) {
    const bi = unravel(q, batch);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += A(bi, i, p) * B(bi, p, j);
        data.push(s);
      }
  }
  return { shape: [...batch, m, n], data };
}

describe('matmul', () => {
  it('agrees with a naive triple loop incl. transposes and broadcast batches (property)', () => {
    const dim = fc.integer({ min: 1, max: 5 });
    const batchDims = fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 });
    fc.assert(
      fc.property(
        dim,
        dim,
        dim,
        batchDims,
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (m, k, n, batch, ta, tb, dropA, dropB) => {
          const batchA = dropA ? batch.map(() => 1) : batch;
          const batchB = dropB ? batch.slice(1) : batch;
          const a = filled([...batchA, ...(ta ? [k, m] : [m, k])], m + k);
          const b = filled([...batchB, ...(tb ? [n, k] : [k, n])], n);
          const got = matmul(a, b, { transposeA: ta, transposeB: tb });
          const want = naiveMatmul(a, b, ta, tb);
          expect(got.shape).toEqual(want.shape);
          for (const [i, w] of want.data.entries()) {
            expect(Math.abs(got.data[i] - w)).toBeLessThan(1e-12 * Math.max(1, Math.abs(w)));
          }
        },
      ),
    );
  });
  it('follows np.matmul for 1-D operands', () => {
    const v = tensor([1, 2]);
    const M = tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(matmul(v, v).shape).toEqual([]);
    expect(matmul(v, v).item()).toBe(5);
    expect(matmul(M, v).toArray()).toEqual([5, 11]);
    expect(matmul(v, M).toArray()).toEqual([7, 10]);
    expect(
      matmul(
        tensor([
          [
            [1, 0],
            [0, 1],
          ],
          [
            [2, 0],
            [0, 2],
          ],
        ]),
        v,
      ).toArray(),
    ).toEqual([
      [1, 2],
      [2, 4],
    ]);
    expect(dot(v, tensor([3, 4])).item()).toBe(11);
    expect(M.matmul(M, { transposeA: true }).toArray()).toEqual([
      [10, 14],
      [14, 20],
    ]);
  });
  it('promotes dtypes (int32 stays int32, bool becomes int32)', () => {
    expect(
      matmul(tensor([[1]], { dtype: 'int32' }), tensor([[2]], { dtype: 'float64' })).dtype,
    ).toBe('float64');
    expect(matmul(tensor([[1]], { dtype: 'int32' }), tensor([[2]], { dtype: 'int32' })).dtype).toBe(
      'int32',
    );
    expect(matmul(tensor([[true]]), tensor([[true]])).dtype).toBe('int32');
  });
  it('errors name the op and the shapes', () => {
    expect(() => matmul(tensor([[1, 2, 3]]), tensor([[1, 2]]))).toThrow(ShapeError);
    expect(() => matmul(tensor([[1, 2, 3]]), tensor([[1, 2]]))).toThrow(
      /matmul: cannot multiply \[1, 3\] by \[1, 2\] \(inner dimensions 3 ≠ 1\)/,
    );
    expect(() => matmul(tensor(1), tensor([1]))).toThrow(
      /matmul: operands must have at least 1 dimension/,
    );
    expect(() => matmul(tensor([[[1]], [[1]]]), tensor([[[1]], [[1]], [[1]]]))).toThrow(
      /matmul: shapes \[2\] and \[3\] cannot be broadcast/,
    );
    expect(() => dot(tensor([[1]]), tensor([1]))).toThrow(/dot: expected two 1-D tensors/);
    expect(() => matmul([1] as never, tensor([1]))).toThrow(TypeError);
  });
});
