import { GdRangeError } from '@gd/errors';
import { join } from 'node:path';
import { DatasetError } from '../errors';
import type { ImageDataset } from '../image-dataset';
import { FASHION_MNIST_CLASSES, KMNIST_CLASSES, MNIST_CLASSES, parseMnist } from '../mnist-format';
import { type Resource, ensureDownloaded } from './download';
import { readMaybeGzip } from './files';
import { defaultRoot, firstExisting } from './paths';
import { type DownloadSourceOptions, checkMirrors, checkResources } from './sources';

/**
 * Options shared by the MNIST-format loaders. The download ones (`download`, `mirrors`,
 * `resources`, `progress`, `progressStream`, `onProgress`) are {@link DownloadSourceOptions}.
 */
export interface MnistOptions extends DownloadSourceOptions {
  /** Folder holding the files (raw or .gz). Default `~/.cache/gd/datasets/<name>`. */
  root?: string;
  /** `'train'` (60 000 examples) or `'test'` (10 000). Default `'train'`. */
  split?: 'train' | 'test';
  /** Images as [N, 784] instead of [N, 28, 28]. Default false. */
  flatten?: boolean;
  /**
   * Read-only folders searched after `root` (files there are used in place). Default: none, and
   * for Fashion-MNIST `['/usr/share/datasets/fashion-mnist']` (Debian's dataset-fashion-mnist).
   */
  searchDirs?: readonly string[];
}

/** Where an MNIST-format dataset comes from and what its files are called. */
interface MnistSpec {
  op: string;
  name: string;
  mirrors: readonly string[];
  files: Record<'train' | 'test', [Resource, Resource]>;
  classNames: readonly string[];
  extraDirs: readonly string[];
  hint: string;
}

/**
 * The loader behind mnist/fashionMnist/kmnist: finds `<file>` or `<file without .gz>` in `root`
 * (also torchvision's `<root>/<Name>/raw/`) and the extra folders, downloads missing files into
 * `root` when asked, then parses and cross-checks the pair.
 */
async function loadMnistFormat(
  spec: MnistSpec,
  options: MnistOptions,
  tvName: string,
): Promise<ImageDataset> {
  const split = options.split ?? 'train';
  if (split !== 'train' && split !== 'test') {
    throw new GdRangeError(`${spec.op}: split must be 'train' or 'test', got '${String(split)}'`);
  }
  const mirrors =
    options.mirrors === undefined ? spec.mirrors : checkMirrors(spec.op, options.mirrors);
  const resources =
    options.resources === undefined
      ? spec.files[split]
      : pickSplitFiles(
          spec.op,
          split,
          spec.files[split],
          checkResources(spec.op, options.resources),
        );
  const root = options.root ?? defaultRoot(spec.name);
  const dirs = [root, join(root, tvName, 'raw'), ...(options.searchDirs ?? spec.extraDirs)];
  const paths: string[] = [];
  for (const resource of resources) {
    const plain = resource.filename.replace(/\.gz$/, '');
    const candidates = dirs.flatMap((d) => [join(d, resource.filename), join(d, plain)]);
    let path = await firstExisting(candidates);
    if (path === null && options.download) {
      path = await ensureDownloaded(root, resource, mirrors, {
        progress: options.progress,
        progressStream: options.progressStream,
        onProgress: options.onProgress,
      });
    }
    if (path === null) {
      throw new DatasetError(
        `${spec.op}: ${resource.filename} not found in ${dirs.join(', ')}; ${spec.hint}`,
        { file: join(root, resource.filename) },
      );
    }
    paths.push(path);
  }
  const [images, labels] = await Promise.all(paths.map(readMaybeGzip));
  return parseMnist({
    images,
    labels,
    imagesFile: paths[0],
    labelsFile: paths[1],
    flatten: options.flatten,
    classNames: spec.classNames,
  });
}

/**
 * The entries of a user's `resources` that stand for the split's images and labels files,
 * matched by name with or without `.gz`.
 */
