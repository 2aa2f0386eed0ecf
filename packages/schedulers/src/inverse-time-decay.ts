import type { Schedule } from './schedule.js';
import { finite, nonNegative, positive } from './validate.js';

/** Options of {@link inverseTimeDecay} (Keras's `InverseTimeDecay`). */
export interface InverseTimeDecayOptions {
  initialLearningRate: number;
  /** Steps per unit of decay (> 0); default 1, which gives the old Keras `decay` argument. */
  decaySteps?: number;
  /** The decay rate (≥ 0). */
  decayRate: number;
  /** Decay in discrete jumps (⌊t/decaySteps⌋); default false. */
  staircase?: boolean;
}

/**
 * Keras's `InverseTimeDecay` as a pure schedule; with `decaySteps = 1` it is the lecture's
 * `keras.optimizers.SGD(lr, decay=…)`: lr / (1 + decay·t).
 *
 * lr(t) = initialLearningRate / (1 + decayRate · t / decaySteps), with ⌊t / decaySteps⌋ when
 * `staircase`. Defaults: decaySteps = 1, staircase = false.
 *
 * @example
 * ```ts
 * const s = inverseTimeDecay({ initialLearningRate: 0.1, decayRate: 0.5 });
 * s(2); // 0.05
 * ```
 */
export function inverseTimeDecay(options: InverseTimeDecayOptions): Schedule {
  const owner = 'inverseTimeDecay';
  const lr = finite(owner, 'initialLearningRate', options?.initialLearningRate);
  const steps = positive(owner, 'decaySteps', options.decaySteps ?? 1);
  const rate = nonNegative(owner, 'decayRate', options.decayRate);
  const staircase = options.staircase ?? false;
  return (t) => {
    const p = staircase ? Math.floor(t / steps) : t / steps;
    return lr / (1 + rate * p);
  };
}
