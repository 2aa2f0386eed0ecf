import { describe, expect, it } from 'vitest';
import { ShapeError, concat, split, tensor, zeros } from '@gd/tensor';
import { decode, expectValues, fixtures } from '../helpers';

describe('split', () => {
  it('matches torch.split for sizes and size lists', () => {
    for (const c of fixtures.split) {
      const x = tensor(decode(c.x), { dtype: 'float64' });
      const parts = split(x, c.size, c.axis);
      expect(parts.map((p) => p.shape)).toEqual(c.shapes);
      for (const [i, p] of parts.entries()) expectValues(p, decode(c.parts[i]));
    }
  });
  it('concat undoes split (round trip) and the method form works', () => {
    const x = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(concat(x.split(2, 1), 1).toArray()).toEqual(x.toArray());
    expect(split(zeros([0]), 3).map((p) => p.shape)).toEqual([[0]]);
  });
  it('errors name the op and the sizes', () => {
    const x = zeros([4, 2]);
    expect(() => split(x, 0)).toThrow(/split: piece size must be a positive integer, got 0/);
    expect(() => split(x, [1, 2])).toThrow(ShapeError);
    expect(() => split(x, [1, 2])).toThrow(
      /split: sizes \[1, 2\] must be non-negative integers adding up to 4/,
    );
    expect(() => split(tensor(1), 1)).toThrow(/split: a 0-d tensor has no axis/);
    expect(() => split(x, 1, 2)).toThrow(/split: axis 2 is out of range/);
  });
});
