import { describe, expect, it } from 'vitest';
import { DatasetError } from '../src/errors';
import { ImageDataset } from '../src/image-dataset';
import { FASHION_MNIST_CLASSES, MNIST_CLASSES, parseMnist } from '../src/mnist-format';
import { idxBytes, imageBytes, labelBytes } from './helpers';

describe('parseMnist', () => {
  it('pairs images and labels into an ImageDataset with class names', () => {
    const ds = parseMnist({
      images: imageBytes(5),
      labels: labelBytes(5),
      classNames: FASHION_MNIST_CLASSES,
    });
    expect(ds).toBeInstanceOf(ImageDataset);
    expect(ds.length).toBe(5);
    expect(ds.images.shape).toEqual([5, 28, 28]);
    expect(ds.labels.dtype).toBe('int32');
    expect(ds.classNames[ds.labels.data[4]]).toBe('Coat');
    expect(parseMnist({ images: imageBytes(2), labels: labelBytes(2) }).classNames).toEqual([
      ...MNIST_CLASSES,
    ]);
  });

  it('flattens on request', () => {
    expect(
      parseMnist({ images: imageBytes(3), labels: labelBytes(3), flatten: true }).images.shape,
    ).toEqual([3, 784]);
  });

  it('rejects mismatched image/label counts naming both files', () => {
    const run = () =>
      parseMnist({
        images: imageBytes(4),
        labels: labelBytes(3),
        imagesFile: 'imgs',
        labelsFile: 'lbls',
      });
    expect(run).toThrow(DatasetError);
    expect(run).toThrow(/imgs has 4 images but lbls has 3 labels/);
  });

  it('rejects labels outside the classes', () => {
    const labels = idxBytes([2], Uint8Array.from([1, 12]));
    expect(() => parseMnist({ images: imageBytes(2), labels, labelsFile: 'l' })).toThrow(
      /l: label 12 at index 1 is not one of the 10 classes/,
    );
  });
});
