import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { DatasetError } from '../errors';
import { isGzip } from '../gzip';

const gunzipAsync = promisify(gunzip);

/**
 * Reads a file's bytes, decompressing it with node:zlib when it is gzip (by magic number, so a
 * `.gz` name is not required). Errors become {@link DatasetError}s naming the file.
 *
 * @example
 * ```ts
 * const bytes = await readMaybeGzip('train-images-idx3-ubyte.gz');
 * ```
 */
export async function readMaybeGzip(path: string): Promise<Uint8Array> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const what =
      code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(cause)})`;
    throw new DatasetError(`${path}: ${what}; check the path`, { file: path, cause });
  }
  const bytes = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  if (!isGzip(bytes)) return bytes;
  try {
    const out = await gunzipAsync(bytes);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (cause) {
    throw new DatasetError(
      `${path}: gzip data is corrupt or truncated (${(cause as Error).message}); delete the file and download it again`,
      { file: path, cause },
    );
  }
}
