/** Options of {@link DatasetError}. */
export interface DatasetErrorOptions {
  /** The file (path, URL or name) the problem is about, when there is one. */
  file?: string;
  /** The error that caused this one (an I/O or decompression error). */
  cause?: unknown;
}

/**
 * Thrown when data cannot be loaded: a missing, truncated or corrupt file, a wrong magic number,
 * mismatched image and label counts, or a checksum that does not match. The message names the
 * file, what was wrong and what to do; `file` holds the file on its own.
 *
 * @example
 * ```ts
 * try { parseIdx(new Uint8Array([1, 2, 3])); }
 * catch (e) { if (e instanceof DatasetError) console.log(e.message); }
 * ```
 */
export class DatasetError extends Error {
  override name = 'DatasetError';
  /** The file the problem is about, if any. */
  readonly file: string | undefined;

  constructor(message: string, options: DatasetErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.file = options.file;
  }
}
