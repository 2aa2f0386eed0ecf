import { Generator, type Tensor, uniform } from '@gd/tensor';
import fc from 'fast-check';
import { expect } from 'vitest';
import { type GradCheckResult, gradCheck } from '../src/index';

/** A float64 tensor with entries uniform in [low, high), reproducible from `seed`. */
export function rnd(shape: readonly number[], seed: number, low = -2, high = 2): Tensor {
  return uniform(low, high, shape, { dtype: 'float64', generator: new Generator(seed) });
}

/** A shape of rank 0–3 with sizes 1–3. */
export const shapeArb = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 0, maxLength: 3 });

/**
 * Two shapes that broadcast together: the second drops some leading axes of the first and
 * replaces some sizes with 1 (either side may be the broadcast one).
 */
export const broadcastPairArb = fc
  .tuple(
    shapeArb,
    fc.integer({ min: 0, max: 3 }),
    fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    fc.boolean(),
  )
  .map(([a, drop, ones, swap]) => {
    const b = a.slice(Math.min(drop, a.length)).map((d, i) => (ones[i] ? 1 : d));
    return swap ? ([b, a] as const) : ([a, b] as const);
  });

/** Asserts that gradCheck passes, printing the worst entry when it does not. */
export function expectGradOk(r: GradCheckResult): void {
  if (!r.ok) expect(r.worst, `gradCheck failed: ${JSON.stringify(r)}`).toBeNull();
  expect(r.ok).toBe(true);
}

/** Property-test runs per op (many random shapes per op, within the suite's time budget). */
export const RUNS = { numRuns: 40 };

/** Runs gradCheck (float64, default tolerances) and asserts it passes. */
export function checkGrad(f: Parameters<typeof gradCheck>[0], inputs: Tensor[]): void {
  expectGradOk(gradCheck(f, inputs));
}

/** Asserts two nested arrays of numbers agree to `tol` elementwise. */
export function expectAllClose(actual: unknown, expected: unknown, tol = 1e-12): void {
  const a = [actual].flat(Number.POSITIVE_INFINITY) as number[];
  const e = [expected].flat(Number.POSITIVE_INFINITY) as number[];
  expect(a.length).toBe(e.length);
  for (let i = 0; i < a.length; i++) {
    const scale = Math.max(1, Math.abs(e[i]));
    if (!(Math.abs(a[i] - e[i]) <= tol * scale)) {
      expect(a[i], `entry ${i}`).toBe(e[i]);
    }
  }
}
