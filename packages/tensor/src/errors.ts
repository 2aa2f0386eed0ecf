import { GdError, GdTypeError } from '@gd/errors';

/**
 * Thrown when tensor shapes do not fit an operation, e.g. `matmul` of [3, 4] by [5, 2].
 * The message names the operation, the shapes and what was expected. A `GdError` (from `@gd/errors`).
 *
 * @example
 * ```ts
 * try { matmul(zeros([3, 4]), zeros([5, 2])); } catch (e) { if (e instanceof ShapeError) console.log(e.message); }
 * ```
 */
export class ShapeError extends GdError {
  override name = 'ShapeError';
  /** Always `'ERR_GD_SHAPE'`. */
  override readonly code: string = 'ERR_GD_SHAPE';
}

/**
 * Thrown when a tensor's dtype does not fit an operation, e.g. float indices given to `gather`,
 * or an unknown dtype name. A subclass of TypeError and a `GdError` (via `GdTypeError` from `@gd/errors`).
 *
 * @example
 * ```ts
 * try { take(x, tensor([0.5])); } catch (e) { if (e instanceof DTypeError) console.log(e.message); }
 * ```
 */
export class DTypeError extends GdTypeError {
  override name = 'DTypeError';
  /** Always `'ERR_GD_DTYPE'`. */
  override readonly code: string = 'ERR_GD_DTYPE';
}

/** Formats a shape as `[3, 4]` for error messages. */
export function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
