import { GdRangeError } from '@gd/errors';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import { DatasetError } from '../errors';
import type { ImageDataset } from '../image-dataset';
import { parseMnist } from '../mnist-format';
import { ensureDownloaded } from './download';
import { readMaybeGzip } from './files';
import { defaultRoot, firstExisting } from './paths';
import { type DownloadSourceOptions, archiveResource, checkMirrors } from './sources';

/** EMNIST's six variants (Cohen et al. 2017). */
export type EmnistVariant = 'byclass' | 'bymerge' | 'balanced' | 'letters' | 'digits' | 'mnist';

const DIGITS = '0123456789'.split('');
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const LOWER = 'abcdefghijklmnopqrstuvwxyz'.split('');
/** Lower-case letters merged into their capitals in bymerge/balanced (same shape in both cases). */
const MERGED = new Set('cijklmopsuvwxyz'.split(''));

/** Class names per EMNIST variant, as torchvision lists them. */
export const EMNIST_CLASSES: Record<EmnistVariant, readonly string[]> = {
  byclass: [...DIGITS, ...UPPER, ...LOWER],
  bymerge: [...DIGITS, ...UPPER, ...LOWER.filter((c) => !MERGED.has(c))],
  balanced: [...DIGITS, ...UPPER, ...LOWER.filter((c) => !MERGED.has(c))],
  letters: ['N/A', ...LOWER],
  digits: DIGITS,
  mnist: DIGITS,
};

/** The EMNIST archive as torchvision lists it (one zip of all variants' .gz files). */
export const EMNIST_RESOURCES = {
  mirrors: [
    'https://biometrics.nist.gov/cs_links/EMNIST/',
    'https://www.itl.nist.gov/iaui/vip/cs_links/EMNIST/',
  ],
  archive: { filename: 'gzip.zip', md5: '58c8d27c78d21e728a6bc7b3cc06412e' },
} as const;

/**
 * Options of {@link emnist}. The download ones (`download`, `mirrors`, `resources` — here the
 * one zip archive —, `progress`, `progressStream`, `onProgress`) are {@link DownloadSourceOptions}.
 */
export interface EmnistOptions extends DownloadSourceOptions {
  /** Which EMNIST variant (torchvision's `split` argument). Required. */
  variant: EmnistVariant;
  /** `'train'` or `'test'`. Default `'train'`. */
  split?: 'train' | 'test';
  /** Folder with `emnist-<variant>-<split>-{images-idx3,labels-idx1}-ubyte[.gz]`. Default `~/.cache/gd/datasets/emnist`. */
  root?: string;
  /** Fetch and unpack the official archive (≈ 560 MB, MD5-verified) when files are missing. Default false. */
  download?: boolean;
  /** Images as [N, 784]. Default false. */
  flatten?: boolean;
}

/**
 * Loads EMNIST (Cohen, Afshar, Tapson & van Schaik 2017): handwritten digits and letters from
 * NIST SD 19 in MNIST's 28×28 IDX format, six variants (byclass 62 classes, bymerge and balanced
 * 47, letters 26 labelled 1..26, digits, mnist). As torchvision, images are returned as stored,
 * which is transposed relative to MNIST (use `transpose(x, [0, 2, 1])` to view them upright).
 * With `download: true` the archive is fetched, MD5-verified, its .gz members written atomically
 * into `root`, and the archive removed. `mirrors` (default `EMNIST_RESOURCES.mirrors`) and
 * `resources` (default `[EMNIST_RESOURCES.archive]`; exactly one zip of `.gz` members) override
 * where the archive comes from and its checksum.
 *
 * @throws DatasetError when files are missing (pass `download: true`) or malformed, or when no
 *   mirror serves an archive with the right checksum.
 * @throws TypeError or RangeError on malformed `mirrors`/`resources`, `variant` or `split`.
 * @example
 * ```ts
 * const letters = await emnist({ variant: 'letters', split: 'test', download: true });
 * letters.classNames[1]; // 'a'
 * ```
 */
export async function emnist(options: EmnistOptions): Promise<ImageDataset> {
  const variant = options?.variant;
  if (!(variant in EMNIST_CLASSES)) {
    throw new GdRangeError(
      `emnist: variant must be one of ${Object.keys(EMNIST_CLASSES).join(', ')}, got '${String(variant)}'`,
    );
  }
  const split = options.split ?? 'train';
  if (split !== 'train' && split !== 'test') {
    throw new GdRangeError(`emnist: split must be 'train' or 'test', got '${String(split)}'`);
  }
  const mirrors =
    options.mirrors === undefined
      ? EMNIST_RESOURCES.mirrors
      : checkMirrors('emnist', options.mirrors);
  const archiveFile = archiveResource('emnist', EMNIST_RESOURCES.archive, options.resources);
  const root = options.root ?? defaultRoot('emnist');
  const names = [
    `emnist-${variant}-${split}-images-idx3-ubyte`,
    `emnist-${variant}-${split}-labels-idx1-ubyte`,
  ];
  const dirs = [root, join(root, 'EMNIST', 'raw')];
  const find = () =>
    Promise.all(
      names.map((n) => firstExisting(dirs.flatMap((d) => [join(d, `${n}.gz`), join(d, n)]))),
    );
  let paths = await find();
  if (paths.includes(null) && options.download) {
    const archive = await ensureDownloaded(root, archiveFile, mirrors, {
      progress: options.progress,
      progressStream: options.progressStream,
      onProgress: options.onProgress,
    });
    await extractEmnist(archive, root);
    await rm(archive, { force: true });
    paths = await find();
  }
  const missing = names.filter((_, k) => paths[k] === null);
  if (missing.length > 0) {
    throw new DatasetError(
      `emnist: ${missing.join(' and ')} (.gz or raw) not found in ${dirs.join(', ')}; ${options.download ? 'the downloaded archive does not contain them — check resources, or delete the files in root and download again' : 'pass download: true to fetch the EMNIST archive'}`,
      { file: join(root, `${missing[0]}.gz`) },
    );
  }
  const [imagesFile, labelsFile] = paths as string[];
  const [images, labels] = await Promise.all([
    readMaybeGzip(imagesFile),
    readMaybeGzip(labelsFile),
  ]);
  return parseMnist({
    images,
    labels,
    imagesFile,
    labelsFile,
    flatten: options.flatten,
    classNames: EMNIST_CLASSES[variant],
  });
}

/**
 * Unpacks EMNIST's `gzip.zip` (already downloaded and verified) into `root`: every `.gz` member
 * (e.g. `gzip/emnist-letters-train-images-idx3-ubyte.gz`) is written under its base name via a
 * temporary file and a rename. The archive itself is left in place.
 *
 * @throws DatasetError naming the archive when it is not a valid zip.
 * @example
 * ```ts
 * await extractEmnist('/downloads/gzip.zip', '/data/emnist');
 * ```
 */
export async function extractEmnist(archive: string, root: string): Promise<void> {
  let members: Record<string, Uint8Array>;
  try {
    members = unzipSync(new Uint8Array(await readFile(archive)), {
      filter: (f) => f.name.endsWith('.gz'),
    });
  } catch (cause) {
    throw new DatasetError(
      `${archive}: cannot unpack the zip archive (${String(cause)}); delete it and download again`,
      { file: archive, cause },
    );
  }
  await mkdir(root, { recursive: true });
  for (const [name, bytes] of Object.entries(members)) {
    const dest = join(root, basename(name));
    await writeFile(`${dest}.part`, bytes);
    await rename(`${dest}.part`, dest);
  }
}
