import { GdRangeError } from '@gd/errors';

/**
 * A pure learning-rate schedule: step (or epoch) index → learning rate, as in optax.
 * Every scheduler object with a closed form has one (`stepLRSchedule`, `cosineAnnealingSchedule`,
 * …), and Keras's decays are provided as schedules too.
 *
 * @example
 * ```ts
 * const s: Schedule = (t) => 0.1 * 0.95 ** t;
 * s(10); // 0.0598…
 * ```
 */
export type Schedule = (step: number) => number;

/**
 * Evaluates a schedule at steps `start, start + 1, …, start + count − 1` — the values to plot.
 *
 * @example
 * ```ts
 * sampleSchedule(stepLRSchedule({ lr: 0.1, stepSize: 2 }), 5); // [0.1, 0.1, 0.01, 0.01, 0.001…]
 * ```
 */
export function sampleSchedule(schedule: Schedule, count: number, start = 0): number[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new GdRangeError(`sampleSchedule: count must be an integer ≥ 0, got ${count}`);
  }
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = schedule(start + i);
  return out;
}
