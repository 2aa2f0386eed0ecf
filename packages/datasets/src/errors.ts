import { GdError } from '@gd/errors';

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
export class DatasetError extends GdError {
  override name = 'DatasetError';
  /** Always `'ERR_GD_DATASET'`. */
  override readonly code: string = 'ERR_GD_DATASET';
  /** The file the problem is about, if any. */
  readonly file: string | undefined;

  constructor(message: string, options: DatasetErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.file = options.file;
  }
}

/**
 * Thrown when a scaler is used before `fit` (scikit-learn's `NotFittedError`): `transform`,
 * `inverseTransform` or the fitted statistics of a {@link StandardScaler} or {@link MinMaxScaler}.
 *
 * @example
 * ```ts
 * try { new StandardScaler().transform(x); }
 * catch (e) { if (e instanceof NotFittedError) console.log(e.message); } // … call fit(xTrain) first
 * ```
 */
export class NotFittedError extends GdError {
  override name = 'NotFittedError';
  /** Always `'ERR_GD_NOT_FITTED'`. */
  override readonly code: string = 'ERR_GD_NOT_FITTED';
}
