import { describe, expect, it } from 'vitest';
import { DTypeError, oneHot, tensor } from '@gd/tensor';

describe('oneHot', () => {
  it('encodes labels with shape labels.shape + [numClasses]', () => {
    expect(oneHot([0, 2], 3).toArray()).toEqual([
      [1, 0, 0],
      [0, 0, 1],
    ]);
    const r = oneHot(tensor([[1], [0]], { dtype: 'int32' }), 2, { dtype: 'float32' });
    expect(r.shape).toEqual([2, 1, 2]);
    expect(r.dtype).toBe('float32');
    expect(r.toArray()).toEqual([[[0, 1]], [[1, 0]]]);
  });
  it('defaults to int32 and infers numClasses as max + 1', () => {
    const r = oneHot([1, 3]);
    expect(r.dtype).toBe('int32');
    expect(r.shape).toEqual([2, 4]);
    expect(tensor([2], { dtype: 'int32' }).oneHot(-1).shape).toEqual([1, 3]);
  });
  it('errors name the op and the bad label', () => {
    expect(() => oneHot([3], 3)).toThrow(/oneHot: label 3 is outside the classes 0..2/);
    expect(() => oneHot([-1], 3)).toThrow(RangeError);
    expect(() => oneHot([0], 0)).toThrow(/oneHot: numClasses must be a positive integer, got 0/);
    expect(() => oneHot([])).toThrow(/oneHot: cannot infer numClasses from empty labels/);
    expect(() => oneHot(tensor([0.5]), 2)).toThrow(DTypeError);
    expect(() => oneHot([0], 2, { dtype: 'int8' as never })).toThrow(
      /oneHot: unknown dtype 'int8'/,
    );
  });
});
