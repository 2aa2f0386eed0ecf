import { ShapeError, Tensor, tensor, zeros } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { ImageDataset } from '../src/image-dataset';

describe('ImageDataset', () => {
  it('exposes images, labels and class names and indexes like a TensorDataset', () => {
    const images = zeros([2, 3, 3]);
    const labels = new Tensor(Int32Array.from([1, 0]), [2]);
    const ds = new ImageDataset(images, labels, ['a', 'b']);
    expect(ds.images).toBe(images);
    expect(ds.tensors[1]).toBe(labels);
    expect(ds.get(0)[1].item()).toBe(1);
    expect(ds.classNames[ds.get(0)[1].item()]).toBe('b');
  });

  it('requires int32 vector labels of matching length', () => {
    expect(() => new ImageDataset(zeros([2, 1]), tensor([0, 1]), [])).toThrow(/int32 vector/);
    expect(() => new ImageDataset(zeros([2, 1]), new Tensor(new Int32Array(3), [3]), [])).toThrow(
      ShapeError,
    );
  });
});
