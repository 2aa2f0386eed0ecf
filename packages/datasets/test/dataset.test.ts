import { ShapeError, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { TensorDataset } from '../src/dataset';

describe('TensorDataset', () => {
  const x = tensor([
    [1, 2],
    [3, 4],
    [5, 6],
  ]);
  const y = tensor([0, 1, 0], { dtype: 'int32' });

  it('has the first dimension as length and returns row i of each tensor', () => {
    const ds = new TensorDataset(x, y);
    expect(ds.length).toBe(3);
    const [xi, yi] = ds.get(1);
    expect(xi.toArray()).toEqual([3, 4]);
    expect(yi.shape).toEqual([]);
    expect(yi.item()).toBe(1);
    expect(ds.get(-1)[0].toArray()).toEqual([5, 6]);
  });

  it('rejects mismatched first dimensions, 0-d tensors, no tensors and bad indices', () => {
    expect(() => new TensorDataset(x, tensor([1, 2]))).toThrow(ShapeError);
    expect(() => new TensorDataset(x, tensor([1, 2]))).toThrow(/tensor 1 has 2/);
    expect(() => new TensorDataset(tensor(3))).toThrow(ShapeError);
    expect(() => new TensorDataset()).toThrow(TypeError);
    const ds = new TensorDataset(x);
    expect(() => ds.get(3)).toThrow(RangeError);
    expect(() => ds.get(1.5)).toThrow(RangeError);
  });
});
