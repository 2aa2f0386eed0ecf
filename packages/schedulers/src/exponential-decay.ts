import type { Schedule } from './schedule.js';
import { finite, nonNegative, positive } from './validate.js';

/** Options of {@link exponentialDecay} (Keras's `ExponentialDecay`). */
export interface ExponentialDecayOptions {
  initialLearningRate: number;
  /** Steps per decay period (> 0). */
  decaySteps: number;
  /** Factor per period (≥ 0). */
  decayRate: number;
  /** Decay in discrete jumps (⌊t/decaySteps⌋); default false. */
  staircase?: boolean;
}

/**
 * Keras's `ExponentialDecay` as a pure schedule.
 *
 * lr(t) = initialLearningRate · decayRate^(t / decaySteps), with ⌊t / decaySteps⌋ when
 * `staircase`. Default: staircase = false.
 *
 * @example
 * ```ts
 * const s = exponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 });
 * s(10); // 0.05
 * s(5); // 0.0707… (= 0.1·√0.5)
 * ```
 */
export function exponentialDecay(options: ExponentialDecayOptions): Schedule {
  const owner = 'exponentialDecay';
  const lr = finite(owner, 'initialLearningRate', options?.initialLearningRate);
  const steps = positive(owner, 'decaySteps', options.decaySteps);
  const rate = nonNegative(owner, 'decayRate', options.decayRate);
  const staircase = options.staircase ?? false;
  return (t) => {
    const p = staircase ? Math.floor(t / steps) : t / steps;
    return lr * rate ** p;
  };
}
