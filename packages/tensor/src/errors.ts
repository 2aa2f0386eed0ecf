/**
 * Thrown when tensor shapes do not fit an operation, e.g. `matmul` of [3, 4] by [5, 2].
 * The message names the operation, the shapes and what was expected.
 *
 * @example
 * ```ts
 * try { matmul(zeros([3, 4]), zeros([5, 2])); } catch (e) { if (e instanceof ShapeError) console.log(e.message); }
 * ```
 */
export class ShapeError extends Error {
  override name = 'ShapeError';
}

/**
 * Thrown when a tensor's dtype does not fit an operation, e.g. float indices given to `gather`,
 * or an unknown dtype name. A subclass of TypeError.
 *
 * @example
 * ```ts
 * try { take(x, tensor([0.5])); } catch (e) { if (e instanceof DTypeError) console.log(e.message); }
 * ```
 */
export class DTypeError extends TypeError {
  override name = 'DTypeError';
}

/** Formats a shape as `[3, 4]` for error messages. */
export function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
