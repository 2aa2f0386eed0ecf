import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import cliProgress from 'cli-progress';
import { DatasetError } from '../errors';
import { checkMirrors } from './sources';

/** Expected checksum of a file: MD5 (as torchvision lists them) and/or SHA-256, lowercase hex. */
export interface Checksum {
  md5?: string;
  sha256?: string;
}

/** Options of {@link downloadFile}. */
export interface DownloadOptions extends Checksum {
  /** Draw a progress bar on stderr (cli-progress; only on a TTY). Default true. */
  progress?: boolean;
  /** Draw the bar on this stream instead, TTY or not (a log file, a test's capture). */
  progressStream?: NodeJS.WritableStream;
  /** Called after each received chunk with bytes so far, the total (`null` if unknown) and the URL. */
  onProgress?: (received: number, total: number | null, url: string) => void;
  /** Aborts the download. */
  signal?: AbortSignal;
  /** Give up when no byte arrives for this long (connecting included), in ms. Default 60 000. */
  idleTimeoutMs?: number;
}

/**
 * Hashes a file on disk (streaming) with `algorithm` ('md5', 'sha256', …), lowercase hex.
 *
 * @example
 * ```ts
 * await fileHash('train-images-idx3-ubyte.gz', 'md5'); // 'f68b3c2d…'
 * ```
 */
export async function fileHash(path: string, algorithm: 'md5' | 'sha256'): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Whether the file at `path` has the expected checksum(s); true when none is given. */
export async function verifyFile(path: string, expected: Checksum): Promise<boolean> {
  if (expected.md5 && (await fileHash(path, 'md5')) !== expected.md5.toLowerCase()) return false;
  if (expected.sha256 && (await fileHash(path, 'sha256')) !== expected.sha256.toLowerCase())
    return false;
  return true;
}

/**
 * Downloads `url` to `dest` atomically: the body streams into a temporary file in the same
 * directory while MD5/SHA-256 are computed; only when the transfer is complete and the checksums
 * match is the temporary file renamed to `dest`. On any failure the temporary file is removed,
 * so no partial or unverified file is ever left under `dest`'s name.
 *
 * @param url http(s) URL.
 * @param dest final path; its directory is created.
 * @param options `md5`/`sha256` to verify, `progress` bar (default true, drawn on stderr when it
 *   is a TTY, or on `progressStream`), `onProgress` callback, `signal`, `idleTimeoutMs` (60 000).
 * @throws DatasetError naming the URL on an HTTP error, a truncated body, or a checksum mismatch.
 * @example
 * ```ts
 * await downloadFile(url, '/tmp/t10k-labels-idx1-ubyte.gz', { md5: 'ec29112dd5afa0611ce80d1b7f02629c' });
 * ```
 */
