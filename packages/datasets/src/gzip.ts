import { gunzipSync } from 'fflate';
import { DatasetError } from './errors';

/** True when `bytes` start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses gzip bytes in any JavaScript runtime (fflate, no `node:zlib`), so `.gz` dataset
 * files fetched in a browser can be parsed; bytes that are not gzip are returned unchanged.
 *
 * @param bytes gzip or plain bytes.
 * @param file name used in the error message.
 * @throws DatasetError when the gzip stream is corrupt or truncated.
 * @example
 * ```ts
 * const idx = parseIdx(maybeGunzip(new Uint8Array(await (await fetch(url)).arrayBuffer())));
 * ```
 */
export function maybeGunzip(bytes: Uint8Array, file = 'data'): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (cause) {
    throw new DatasetError(
      `${file}: gzip data is corrupt or truncated (${(cause as Error).message}); delete the file and download it again`,
      { file, cause },
    );
  }
}
