/**
 * @gd/datasets — data for gd: a PyTorch-style Dataset/DataLoader, train/test splitting and
 * scaling, parsers for MNIST-format IDX and CIFAR-10 binary files (bytes in, tensors out), five
 * small real datasets bundled in the package, and the lectures' toy data. Runs in browsers;
 * file system, downloads and progress bars are in `@gd/datasets/node`.
 *
 * @packageDocumentation
 */
export { DatasetError, type DatasetErrorOptions, NotFittedError } from './errors';
export { type Dataset, TensorDataset } from './dataset';
export { Subset, randomSplit, type RandomSplitOptions } from './subset';
export { DataLoader, type DataLoaderOptions, type Batch } from './dataloader';
export { trainTestSplit, type TrainTestSplitOptions } from './split';
export {
  MinMaxScaler,
  StandardScaler,
  normalize,
  standardize,
  type MinMaxOptions,
} from './scaler';
export { oneHot, type OneHotOptions } from '@gd/tensor';
export { isGzip, maybeGunzip } from './gzip';
export {
  bytesToUnitFloat,
  idxToTensor,
  parseIdx,
  parseIdxImages,
  parseIdxLabels,
  type IdxArray,
  type IdxDType,
  type IdxImagesOptions,
} from './idx';
export { ImageDataset } from './image-dataset';
export {
  FASHION_MNIST_CLASSES,
  KMNIST_CLASSES,
  MNIST_CLASSES,
  parseMnist,
  type MnistBytes,
} from './mnist-format';
export {
  CIFAR10_CLASSES,
  CIFAR10_RECORD_BYTES,
  parseCifar10,
  type CifarOptions,
  type CifarPart,
} from './cifar';
export type { Bunch, LoadOptions } from './bundled/bunch';
export { loadIris } from './bundled/iris';
export { loadDigits, type DigitsBunch } from './bundled/digits';
export { loadWine } from './bundled/wine';
export { loadBreastCancer } from './bundled/breast-cancer';
export { loadDiabetes, type DiabetesOptions } from './bundled/diabetes';
export type { SyntheticOptions } from './synthetic/common';
export { adSpend } from './synthetic/ad-spend';
export { syntheticData, type SyntheticDataOptions } from './synthetic/synthetic-data';
export { makeSpirals, type SpiralsOptions } from './synthetic/spirals';
export { makeBlobs, type BlobsOptions } from './synthetic/blobs';
export { makeMoons, type MoonsOptions } from './synthetic/moons';
export { makeCircles, type CirclesOptions } from './synthetic/circles';
export { makeXor, xorTable, type XorOptions } from './synthetic/xor';
export { CURVES, makeCurve, type CurveOptions } from './synthetic/curve';
