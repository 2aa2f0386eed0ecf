import { GdError } from '@gd/errors';

/**
 * Thrown when a linear-algebra routine cannot produce a result for the values it was given (the
 * shapes and dtypes being right): a singular matrix for `solve`/`inv`, a matrix that is not
 * positive-definite for `cholesky`. PyTorch raises `torch.linalg.LinAlgError` in the same cases.
 *
 * @example
 * ```ts
 * try { inv(tensor([[1, 2], [2, 4]])); } catch (e) { if (e instanceof LinAlgError) console.log(e.message); }
 * ```
 */
export class LinAlgError extends GdError {
  override name = 'LinAlgError';
  /** Always `'ERR_GD_LINALG'`. */
  override readonly code: string = 'ERR_GD_LINALG';
}
