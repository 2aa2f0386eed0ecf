import { GdRangeError } from '@gd/errors';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { type CifarOptions, parseCifar10 } from '../cifar';
import { DatasetError } from '../errors';
import type { ImageDataset } from '../image-dataset';
import { ensureDownloaded } from './download';
import { readMaybeGzip } from './files';
import { defaultRoot, firstExisting } from './paths';
import { type DownloadSourceOptions, archiveResource, checkMirrors } from './sources';
import { readTar } from './tar';

const gunzipAsync = promisify(gunzip);

/** The CIFAR-10 binary archive (the version for C programs) and its MD5 from the dataset's page. */
export const CIFAR10_RESOURCES = {
  mirrors: ['https://www.cs.toronto.edu/~kriz/'],
  archive: { filename: 'cifar-10-binary.tar.gz', md5: 'c32a1d4ab5d03f1284b67883e8d87530' },
  folder: 'cifar-10-batches-bin',
  train: [
    'data_batch_1.bin',
    'data_batch_2.bin',
    'data_batch_3.bin',
    'data_batch_4.bin',
    'data_batch_5.bin',
  ],
  test: ['test_batch.bin'],
} as const;

/**
 * Options of {@link cifar10}. The download ones (`download`, `mirrors`, `resources` — here the
 * one archive —, `progress`, `progressStream`, `onProgress`) are {@link DownloadSourceOptions}.
 */
export interface Cifar10Options extends CifarOptions, DownloadSourceOptions {
  /** Folder holding `cifar-10-batches-bin/` (or the .bin files). Default `~/.cache/gd/datasets/cifar10`. */
  root?: string;
  /** `'train'` (50 000, data_batch_1..5) or `'test'` (10 000, test_batch). Default `'train'`. */
  split?: 'train' | 'test';
  /** Fetch `cifar-10-binary.tar.gz` (≈ 162 MB, MD5-verified) and unpack it when files are missing. Default false. */
  download?: boolean;
}

/**
 * Loads CIFAR-10 (Krizhevsky 2009): 32×32 colour images of 10 classes, 50 000 train / 10 000
 * test, from the binary batches. Images float32 in [0, 1] as [N, 3, 32, 32] (`layout: 'hwc'`
 * gives [N, 32, 32, 3]; `flatten` gives [N, 3072] in the file's R, G, B plane order), labels
 * int32 0..9. With `download: true` the archive is fetched, MD5-verified, and the batches
 * extracted atomically into `<root>/cifar-10-batches-bin/` (the archive is kept, as torchvision
 * does). `mirrors` (default `CIFAR10_RESOURCES.mirrors`) and `resources` (default
 * `[CIFAR10_RESOURCES.archive]`; exactly one gzipped tar holding the `.bin` batches) override
 * where the archive comes from and its checksum.
 *
 * @throws DatasetError when files are missing (pass `download: true`) or malformed, or when no
 *   mirror serves an archive with the right checksum.
 * @throws TypeError or RangeError on malformed `mirrors`/`resources` or an unknown `split`.
 * @example
 * ```ts
 * const test = await cifar10({ split: 'test', download: true });
 * test.images.shape; // [10000, 3, 32, 32]
 *
 * const mirrored = await cifar10({
 *   download: true,
 *   mirrors: ['https://data.example.edu/cifar/'],
 *   resources: [{ filename: 'cifar-10-binary.tar.gz', md5: 'c32a1d4ab5d03f1284b67883e8d87530' }],
 * });
 * ```
 */
export async function cifar10(options: Cifar10Options = {}): Promise<ImageDataset> {
  const split = options.split ?? 'train';
  if (split !== 'train' && split !== 'test') {
    throw new GdRangeError(`cifar10: split must be 'train' or 'test', got '${String(split)}'`);
  }
  const mirrors =
    options.mirrors === undefined
      ? CIFAR10_RESOURCES.mirrors
      : checkMirrors('cifar10', options.mirrors);
  const archive = archiveResource('cifar10', CIFAR10_RESOURCES.archive, options.resources);
  const root = options.root ?? defaultRoot('cifar10');
  const dirs = [join(root, CIFAR10_RESOURCES.folder), root];
  const names = CIFAR10_RESOURCES[split];
  const find = () => Promise.all(names.map((n) => firstExisting(dirs.map((d) => join(d, n)))));
  let paths = await find();
  if (paths.includes(null) && options.download) {
    const path = await ensureDownloaded(root, archive, mirrors, {
      progress: options.progress,
      progressStream: options.progressStream,
      onProgress: options.onProgress,
    });
    await extractCifar10(path, root);
    paths = await find();
  }
  const missing = names.filter((_, k) => paths[k] === null);
  if (missing.length > 0) {
    throw new DatasetError(
      `cifar10: ${missing.join(', ')} not found in ${dirs.join(' or ')}; ${options.download ? `the archive ${archive.filename} in ${root} does not contain them — check resources, or delete it and download again` : 'pass download: true, or root: the folder that holds cifar-10-batches-bin'}`,
      { file: join(dirs[0], missing[0]) },
    );
  }
  const parts = await Promise.all(
    (paths as string[]).map(async (file) => ({ file, bytes: await readMaybeGzip(file) })),
  );
  return parseCifar10(parts, options);
}

/**
 * Unpacks `cifar-10-binary.tar.gz` (already downloaded and verified) into
 * `<root>/cifar-10-batches-bin/`: the six batches and batches.meta.txt, each written to a
 * temporary file and renamed. Other members are ignored and names are reduced to their base
 * name, so an archive cannot write outside `root`.
 *
 * @throws DatasetError naming the archive when it cannot be decompressed or its tar is corrupt.
 * @example
 * ```ts
 * await extractCifar10('/data/cifar-10-binary.tar.gz', '/data/cifar10');
 * ```
 */
export async function extractCifar10(archive: string, root: string): Promise<void> {
  let tar: Uint8Array;
  try {
    tar = await gunzipAsync(await readFile(archive));
  } catch (cause) {
    throw new DatasetError(
      `${archive}: cannot decompress (${String(cause)}); delete it and download again`,
      {
        file: archive,
        cause,
      },
    );
  }
  const wanted = new Set<string>([
    ...CIFAR10_RESOURCES.train,
    ...CIFAR10_RESOURCES.test,
    'batches.meta.txt',
  ]);
  const outDir = join(root, CIFAR10_RESOURCES.folder);
  await mkdir(outDir, { recursive: true });
  for (const entry of readTar(tar, archive)) {
    const name = basename(entry.name);
    if (!wanted.has(name)) continue;
    const dest = join(outDir, name);
    await writeFile(`${dest}.part`, entry.data);
    await rename(`${dest}.part`, dest);
  }
}
