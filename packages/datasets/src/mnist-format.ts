import { DatasetError } from './errors';
import { ImageDataset } from './image-dataset';
import { parseIdxImages, parseIdxLabels } from './idx';

/** Class names of the MNIST-format datasets, as torchvision lists them. */
export const MNIST_CLASSES: readonly string[] = [
  '0 - zero',
  '1 - one',
  '2 - two',
  '3 - three',
  '4 - four',
  '5 - five',
  '6 - six',
  '7 - seven',
  '8 - eight',
  '9 - nine',
];
/** Fashion-MNIST's classes (Xiao, Rasul & Vollgraf 2017). */
export const FASHION_MNIST_CLASSES: readonly string[] = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];
/** Kuzushiji-MNIST's classes (romanised hiragana お き す つ な は ま や れ を). */
export const KMNIST_CLASSES: readonly string[] = [
  'o',
  'ki',
  'su',
  'tsu',
  'na',
  'ha',
  'ma',
  'ya',
  're',
  'wo',
];

/** Inputs of {@link parseMnist}. */
export interface MnistBytes {
  /** Bytes of an `*-images-idx3-ubyte[.gz]` file. */
  images: Uint8Array;
  /** Bytes of the matching `*-labels-idx1-ubyte[.gz]` file. */
  labels: Uint8Array;
  /** Names for error messages. */
  imagesFile?: string;
  labelsFile?: string;
  /** Return images as [N, H·W]. Default false ([N, H, W]). */
  flatten?: boolean;
  /** Class names. Default MNIST's digit names. */
  classNames?: readonly string[];
}

/**
 * Builds an MNIST-format dataset from the bytes of an image file and a label file (works in
 * browsers: fetch the files, pass the bytes). Images become float32 in [0, 1] (x = byte/255),
 * labels int32; the two files must hold the same number of examples and every label must name a
 * class.
 *
 * @throws DatasetError when either file is malformed, the counts differ, or a label is out of range.
 * @example
 * ```ts
 * const train = parseMnist({ images: imageBytes, labels: labelBytes, flatten: true });
 * train.images.shape; // [60000, 784]
 * ```
 */
export function parseMnist(input: MnistBytes): ImageDataset {
  const imagesFile = input.imagesFile ?? 'images';
  const labelsFile = input.labelsFile ?? 'labels';
  const classNames = [...(input.classNames ?? MNIST_CLASSES)];
  const images = parseIdxImages(input.images, { flatten: input.flatten, file: imagesFile });
  const labels = parseIdxLabels(input.labels, labelsFile);
  if (images.shape[0] !== labels.shape[0]) {
    throw new DatasetError(
      `${imagesFile} has ${images.shape[0]} images but ${labelsFile} has ${labels.shape[0]} labels; the files belong to different splits or one is damaged — use matching train-*/t10k-* files`,
      { file: labelsFile },
    );
  }
  const y = labels.data;
  for (let i = 0; i < y.length; i++) {
    if (y[i] >= classNames.length) {
      throw new DatasetError(
        `${labelsFile}: label ${y[i]} at index ${i} is not one of the ${classNames.length} classes; the file is damaged or belongs to another dataset`,
        { file: labelsFile },
      );
    }
  }
  return new ImageDataset(images, labels, classNames);
}
