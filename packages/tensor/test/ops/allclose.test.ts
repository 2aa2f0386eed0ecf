import { describe, expect, it } from 'vitest';
import { ShapeError, allClose, isClose, tensor } from '@gd/tensor';
import { decode, fixtures } from '../helpers';

describe('isClose / allClose', () => {
  it('match torch.isclose incl. infinities and NaN', () => {
    for (const c of fixtures.isclose) {
      const r = isClose(
        tensor(decode(c.a), { dtype: 'float64' }),
        tensor(decode(c.b), { dtype: 'float64' }),
        { rtol: c.rtol, atol: c.atol, equalNan: c.equalNan },
      );
      expect(r.toArray()).toEqual(c.out);
    }
  });
  it('allClose uses rtol = 1e-5, atol = 1e-8 and broadcasts', () => {
    expect(allClose(tensor([1, 2]), tensor([1, 2.000001]))).toBe(true);
    expect(allClose(tensor([1, 2]), tensor([1, 2.1]))).toBe(false);
    expect(allClose(tensor([[1, 1]]), 1)).toBe(true);
    expect(allClose(tensor([0]), tensor([1e-9]))).toBe(true);
    expect(allClose(tensor([0]), tensor([1e-7]))).toBe(false);
    expect(tensor([1]).allClose(tensor([1.5]), { atol: 0.5 })).toBe(true);
    expect(tensor([1]).isClose(2).toArray()).toEqual([false]);
  });
  it('errors on shapes that do not broadcast and on negative tolerances', () => {
    expect(() => allClose(tensor([1, 2]), tensor([1, 2, 3]))).toThrow(ShapeError);
    expect(() => allClose(tensor([1, 2]), tensor([1, 2, 3]))).toThrow(
      /isClose: shapes \[2\] and \[3\]/,
    );
    expect(() => isClose(tensor([1]), 1, { rtol: -1 })).toThrow(
      /isClose: rtol and atol must be non-negative/,
    );
  });
});
