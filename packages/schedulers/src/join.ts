import { GdRangeError, GdTypeError } from '@gd/errors';
import type { Schedule } from './schedule.js';
import { callable, finite, nonNegative, positive } from './validate.js';

/**
 * Runs schedules one after another (optax's `join_schedules`): schedule i is used from
 * boundary i − 1 on and sees the step counted from that boundary.
 *
 * join([s₀, …, sₙ], [b₀, …, bₙ₋₁])(t) = sᵢ(t − bᵢ₋₁) where bᵢ₋₁ ≤ t < bᵢ (b₋₁ = 0).
 *
 * @example
 * ```ts
 * const s = join([linearSchedule({ start: 0, end: 0.1, steps: 10 }), cosineAnnealingSchedule({ lr: 0.1, tMax: 90 })], [10]);
 * s(10); // 0.1
 * ```
 */
export function join(schedules: readonly Schedule[], boundaries: readonly number[]): Schedule {
  const owner = 'join';
  if (!Array.isArray(schedules) || schedules.length === 0) {
    throw new GdTypeError(`${owner}: schedules must be a non-empty array of functions`);
  }
  schedules.forEach((s, i) => {
    callable(owner, `schedules[${i}]`, s);
  });
  if (!Array.isArray(boundaries) || boundaries.length !== schedules.length - 1) {
    throw new GdRangeError(
      `${owner}: expected ${schedules.length - 1} boundaries for ${schedules.length} schedules, got ${Array.isArray(boundaries) ? boundaries.length : String(boundaries)}`,
    );
  }
  boundaries.forEach((b, i) => {
    nonNegative(owner, `boundaries[${i}]`, b);
    if (i > 0 && b <= boundaries[i - 1]) {
      throw new GdRangeError(
        `${owner}: boundaries must be strictly increasing, got ${boundaries[i - 1]} then ${b}`,
      );
    }
  });
  const s = [...schedules];
  const b = [...boundaries];
  return (t) => {
    let i = 0;
    while (i < b.length && t >= b[i]) i++;
    return s[i](i === 0 ? t : t - b[i - 1]);
  };
}

/**
 * A constant schedule.
 *
 * @example
 * ```ts
 * constantSchedule(0.1)(1000); // 0.1
 * ```
 */
export function constantSchedule(value: number): Schedule {
  const v = finite('constantSchedule', 'value', value);
  return () => v;
}

/**
 * Moves linearly from `start` to `end` over `steps` steps, then stays at `end`.
 *
 * lr(t) = start + (end − start)·min(t, steps)/steps.
 *
 * @example
 * ```ts
 * linearSchedule({ start: 0, end: 0.1, steps: 10 })(5); // 0.05
 * ```
 */
export function linearSchedule(options: { start: number; end: number; steps: number }): Schedule {
  const owner = 'linearSchedule';
  const start = finite(owner, 'start', options?.start);
  const end = finite(owner, 'end', options.end);
  const steps = positive(owner, 'steps', options.steps);
  return (t) => start + ((end - start) * Math.min(Math.max(t, 0), steps)) / steps;
}

/**
 * Prepends a linear warm-up to any schedule: from `startLr` up to `schedule(0)` over
 * `warmupSteps`, then `schedule(t − warmupSteps)`.
 *
 * lr(t) = startLr + (schedule(0) − startLr)·t/W for t < W, else schedule(t − W).
 * Default: startLr = 0.
 *
 * @example
 * ```ts
 * const s = linearWarmup(cosineAnnealingSchedule({ lr: 0.1, tMax: 100 }), { warmupSteps: 5 });
 * s(0); // 0
 * s(5); // 0.1
 * ```
 */
export function linearWarmup(
  schedule: Schedule,
  options: { warmupSteps: number; startLr?: number },
): Schedule {
  const owner = 'linearWarmup';
  const inner = callable<Schedule>(owner, 'schedule', schedule);
  const w = nonNegative(owner, 'warmupSteps', options?.warmupSteps);
  const startLr = finite(owner, 'startLr', options.startLr ?? 0);
  if (w === 0) return inner;
  const peak = inner(0);
  return join([linearSchedule({ start: startLr, end: peak, steps: w }), inner], [w]);
}