function pickSplitFiles(
  op: string,
  split: 'train' | 'test',
  official: readonly [Resource, Resource],
  given: Resource[],
): [Resource, Resource] {
  const pick = (wanted: Resource): Resource => {
    const plain = wanted.filename.replace(/\.gz$/, '');
    const found = given.find((r) => r.filename === wanted.filename || r.filename === plain);
    if (found === undefined) {
      throw new GdRangeError(
        `${op}: resources has no entry for ${plain}(.gz), needed for split '${split}' (got ${given.map((r) => r.filename).join(', ')}); add { filename: '${wanted.filename}', md5: '…' } or leave resources out to use the official list`,
      );
    }
    return found;
  };
  return [pick(official[0]), pick(official[1])];
}

function mnistFiles(md5: [string, string, string, string]): MnistSpec['files'] {
  return {
    train: [
      { filename: 'train-images-idx3-ubyte.gz', md5: md5[0] },
      { filename: 'train-labels-idx1-ubyte.gz', md5: md5[1] },
    ],
    test: [
      { filename: 't10k-images-idx3-ubyte.gz', md5: md5[2] },
      { filename: 't10k-labels-idx1-ubyte.gz', md5: md5[3] },
    ],
  };
}

/** MNIST's download mirrors and MD5s as torchvision lists them. */
export const MNIST_RESOURCES = {
  mirrors: ['https://ossci-datasets.s3.amazonaws.com/mnist/', 'http://yann.lecun.com/exdb/mnist/'],
  files: mnistFiles([
    'f68b3c2dcbeaaa9fbdd348bbdeb94873',
    'd53e105ee54ea40749a09fcbcd1e9432',
    '9fb629c4189551a2d022fa330f9573f3',
    'ec29112dd5afa0611ce80d1b7f02629c',
  ]),
} as const;

/** Fashion-MNIST's download mirror and MD5s as torchvision lists them. */
export const FASHION_MNIST_RESOURCES = {
  mirrors: ['http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/'],
  files: mnistFiles([
    '8d4fb7e6c68d591d4c3dfef9ec88bf0d',
    '25c81989df183df01b3e8a0aad5dffbe',
    'bef4ecab320f06d8554ea6380940ec79',
    'bb300cfdad3c16e7a12a480ee83cd310',
  ]),
} as const;

/** KMNIST's download mirror and MD5s as torchvision lists them. */
export const KMNIST_RESOURCES = {
  mirrors: ['http://codh.rois.ac.jp/kmnist/dataset/kmnist/'],
  files: mnistFiles([
    'bdb82020997e1d708af4cf47b453dcf7',
    'e144d726b3acfaa3e44228e80efcd344',
    '5c965bf0a639b31b8f53240b1b52f4d7',
    '7320c461ea6c1c855c0b718fb2a4b134',
  ]),
} as const;

/** Where Debian's `dataset-fashion-mnist` package installs the files. */
export const DEBIAN_FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';

