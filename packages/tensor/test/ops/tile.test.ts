import { describe, expect, it } from 'vitest';
import { tensor, tile } from '@gd/tensor';
import { decode, expectValues, fixtures } from '../helpers';

describe('tile', () => {
  it('matches np.tile (shorter and longer reps, zero reps)', () => {
    for (const c of fixtures.tile) {
      const x = tensor(decode(c.x), { dtype: 'float64' });
      const r = tile(x, c.reps);
      expect(r.shape).toEqual(c.outShape);
      expectValues(r, decode(c.out));
    }
  });
  it('accepts a number, keeps dtype, method form', () => {
    const x = tensor([1, 2], { dtype: 'int32' });
    expect(tile(x, 2).toArray()).toEqual([1, 2, 1, 2]);
    expect(x.tile([2, 1]).dtype).toBe('int32');
    expect(tile(tensor(5), [3]).toArray()).toEqual([5, 5, 5]);
  });
  it('rejects negative or fractional reps naming the op', () => {
    expect(() => tile(tensor([1]), [-1])).toThrow(
      /tile: reps \[-1\] must be non-negative integers/,
    );
    expect(() => tile(tensor([1]), [1.5])).toThrow(RangeError);
  });
});
