/**
 * Raised when a scheduler is used in a way its state does not allow: resuming without
 * `initialLr` in the parameter groups, stepping a {@link OneCycleLR} past `totalSteps`,
 * putting a {@link ReduceLROnPlateau} inside a {@link SequentialLR}. Bad option values raise
 * `RangeError`/`TypeError` instead.
 *
 * @example
 * ```ts
 * try { sched.step(); } catch (e) { if (e instanceof SchedulerError) console.error(e.message); }
 * ```
 */
export class SchedulerError extends Error {
  override name = 'SchedulerError';
}
