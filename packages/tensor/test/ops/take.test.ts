import { describe, expect, it } from 'vitest';
import { DTypeError, arange, indexSelect, take, tensor } from '@gd/tensor';
import { decode, expectValues, fixtures } from '../helpers';

describe('take / indexSelect', () => {
  it('match np.take (flat and along axes, negative and empty indices)', () => {
    for (const c of fixtures.take) {
      const x = tensor(decode(c.x), { dtype: 'float64' });
      const r = take(x, c.indices, c.axis ?? undefined);
      expect(r.shape).toEqual(c.shape);
      expectValues(r, decode(c.out));
    }
  });
  it('accepts int32 tensors, keeps dtype, has a method form', () => {
    const x = tensor([10, 20, 30], { dtype: 'int32' });
    const r = x.take(tensor([2, 2, 0], { dtype: 'int32' }));
    expect(r.toArray()).toEqual([30, 30, 10]);
    expect(r.dtype).toBe('int32');
    expect(take(tensor([true, false]), 1).toArray()).toBe(false);
  });
  it('copies long rows (block path) the same way as short ones', () => {
    const x = arange(3 * 40).reshape([3, 40]);
    const r = take(x, [2, 0, 2], 0);
    expect(r.shape).toEqual([3, 40]);
    expect(r.toArray()).toEqual(
      [2, 0, 2].map((i) => Array.from({ length: 40 }, (_, k) => i * 40 + k)),
    );
  });
  it('indexSelect picks whole slices', () => {
    const x = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(indexSelect(x, 1, [2, 0]).toArray()).toEqual([
      [3, 1],
      [6, 4],
    ]);
    expect(x.indexSelect(0, 1).shape).toEqual([1, 3]);
    expect(() => indexSelect(x, 0, [[0]])).toThrow(/indexSelect: indices must be 0-d or 1-D/);
  });
  it('errors name the op and the bad index', () => {
    const x = tensor([1, 2, 3]);
    expect(() => take(x, [3])).toThrow(/take: index 3 is out of bounds for axis 0 with size 3/);
    expect(() => take(x, [-4])).toThrow(RangeError);
    expect(() => take(x, [0.5])).toThrow(DTypeError);
    expect(() => take(x, tensor([0]))).toThrow(
      /take: indices must be an int32 tensor, got float32/,
    );
    expect(() => take(tensor(1), [0], 0)).toThrow(/take: a 0-d tensor has no axis/);
    expect(() => take(x, [0], 1)).toThrow(/take: axis 1 is out of range/);
  });
});
