import { GdError } from '@gd/errors';

/**
 * Raised when a scheduler is used in a way its state does not allow: resuming without
 * `initialLr` in the parameter groups, stepping a {@link OneCycleLR} past `totalSteps`,
 * putting a {@link ReduceLROnPlateau} inside a {@link SequentialLR}. Bad option values raise
 * `RangeError`/`TypeError` (`GdRangeError`/`GdTypeError` from `@gd/errors`) instead.
 *
 * @example
 * ```ts
 * try { sched.step(); } catch (e) { if (e instanceof SchedulerError) console.error(e.message); }
 * ```
 */
export class SchedulerError extends GdError {
  override name = 'SchedulerError';
  /** Always `'ERR_GD_SCHEDULER'`. */
  override readonly code: string = 'ERR_GD_SCHEDULER';
}
