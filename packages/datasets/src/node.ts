/**
 * @gd/datasets/node — the Node-only half of @gd/datasets: reading IDX and CIFAR-10 files from
 * disk (raw or gzipped, via node:zlib), verified atomic downloads with a progress bar, and the
 * torchvision-style loaders `mnist`, `fashionMnist`, `kmnist`, `emnist` and `cifar10`.
 *
 * @packageDocumentation
 */
export { readMaybeGzip } from './node/files';
export { readCifar10Files, readIdxFile, readIdxImages, readIdxLabels } from './node/readers';
export { defaultRoot } from './node/paths';
export {
  downloadFile,
  ensureDownloaded,
  fileHash,
  verifyFile,
  type Checksum,
  type DownloadOptions,
  type Resource,
} from './node/download';
export {
  DEBIAN_FASHION_MNIST_DIR,
  FASHION_MNIST_RESOURCES,
  KMNIST_RESOURCES,
  MNIST_RESOURCES,
  fashionMnist,
  kmnist,
  mnist,
  type MnistOptions,
} from './node/mnist';
export {
  EMNIST_CLASSES,
  EMNIST_RESOURCES,
  emnist,
  extractEmnist,
  type EmnistOptions,
  type EmnistVariant,
} from './node/emnist';
export { CIFAR10_RESOURCES, cifar10, extractCifar10, type Cifar10Options } from './node/cifar10';
export { readTar, type TarEntry } from './node/tar';
export { type DownloadSourceOptions, checkMirrors, checkResources } from './node/sources';
