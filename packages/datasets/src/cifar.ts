import { GdTypeError } from '@gd/errors';
import { Tensor } from '@gd/tensor';
import { DatasetError } from './errors';
import { ImageDataset } from './image-dataset';
import { bytesToUnitFloat } from './idx';

/** CIFAR-10's classes, in label order (batches.meta.txt). */
export const CIFAR10_CLASSES: readonly string[] = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
];

/** Bytes per CIFAR-10 binary record: 1 label byte + 32·32 red, then green, then blue bytes. */
export const CIFAR10_RECORD_BYTES = 1 + 3 * 32 * 32;

/** A CIFAR-10 binary file's bytes and its name (for errors). */
export interface CifarPart {
  bytes: Uint8Array;
  file?: string;
}

/** Options of {@link parseCifar10}. */
export interface CifarOptions {
  /** Return images as [N, 3072] instead of [N, 3, 32, 32]. Default false. */
  flatten?: boolean;
  /** `'chw'` (default, channels first as torchvision's ToTensor) or `'hwc'` ([N, 32, 32, 3]). */
  layout?: 'chw' | 'hwc';
}

/**
 * Parses CIFAR-10 binary batches (`data_batch_1.bin` … `data_batch_5.bin`, `test_batch.bin`):
 * each record is 1 label byte (0..9) and 3 072 pixel bytes (1 024 red, 1 024 green, 1 024 blue,
 * each a 32×32 row-major plane). Several parts are concatenated in order. Pixels become float32
 * in [0, 1] (x = byte/255), labels int32.
 *
 * @param parts the files' bytes (one or more).
 * @param options `flatten` (default false), `layout` `'chw'` (default) or `'hwc'`.
 * @throws DatasetError naming the file when its length is not a whole number of 3 073-byte records
 *   or a label byte is not 0..9 (a CIFAR-100 file has 2 label bytes per record).
 * @example
 * ```ts
 * const test = parseCifar10([{ bytes, file: 'test_batch.bin' }]);
 * test.images.shape; // [10000, 3, 32, 32]
 * ```
 */
export function parseCifar10(parts: CifarPart[], options: CifarOptions = {}): ImageDataset {
  const layout = options.layout ?? 'chw';
  if (layout !== 'chw' && layout !== 'hwc') {
    throw new GdTypeError(`parseCifar10: layout must be 'chw' or 'hwc', got '${String(layout)}'`);
  }
  let n = 0;
  for (const [k, { bytes, file = `part ${k}` }] of parts.entries()) {
    if (bytes.length === 0 || bytes.length % CIFAR10_RECORD_BYTES !== 0) {
      throw new DatasetError(
        `${file}: ${bytes.length} bytes is not a whole number of CIFAR-10 records (${CIFAR10_RECORD_BYTES} bytes each: 1 label + 3072 pixels); the file is truncated or not a CIFAR-10 binary batch — download cifar-10-binary.tar.gz again`,
        { file },
      );
    }
    n += bytes.length / CIFAR10_RECORD_BYTES;
  }
  const plane = 32 * 32;
  const images = new Float32Array(n * 3 * plane);
  const labels = new Int32Array(n);
  const hwc = new Float32Array(layout === 'hwc' ? 3 * plane : 0);
  let r = 0;
  for (const [k, { bytes, file = `part ${k}` }] of parts.entries()) {
    for (let at = 0; at < bytes.length; at += CIFAR10_RECORD_BYTES, r++) {
      const label = bytes[at];
      if (label > 9) {
        throw new DatasetError(
          `${file}: label byte ${label} of record ${at / CIFAR10_RECORD_BYTES} is not 0..9; this is not a CIFAR-10 binary batch (CIFAR-100 records have 2 label bytes)`,
          { file },
        );
      }
      labels[r] = label;
      const pixels = bytes.subarray(at + 1, at + CIFAR10_RECORD_BYTES);
      if (layout === 'chw') {
        bytesToUnitFloat(pixels, images, r * 3 * plane);
      } else {
        bytesToUnitFloat(pixels, hwc);
        const base = r * 3 * plane;
        for (let p = 0; p < plane; p++) {
          images[base + 3 * p] = hwc[p];
          images[base + 3 * p + 1] = hwc[plane + p];
          images[base + 3 * p + 2] = hwc[2 * plane + p];
        }
      }
    }
  }
  const shape = options.flatten
    ? [n, 3 * plane]
    : layout === 'chw'
      ? [n, 3, 32, 32]
      : [n, 32, 32, 3];
  return new ImageDataset(new Tensor(images, shape), new Tensor(labels, [n]), [...CIFAR10_CLASSES]);
}
