import type { Schedule } from './schedule.js';
import { finite, nonNegative, positive } from './validate.js';

/** Options of {@link polynomialDecay} (Keras's `PolynomialDecay`). */
export interface PolynomialDecayOptions {
  initialLearningRate: number;
  /** Steps to reach `endLearningRate` (> 0). */
  decaySteps: number;
  /** Final learning rate; default 1e-4. */
  endLearningRate?: number;
  /** Power of the polynomial (≥ 0); default 1. */
  power?: number;
  /** Restart with a longer period instead of staying at the end value; default false. */
  cycle?: boolean;
}

/**
 * Keras's `PolynomialDecay` as a pure schedule.
 *
 * Without cycle: t' = min(t, D); lr(t) = (lr₀ − lr_end)·(1 − t'/D)^power + lr_end.
 * With cycle: D' = D·⌈t/D⌉ (D' = D at t = 0); lr(t) = (lr₀ − lr_end)·(1 − t/D')^power + lr_end.
 * Defaults: endLearningRate = 1e-4, power = 1, cycle = false.
 *
 * @example
 * ```ts
 * const s = polynomialDecay({ initialLearningRate: 0.1, decaySteps: 10, endLearningRate: 0.01 });
 * s(5); // 0.055
 * ```
 */
export function polynomialDecay(options: PolynomialDecayOptions): Schedule {
  const owner = 'polynomialDecay';
  const lr0 = finite(owner, 'initialLearningRate', options?.initialLearningRate);
  const decaySteps = positive(owner, 'decaySteps', options.decaySteps);
  const end = finite(owner, 'endLearningRate', options.endLearningRate ?? 1e-4);
  const power = nonNegative(owner, 'power', options.power ?? 1);
  const cycle = options.cycle ?? false;
  return (t) => {
    let steps = decaySteps;
    let step = t;
    if (cycle) steps = decaySteps * (t === 0 ? 1 : Math.ceil(t / decaySteps));
    else step = Math.min(t, decaySteps);
    return (lr0 - end) * (1 - step / steps) ** power + end;
  };
}
