import type { Tensor } from '@gd/tensor';
import { type CifarOptions, parseCifar10 } from '../cifar';
import { type IdxArray, parseIdx, parseIdxImages, parseIdxLabels } from '../idx';
import type { ImageDataset } from '../image-dataset';
import { readMaybeGzip } from './files';

/**
 * Reads an IDX file (raw or gzipped) from disk. See {@link parseIdx} for the format and checks.
 *
 * @throws DatasetError naming the file when it is missing, not gzip-valid, or not a valid IDX file.
 * @example
 * ```ts
 * const { shape } = await readIdxFile('/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz');
 * ```
 */
export async function readIdxFile(path: string): Promise<IdxArray> {
  return parseIdx(await readMaybeGzip(path), path);
}

/**
 * Reads an IDX image file as float32 pixels in [0, 1], [N, H, W] (or [N, H·W] with `flatten`).
 *
 * @example
 * ```ts
 * const x = await readIdxImages('train-images-idx3-ubyte.gz', { flatten: true });
 * ```
 */
export async function readIdxImages(
  path: string,
  options: { flatten?: boolean } = {},
): Promise<Tensor> {
  return parseIdxImages(await readMaybeGzip(path), { flatten: options.flatten, file: path });
}

/**
 * Reads an IDX label file as int32 [N].
 *
 * @example
 * ```ts
 * const y = await readIdxLabels('train-labels-idx1-ubyte.gz');
 * ```
 */
export async function readIdxLabels(path: string): Promise<Tensor> {
  return parseIdxLabels(await readMaybeGzip(path), path);
}

/**
 * Reads CIFAR-10 binary batch files (e.g. `data_batch_1.bin` … `data_batch_5.bin`) into one
 * dataset, records in file order. See {@link parseCifar10}.
 *
 * @example
 * ```ts
 * const test = await readCifar10Files(['cifar-10-batches-bin/test_batch.bin']);
 * ```
 */
export async function readCifar10Files(
  paths: string[],
  options: CifarOptions = {},
): Promise<ImageDataset> {
  const parts = await Promise.all(
    paths.map(async (file) => ({ file, bytes: await readMaybeGzip(file) })),
  );
  return parseCifar10(parts, options);
}