/**
 * Loads MNIST (LeCun, Cortes & Burges): 28×28 grey handwritten digits, 60 000 train / 10 000
 * test. Pixels float32 in [0, 1] (x = byte/255, torchvision's ToTensor), labels int32 0..9.
 * Files are looked up in `root` (raw or .gz; also `<root>/MNIST/raw/`); with `download: true`
 * missing ones are fetched from torchvision's mirrors and MD5-verified.
 *
 * `mirrors` replaces torchvision's mirror list (base URLs tried in order) and `resources` the
 * file list with its checksums, e.g. for a private mirror holding your own MNIST-format files.
 *
 * @param options `root` (default `~/.cache/gd/datasets/mnist`), `split` ('train'), `download`
 *   (false), `flatten` (false: [N, 28, 28]; true: [N, 784]), `progress` (true), `mirrors`
 *   (default `MNIST_RESOURCES.mirrors`), `resources` (default `MNIST_RESOURCES.files`),
 *   `progressStream`, `onProgress`, `searchDirs`.
 * @throws DatasetError when files are missing (pass `download: true`) or malformed, or when no
 *   mirror serves a copy with the right checksum (names the file, the URLs and what to do).
 * @throws TypeError or RangeError on malformed `mirrors`/`resources` or an unknown `split`.
 * @example
 * ```ts
 * const train = await mnist({ download: true, flatten: true });
 * train.images.shape; // [60000, 784]
 *
 * // the test split from an institute's mirror, with the checksums of the files it serves
 * const test = await mnist({
 *   split: 'test',
 *   download: true,
 *   mirrors: ['https://data.example.edu/mnist/'],
 *   resources: [
 *     { filename: 't10k-images-idx3-ubyte.gz', md5: '9fb629c4189551a2d022fa330f9573f3' },
 *     { filename: 't10k-labels-idx1-ubyte.gz', md5: 'ec29112dd5afa0611ce80d1b7f02629c' },
 *   ],
 * });
 * ```
 */
export function mnist(options: MnistOptions = {}): Promise<ImageDataset> {
  return loadMnistFormat(
    {
      op: 'mnist',
      name: 'mnist',
      ...MNIST_RESOURCES,
      classNames: MNIST_CLASSES,
      extraDirs: [],
      hint: 'pass download: true to fetch it, or root: the folder that holds the MNIST files',
    },
    options,
    'MNIST',
  );
}

/**
 * Loads Fashion-MNIST (Xiao, Rasul & Vollgraf 2017, MIT licence): 28×28 grey images of 10 kinds
 * of clothing, 60 000 train / 10 000 test, a drop-in MNIST replacement. Looks in `root`, then in
 * `/usr/share/datasets/fashion-mnist` (Debian's `dataset-fashion-mnist`); with `download: true`
 * fetches missing files (MD5-verified). Pixels float32 in [0, 1], labels int32 0..9.
 *
 * Files found on disk are validated structurally (IDX header and sizes), not by MD5: Debian's
 * copies are recompressed and have different .gz checksums but identical contents.
 *
 * @param options as {@link mnist}; default root `~/.cache/gd/datasets/fashion-mnist`.
 * @throws DatasetError when files are missing ("pass download: true or install
 *   dataset-fashion-mnist") or malformed.
 * @example
 * ```ts
 * const test = await fashionMnist({ split: 'test' });
 * test.classNames[test.labels.data[0]]; // 'Ankle boot'
 * ```
 */
export function fashionMnist(options: MnistOptions = {}): Promise<ImageDataset> {
  return loadMnistFormat(
    {
      op: 'fashionMnist',
      name: 'fashion-mnist',
      ...FASHION_MNIST_RESOURCES,
      classNames: FASHION_MNIST_CLASSES,
      extraDirs: [DEBIAN_FASHION_MNIST_DIR],
      hint: 'pass download: true or install dataset-fashion-mnist (apt-get install dataset-fashion-mnist)',
    },
    options,
    'FashionMNIST',
  );
}

/**
 * Loads Kuzushiji-MNIST (Clanuwat et al. 2018, CC BY-SA 4.0): 28×28 images of 10 cursive
 * hiragana, 60 000 train / 10 000 test, in MNIST's format. As {@link mnist}.
 *
 * @param options as {@link mnist}; default root `~/.cache/gd/datasets/kmnist`.
 * @example
 * ```ts
 * const train = await kmnist({ download: true });
 * train.classNames; // ['o', 'ki', 'su', …]
 * ```
 */
export function kmnist(options: MnistOptions = {}): Promise<ImageDataset> {
  return loadMnistFormat(
    {
      op: 'kmnist',
      name: 'kmnist',
      ...KMNIST_RESOURCES,
      classNames: KMNIST_CLASSES,
      extraDirs: [],
      hint: 'pass download: true to fetch it, or root: the folder that holds the KMNIST files',
    },
    options,
    'KMNIST',
  );
}
