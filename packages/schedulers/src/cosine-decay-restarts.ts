import type { Schedule } from './schedule.js';
import { finite, inRange, nonNegative, positive } from './validate.js';

/** Options of {@link cosineDecayRestarts} (Keras's `CosineDecayRestarts`). */
export interface CosineDecayRestartsOptions {
  initialLearningRate: number;
  /** Length of the first period (> 0). */
  firstDecaySteps: number;
  /** Growth of the period per restart (> 0); default 2. */
  tMul?: number;
  /** Scale of the restart peak per restart (≥ 0); default 1. */
  mMul?: number;
  /** Floor as a fraction of initialLearningRate; default 0. */
  alpha?: number;
}

/**
 * Keras's `CosineDecayRestarts` (SGDR) as a pure schedule.
 *
 * f = t/T₀. tMul = 1: i = ⌊f⌋, f ← f − i. Otherwise i = ⌊log(1 − f(1 − tMul))/log tMul⌋,
 * f ← (f − (1 − tMulⁱ)/(1 − tMul)) / tMulⁱ. lr(t) = lr₀·((1 − α)·½·mMulⁱ·(1 + cos πf) + α).
 * Defaults: tMul = 2, mMul = 1, alpha = 0.
 *
 * @example
 * ```ts
 * const s = cosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 10 });
 * s(10); // 0.1 — restart; the next period lasts 20 steps
 * ```
 */
export function cosineDecayRestarts(options: CosineDecayRestartsOptions): Schedule {
  const owner = 'cosineDecayRestarts';
  const lr0 = finite(owner, 'initialLearningRate', options?.initialLearningRate);
  const first = positive(owner, 'firstDecaySteps', options.firstDecaySteps);
  const tMul = positive(owner, 'tMul', options.tMul ?? 2);
  const mMul = nonNegative(owner, 'mMul', options.mMul ?? 1);
  const alpha = inRange(owner, 'alpha', options.alpha ?? 0, 0, 1);
  return (t) => {
    let fraction = t / first;
    let restart: number;
    if (tMul === 1) {
      restart = Math.floor(fraction);
      fraction -= restart;
    } else {
      restart = Math.floor(Math.log(1 - fraction * (1 - tMul)) / Math.log(tMul));
      const sumR = (1 - tMul ** restart) / (1 - tMul);
      fraction = (fraction - sumR) / tMul ** restart;
    }
    const cosineDecayed = 0.5 * mMul ** restart * (1 + Math.cos(Math.PI * fraction));
    return lr0 * ((1 - alpha) * cosineDecayed + alpha);
  };
}