export async function downloadFile(
  url: string,
  dest: string,
  options: DownloadOptions = {},
): Promise<void> {
  await mkdir(dirname(dest), { recursive: true });
  const tmp = join(dirname(dest), `.${basename(dest)}.${randomBytes(6).toString('hex')}.part`);
  const idleMs = options.idleTimeoutMs ?? 60_000;
  // One controller aborts the request when nothing arrives for idleMs; each chunk re-arms it.
  const idle = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(), idleMs);
  };
  const failure = (what: string, cause: unknown) =>
    idle.signal.aborted
      ? new DatasetError(
          `${url}: no data received for ${idleMs} ms; the server stalled — try again later`,
          {
            file: url,
            cause,
          },
        )
      : new DatasetError(
          `${url}: ${what} (${describe(cause)}); try again or check the network and URL`,
          {
            file: url,
            cause,
          },
        );
  const signal = options.signal ? AbortSignal.any([options.signal, idle.signal]) : idle.signal;
  let bar: cliProgress.SingleBar | null = null;
  try {
    let response: Response;
    touch();
    try {
      response = await fetch(url, { signal, redirect: 'follow' });
    } catch (cause) {
      throw failure('download failed', cause);
    }
    if (!response.ok || response.body === null) {
      throw new DatasetError(
        `${url}: download failed with HTTP ${response.status} ${response.statusText}; the mirror may be down — try again later`,
        { file: url },
      );
    }
    const header = response.headers.get('content-length');
    const total = header === null ? null : Number(header);
    if (options.progress ?? true) {
      bar = new cliProgress.SingleBar(
        {
          format: `${basename(dest)} [{bar}] {percentage}% {value}/{total} B`,
          clearOnComplete: false,
          ...(options.progressStream ? { stream: options.progressStream, noTTYOutput: true } : {}),
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total ?? 0, 0);
    }
    const md5 = createHash('md5');
    const sha256 = createHash('sha256');
    const file = await open(tmp, 'w');
    let received = 0;
    try {
      const reader = response.body.getReader();
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (cause) {
          throw failure(`connection lost after ${received} bytes`, cause);
        }
        touch();
        if (chunk.done) break;
        await file.write(chunk.value);
        md5.update(chunk.value);
        sha256.update(chunk.value);
        received += chunk.value.length;
        bar?.update(received);
        options.onProgress?.(received, total, url);
      }
      await file.sync();
    } finally {
      await file.close();
    }
    if (total !== null && received !== total) {
      throw new DatasetError(
        `${url}: received ${received} of ${total} bytes (truncated); try again`,
        {
          file: url,
        },
      );
    }
    checkDigest(url, 'MD5', options.md5, md5.digest('hex'));
    checkDigest(url, 'SHA-256', options.sha256, sha256.digest('hex'));
    await rename(tmp, dest);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  } finally {
    clearTimeout(timer);
    bar?.stop();
  }
}

function checkDigest(
  url: string,
  name: string,
  expected: string | undefined,
  actual: string,
): void {
  if (expected !== undefined && expected.toLowerCase() !== actual) {
    throw new DatasetError(
      `${url}: ${name} checksum mismatch (expected ${expected.toLowerCase()}, got ${actual}); the download is corrupt or the mirror serves a different file — nothing was saved, try again or another mirror`,
      { file: url },
    );
  }
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as Error & { cause?: unknown }).cause;
    return inner instanceof Error ? `${cause.message}: ${inner.message}` : cause.message;
  }
  return String(cause);
}

/** A file to fetch: its name under the dataset root and expected checksum. */
export interface Resource extends Checksum {
  filename: string;
}

/**
 * Makes sure `root/<filename>` exists with the right checksum: downloads it from the first
 * mirror that serves a verified copy (`<mirror><filename>`, a `/` added to a mirror that lacks
 * one). An existing verified file is kept without any request.
 *
 * @returns the path of the verified file.
 * @throws TypeError or RangeError when `mirrors` is not a non-empty list of http(s) URLs.
 * @throws DatasetError naming the file, every URL tried with its failure, and what to do, when
 *   no mirror works; nothing is left under `root` for that file.
 * @example
 * ```ts
 * await ensureDownloaded(root, { filename: 'train-labels-idx1-ubyte.gz', md5 }, MNIST_RESOURCES.mirrors);
 * ```
 */
export async function ensureDownloaded(
  root: string,
  resource: Resource,
  mirrors: readonly string[],
  options: Omit<DownloadOptions, 'md5' | 'sha256'> = {},
): Promise<string> {
  const dest = join(root, resource.filename);
  try {
    if (await verifyFile(dest, resource)) return dest;
  } catch {
    // missing (or unreadable) — download it below
  }
  const bases = checkMirrors('ensureDownloaded', mirrors);
  const errors: Error[] = [];
  for (const base of bases) {
    try {
      await downloadFile(`${base}${encodeURIComponent(resource.filename)}`, dest, {
        ...options,
        ...resource,
      });
      return dest;
    } catch (error) {
      errors.push(error instanceof Error ? error : new Error(String(error)));
    }
  }
  throw new DatasetError(
    `${resource.filename}: could not download a verified copy from any mirror:\n  ${errors.map((e) => e.message).join('\n  ')}\nNothing was saved as ${dest}. Try again later, pass mirrors: [...] with a working copy, or put a verified ${resource.filename} into ${root} yourself.`,
    { file: dest, cause: new AggregateError(errors, 'every mirror failed') },
  );
}
