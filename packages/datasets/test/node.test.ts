import { describe, expect, it } from 'vitest';
import * as node from '../src/node';

describe('@gd/datasets/node entry', () => {
  it('exports the loaders, readers and download helpers', () => {
    for (const name of [
      'mnist',
      'fashionMnist',
      'kmnist',
      'emnist',
      'cifar10',
      'readIdxFile',
      'readIdxImages',
      'readIdxLabels',
      'readCifar10Files',
      'downloadFile',
      'ensureDownloaded',
      'verifyFile',
      'extractCifar10',
      'extractEmnist',
      'defaultRoot',
      'checkMirrors',
      'checkResources',
    ]) {
      expect(typeof (node as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it("lists torchvision's checksums and the official CIFAR-10 binary archive", () => {
    expect(node.MNIST_RESOURCES.files.train[0]).toEqual({
      filename: 'train-images-idx3-ubyte.gz',
      md5: 'f68b3c2dcbeaaa9fbdd348bbdeb94873',
    });
    expect(node.FASHION_MNIST_RESOURCES.files.test[1].md5).toBe('bb300cfdad3c16e7a12a480ee83cd310');
    expect(node.CIFAR10_RESOURCES.archive.md5).toBe('c32a1d4ab5d03f1284b67883e8d87530');
    expect(node.EMNIST_RESOURCES.archive.md5).toBe('58c8d27c78d21e728a6bc7b3cc06412e');
  });
});
