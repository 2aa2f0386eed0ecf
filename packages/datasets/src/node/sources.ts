import { GdRangeError, GdTypeError } from '@gd/errors';
import type { Resource } from './download';

/**
 * The download options every file loader (`mnist`, `fashionMnist`, `kmnist`, `emnist`,
 * `cifar10`) accepts: whether to download, where from, which files with which checksums, and
 * how progress is shown.
 *
 * `mirrors` and `resources` override the built-in source the way torchvision's class
 * attributes `MNIST.mirrors` and `MNIST.resources` do, for a private mirror, an institute's
 * cache or a test server. Files found on disk are used without any request; a download is
 * always checksum-verified before it is renamed into `root`.
 */
export interface DownloadSourceOptions {
  /** Fetch missing files (checksums verified, written atomically into `root`). Default false. */
  download?: boolean;
  /**
   * Base URLs tried in order, each followed by the file name (`<mirror><filename>`); a missing
   * trailing `/` is added. http: and https: only. Default: the official mirrors as torchvision
   * lists them (`MNIST_RESOURCES.mirrors`, …).
   */
  mirrors?: readonly string[];
  /**
   * The files to fetch with their MD5 and/or SHA-256 (lowercase or uppercase hex), replacing the
   * built-in list (`MNIST_RESOURCES.files`, `CIFAR10_RESOURCES.archive`, …). Each `filename` is
   * a plain file name (no `/`); each entry needs at least one checksum. For the MNIST-format
   * loaders the list must contain the two files of the requested split by their usual names
   * (`train-images-idx3-ubyte.gz`, `train-labels-idx1-ubyte.gz`, `t10k-…`, with or without
   * `.gz`); for `cifar10` and `emnist` it is the one archive to fetch.
   */
  resources?: readonly Resource[];
  /**
   * Draw a progress bar (cli-progress) while downloading. Default true; it is drawn on stderr
   * only when stderr is a TTY, so CI logs stay clean.
   */
  progress?: boolean;
  /** Draw the progress bar on this stream instead, TTY or not (a log file, a test's capture). */
  progressStream?: NodeJS.WritableStream;
  /** Called after each received chunk with bytes so far, the total (`null` if unknown) and the URL. */
  onProgress?: (received: number, total: number | null, url: string) => void;
}

const HEX = { md5: /^[0-9a-f]{32}$/i, sha256: /^[0-9a-f]{64}$/i } as const;

/**
 * Validates a `mirrors` option and returns the base URLs, each ending in `/`.
 *
 * @throws TypeError when `mirrors` is not an array of strings.
 * @throws RangeError when it is empty or an entry is not an absolute http(s) URL.
 * @example
 * ```ts
 * checkMirrors('mnist', ['http://127.0.0.1:8000/mnist']); // ['http://127.0.0.1:8000/mnist/']
 * checkMirrors('mnist', ['ftp://example.org/']); // RangeError: … not http: or https: …
 * ```
 */
export function checkMirrors(op: string, mirrors: unknown): string[] {
  if (!Array.isArray(mirrors) || mirrors.some((m) => typeof m !== 'string')) {
    throw new GdTypeError(
      `${op}: mirrors must be an array of base URLs (strings), got ${show(mirrors)}; e.g. mirrors: ['https://example.org/mnist/']`,
    );
  }
  if (mirrors.length === 0) {
    throw new GdRangeError(
      `${op}: mirrors is empty; list at least one base URL, or leave mirrors out to use the official ones`,
    );
  }
  return (mirrors as string[]).map((m) => {
    let url: URL;
    try {
      url = new URL(m);
    } catch {
      throw new GdRangeError(
        `${op}: mirror '${m}' is not an absolute URL; give a base URL such as 'https://example.org/mnist/'`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new GdRangeError(
        `${op}: mirror '${m}' uses ${url.protocol}, not http: or https:; serve the files over HTTP, or copy them into root yourself`,
      );
    }
    if (url.search !== '' || url.hash !== '') {
      throw new GdRangeError(
        `${op}: mirror '${m}' has a query or fragment; give the folder URL the file names are appended to`,
      );
    }
    return m.endsWith('/') ? m : `${m}/`;
  });
}

/**
 * Validates a `resources` option: an array of `{ filename, md5?, sha256? }` with a plain file
 * name and at least one well-formed checksum each, no name twice. Returns copies.
 *
 * @throws TypeError when `resources` or an entry has the wrong type.
 * @throws RangeError on an empty list, a path in a file name, a malformed or missing checksum,
 *   or a duplicate name.
 * @example
 * ```ts
 * checkResources('mnist', [{ filename: 'train-labels-idx1-ubyte.gz', md5: 'd53e105ee54ea40749a09fcbcd1e9432' }]);
 * checkResources('mnist', [{ filename: '../x.gz', md5: '…' }]); // RangeError: … plain file name …
 * ```
 */
export function checkResources(op: string, resources: unknown): Resource[] {
  if (!Array.isArray(resources)) {
    throw new GdTypeError(
      `${op}: resources must be an array of { filename, md5?, sha256? }, got ${show(resources)}`,
    );
  }
  if (resources.length === 0) {
    throw new GdRangeError(
      `${op}: resources is empty; list the files to fetch, or leave resources out to use the official list`,
    );
  }
  const seen = new Set<string>();
  return resources.map((r: unknown, k) => {
    const where = `${op}: resources[${k}]`;
    if (typeof r !== 'object' || r === null || typeof (r as Resource).filename !== 'string') {
      throw new GdTypeError(
        `${where} must be { filename: string, md5?: string, sha256?: string }, got ${show(r)}`,
      );
    }
    const { filename, md5, sha256 } = r as Resource;
    if (filename === '' || /[/\\]/.test(filename) || filename === '.' || filename === '..') {
      throw new GdRangeError(
        `${where}.filename '${filename}' must be a plain file name (no folders); the file is saved under root with that name`,
      );
    }
    if (seen.has(filename)) {
      throw new GdRangeError(`${where}: '${filename}' is listed twice; list each file once`);
    }
    seen.add(filename);
    for (const [name, value] of [
      ['md5', md5],
      ['sha256', sha256],
    ] as const) {
      if (value !== undefined && (typeof value !== 'string' || !HEX[name].test(value))) {
        throw new GdRangeError(
          `${where}.${name} for '${filename}' must be ${name === 'md5' ? 32 : 64} hex digits, got ${show(value)}`,
        );
      }
    }
    if (md5 === undefined && sha256 === undefined) {
      throw new GdRangeError(
        `${where}: '${filename}' has no checksum; give md5 or sha256 so the download can be verified (e.g. from \`sha256sum ${filename}\`)`,
      );
    }
    return {
      filename,
      ...(md5 === undefined ? {} : { md5 }),
      ...(sha256 === undefined ? {} : { sha256 }),
    };
  });
}

/**
 * The one archive a `cifar10`/`emnist` download fetches: the built-in one, or the single entry
 * of a validated `resources` option.
 *
 * @throws RangeError when `resources` lists more than one file.
 */
export function archiveResource(op: string, builtIn: Resource, resources: unknown): Resource {
  if (resources === undefined) return builtIn;
  const list = checkResources(op, resources);
  if (list.length !== 1) {
    throw new GdRangeError(
      `${op}: resources must list exactly one archive (like { filename: '${builtIn.filename}', md5: '…' }), got ${list.length} files`,
    );
  }
  return list[0];
}

function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value))
    return `[${value.slice(0, 3).map(show).join(', ')}${value.length > 3 ? ', …' : ''}]`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
