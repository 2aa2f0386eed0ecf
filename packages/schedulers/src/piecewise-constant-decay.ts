import { GdRangeError, GdTypeError } from '@gd/errors';
import type { Schedule } from './schedule.js';
import { finite } from './validate.js';

/** Options of {@link piecewiseConstantDecay} (Keras's `PiecewiseConstantDecay`). */
export interface PiecewiseConstantDecayOptions {
  /** Strictly increasing step boundaries. */
  boundaries: readonly number[];
  /** One more value than boundaries. */
  values: readonly number[];
}

/**
 * Keras's `PiecewiseConstantDecay` as a pure schedule.
 *
 * lr(t) = values[0] for t ≤ b₀, values[i] for bᵢ₋₁ < t ≤ bᵢ, values[n] for t > bₙ₋₁.
 *
 * @example
 * ```ts
 * const s = piecewiseConstantDecay({ boundaries: [100, 200], values: [1, 0.5, 0.1] });
 * s(100); // 1
 * s(101); // 0.5
 * ```
 */
export function piecewiseConstantDecay(options: PiecewiseConstantDecayOptions): Schedule {
  const owner = 'piecewiseConstantDecay';
  const boundaries = options?.boundaries;
  const values = options.values;
  if (!Array.isArray(boundaries) || !Array.isArray(values)) {
    throw new GdTypeError(`${owner}: boundaries and values must be arrays of numbers`);
  }
  if (values.length !== boundaries.length + 1) {
    throw new GdRangeError(
      `${owner}: values must have one more entry than boundaries, got ${values.length} values for ${boundaries.length} boundaries`,
    );
  }
  boundaries.forEach((b, i) => {
    finite(owner, `boundaries[${i}]`, b);
    if (i > 0 && b <= boundaries[i - 1]) {
      throw new GdRangeError(
        `${owner}: boundaries must be strictly increasing, got ${boundaries[i - 1]} then ${b} at index ${i}`,
      );
    }
  });
  values.forEach((v, i) => {
    finite(owner, `values[${i}]`, v);
  });
  const b = [...boundaries];
  const v = [...values];
  return (t) => {
    let i = 0;
    while (i < b.length && t > b[i]) i++;
    return v[i];
  };
}
