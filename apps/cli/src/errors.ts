/** Errors the command line maps to exit codes: usage problems exit 2, everything else 1. */
import { GdError } from '@gd/errors';

/**
 * A mistake in how gd was called (bad option, value, expression or name): exit code 2. A
 * {@link GdError} with code `'ERR_GD_USAGE'`, like every other error gd throws for bad input.
 */
export class UsageError extends GdError {
  override name = 'UsageError';
  override readonly code: string = 'ERR_GD_USAGE';
  /** What to do about it, printed on the line after the message. */
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
  }
}

/** Runs `build` and turns the RangeError/TypeError of a constructor's validation into a UsageError. */
export function asUsage<T>(build: () => T, hint?: string): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof RangeError || e instanceof TypeError)
      throw new UsageError(e.message.replace(/^\w+Error: /, ''), hint);
    throw e;
  }
}
