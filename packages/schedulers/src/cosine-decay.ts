import type { Schedule } from './schedule.js';
import { finite, inRange, nonNegative, positive } from './validate.js';

/** Options of {@link cosineDecay} (Keras 3's `CosineDecay`). */
export interface CosineDecayOptions {
  /** Learning rate at step 0 (the warm-up's start when warming up). */
  initialLearningRate: number;
  /** Steps of the cosine decay (after the warm-up), > 0. */
  decaySteps: number;
  /** Floor as a fraction of the decay's starting lr; default 0. */
  alpha?: number;
  /** Peak reached at the end of the warm-up; default null (no warm-up). */
  warmupTarget?: number | null;
  /** Linear warm-up length; default 0. */
  warmupSteps?: number;
}

/**
 * Keras 3's `CosineDecay` (SGDR without restarts), with its optional linear warm-up.
 *
 * Without warm-up: t' = min(t, D); lr(t) = lr₀·((1 − α)·½(1 + cos(π t'/D)) + α).
 * With warm-up (warmupTarget set): t' = min(t, D + W); for t' < W,
 * lr = lr₀ + (target − lr₀)·t'/W; otherwise target·((1 − α)·½(1 + cos(π (t' − W)/D)) + α).
 * Defaults: alpha = 0, warmupTarget = null, warmupSteps = 0.
 *
 * @example
 * ```ts
 * const s = cosineDecay({ initialLearningRate: 0, decaySteps: 100, warmupTarget: 0.1, warmupSteps: 10 });
 * s(5); // 0.05 (warming up)
 * s(60); // 0.05 (half-way down the cosine)
 * ```
 */
export function cosineDecay(options: CosineDecayOptions): Schedule {
  const owner = 'cosineDecay';
  const lr0 = finite(owner, 'initialLearningRate', options?.initialLearningRate);
  const decaySteps = positive(owner, 'decaySteps', options.decaySteps);
  const alpha = inRange(owner, 'alpha', options.alpha ?? 0, 0, 1);
  const target =
    options.warmupTarget == null ? null : finite(owner, 'warmupTarget', options.warmupTarget);
  const warmupSteps = nonNegative(owner, 'warmupSteps', options.warmupSteps ?? 0);
  const decay = (step: number, from: number): number => {
    const cosineDecayed = 0.5 * (1 + Math.cos(Math.PI * (step / decaySteps)));
    return from * ((1 - alpha) * cosineDecayed + alpha);
  };
  if (target === null) return (t) => decay(Math.min(t, decaySteps), lr0);
  return (t) => {
    const step = Math.min(t, decaySteps + warmupSteps);
    if (step < warmupSteps) return (target - lr0) * (step / warmupSteps) + lr0;
    return decay(step - warmupSteps, target);
  };
}
