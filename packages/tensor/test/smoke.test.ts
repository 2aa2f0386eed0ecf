import { describe, expect, it } from 'vitest';
import { arange, matmul, tensor, ShapeError } from '@gd/tensor';

describe('core', () => {
  it('broadcasts add', () => {
    expect(
      tensor([
        [1, 2],
        [3, 4],
      ])
        .add(tensor([10, 20]))
        .toArray(),
    ).toEqual([
      [11, 22],
      [13, 24],
    ]);
  });
  it('matmul and errors', () => {
    expect(
      matmul(
        tensor([
          [1, 2],
          [3, 4],
        ]),
        tensor([[5], [6]]),
      ).toArray(),
    ).toEqual([[17], [39]]);
    expect(() => matmul(tensor([[1, 2, 3]]), tensor([[1, 2]]))).toThrow(ShapeError);
  });
  it('reduces', () => {
    const x = arange(24).reshape([2, 3, 4]);
    expect(x.sum({ axis: [0, 2] }).toArray()).toEqual([60, 92, 124]);
    expect(x.mean({ axis: 1, keepDims: true }).shape).toEqual([2, 1, 4]);
  });
});
