import { describe, expect, it } from 'vitest';
import { DTypeError, ShapeError, gather, scatterAdd, tensor, zeros } from '@gd/tensor';
import { decode, expectValues, fixtures } from '../helpers';

const i32 = (v: number[] | number[][]) => tensor(v, { dtype: 'int32' });

describe('gather / scatterAdd', () => {
  it('match torch.gather and torch.scatter_add along every axis (float64)', () => {
    expect(fixtures.gather.length).toBe(4);
    for (const c of fixtures.gather) {
      const x = tensor(decode(c.x), { dtype: 'float64' });
      const idx = tensor(c.index, { dtype: 'int32' });
      const g = gather(x, c.axis, idx);
      expect(g.shape).toEqual(idx.shape);
      expectValues(g, decode(c.gather));
      const base = tensor(decode(c.base), { dtype: 'float64' });
      const src = tensor(decode(c.src), { dtype: 'float64' });
      expectValues(scatterAdd(base, c.axis, idx, src), decode(c.scatterAdd));
    }
  });
  it('gather: the torch docs example, and the method form', () => {
    const t = tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(
      gather(
        t,
        1,
        i32([
          [0, 0],
          [1, 0],
        ]),
      ).toArray(),
    ).toEqual([
      [1, 1],
      [4, 3],
    ]);
    expect(t.gather(0, [[1, 0]]).toArray()).toEqual([[3, 2]]);
  });
  it('scatterAdd accumulates repeats, returns a new tensor and keeps dtype', () => {
    const x = zeros([3], { dtype: 'float64' });
    const r = scatterAdd(x, 0, i32([0, 2, 0]), tensor([1, 2, 3]));
    expect(r.toArray()).toEqual([4, 0, 2]);
    expect(r.dtype).toBe('float64');
    expect(x.toArray()).toEqual([0, 0, 0]);
    expect(x.scatterAdd(0, [1], tensor([5, 6])).toArray()).toEqual([0, 5, 0]);
  });
  it('scatterAdd reads src at the index position, not the target position', () => {
    const r = scatterAdd(
      zeros([2, 3]),
      1,
      i32([
        [2, 2],
        [0, 1],
      ]),
      tensor([
        [10, 20, 30],
        [40, 50, 60],
      ]),
    );
    expect(r.toArray()).toEqual([
      [0, 0, 30],
      [40, 50, 0],
    ]);
  });
  it('errors name the op, shapes and indices', () => {
    const x = zeros([2, 3]);
    expect(() => gather(x, 1, i32([0, 1]))).toThrow(ShapeError);
    expect(() => gather(x, 1, i32([0, 1]))).toThrow(/gather: index must have as many dimensions/);
    expect(() => gather(x, 1, i32([[0, 3]]))).toThrow(
      /gather: index 3 is out of bounds for axis 1 with size 3/,
    );
    expect(() => gather(x, 1, i32([[-1]]))).toThrow(RangeError);
    expect(() => gather(x, 1, i32([[0], [1], [0]]))).toThrow(
      /gather: index \[3, 1\] is larger than input \[2, 3\] on axis 0/,
    );
    expect(() => gather(x, 0, tensor([[0]]))).toThrow(DTypeError);
    expect(() => gather(x, 2, i32([[0]]))).toThrow(/gather: axis 2 is out of range/);
    expect(() => scatterAdd(x, 0, i32([[0]]), zeros([3]))).toThrow(
      /scatterAdd: src must have as many dimensions/,
    );
    expect(() => scatterAdd(x, 0, i32([[0, 0]]), zeros([1, 1]))).toThrow(
      /scatterAdd: index \[1, 2\] is larger than src \[1, 1\]/,
    );
    expect(() => scatterAdd(zeros([2], { dtype: 'int32' }), 0, i32([0]), tensor([1.5]))).toThrow(
      /scatterAdd: cannot add float32 src into a int32 tensor/,
    );
  });
});
