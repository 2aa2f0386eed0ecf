import { GdRangeError } from '@gd/errors';
import { type Tensor, add, mul, neg, sum } from '@gd/tensor';
import { ShapeError } from '@gd/tensor';
import { lossValue } from './optimizer';
import { checkNumber, inInterval, nonNegative, positive, positiveInteger } from './validate';

/** An objective for the line searches: a point in, a loss (number or scalar tensor) out. */
export type Objective = (x: Tensor) => number | { item(): number };

/** Options of {@link armijoBacktracking}. */
export interface ArmijoOptions {
  /** Search direction d. Default $−∇f(x)$ (steepest descent). */
  direction?: Tensor;
  /** First trial step t₀. Default 1. */
  initialStep?: number;
  /** Sufficient-decrease constant c₁ ∈ (0, 1). Default 1e-4. */
  c1?: number;
  /** Factor ρ ∈ (0, 1) the step shrinks by after each rejection. Default 0.5. */
  shrink?: number;
  /** Maximal number of trial steps. Default 50. */
  maxIter?: number;
  /** f(x), if already known (saves one evaluation). */
  loss?: number;
}

/** Result of {@link armijoBacktracking}. */
export interface ArmijoResult {
  /** The accepted step t (the last one tried if none was accepted). */
  stepSize: number;
  /** $f(x + td)$ at that step. */
  loss: number;
  /** The point $x + td$. */
  x: Tensor;
  /** Whether the Armijo condition held (false when maxIter ran out). */
  accepted: boolean;
  /** Objective evaluations spent. */
  evaluations: number;
}

/**
 * Backtracking line search with the Armijo (sufficient decrease) condition: tries
 * $t = t_0, ρt_0, ρ^2t_0, …$ until $f(x + td) ≤ f(x) + c_1 t\,∇f(x)^Td$.
 *
 * Defaults: direction −grad, initialStep 1, c1 1e-4, shrink 0.5, maxIter 50.
 *
 * @example
 * ```ts
 * const f = (x) => x.square().sum().item();
 * const x = tensor([3, -4], { dtype: 'float64' });
 * armijoBacktracking(f, x, x.mul(2)).stepSize; // 0.5: lands on the minimum
 * ```
 */
export function armijoBacktracking(
  f: Objective,
  x: Tensor,
  grad: Tensor,
  options: ArmijoOptions = {},
): ArmijoResult {
  const name = 'armijoBacktracking';
  const { initialStep = 1, c1 = 1e-4, shrink = 0.5, maxIter = 50 } = options;
  positive(name, 'initialStep', initialStep);
  inInterval(name, 'c1', c1, 0, 1);
  if (!(c1 > 0)) throw new GdRangeError(`${name}: c1 must be in (0, 1), got ${c1}`);
  inInterval(name, 'shrink', shrink, 0, 1);
  if (!(shrink > 0)) throw new GdRangeError(`${name}: shrink must be in (0, 1), got ${shrink}`);
  positiveInteger(name, 'maxIter', maxIter);
  const d = options.direction ?? neg(grad);
  if (grad.size !== x.size || d.size !== x.size) {
    throw new ShapeError(
      `${name}: x, grad and direction must have the same size, got ${x.size}, ${grad.size} and ${d.size}`,
    );
  }
  let evaluations = options.loss === undefined ? 1 : 0;
  const f0 =
    options.loss === undefined ? lossValue(name, f(x)) : checkNumber(name, 'loss', options.loss);
  const slope = sum(mul(grad, d)).item();
  if (!(slope < 0)) {
    throw new GdRangeError(
      `${name}: the direction is not a descent direction (∇f·d = ${slope} ≥ 0); pass direction = −grad or another d with ∇f·d < 0`,
    );
  }
  let t = initialStep;
  let xt = x;
  let ft = f0;
  for (let i = 0; i < maxIter; i++) {
    xt = add(x, mul(d, t));
    ft = lossValue(name, f(xt));
    evaluations++;
    if (ft <= f0 + c1 * t * slope)
      return { stepSize: t, loss: ft, x: xt, accepted: true, evaluations };
    if (i < maxIter - 1) t *= shrink;
  }
  return { stepSize: t, loss: ft, x: xt, accepted: false, evaluations };
}

/** The step sizes cs231n sweeps (cs231n: Optimization): 1e-10, 1e-9, …, 1e-1. */
export const CS231N_STEP_SIZES: readonly number[] = Object.freeze(
  [-10, -9, -8, -7, -6, -5, -4, -3, -2, -1].map((e) => 10 ** e),
);

/** One row of {@link stepSizeSweep}. */
export interface SweepEntry {
  stepSize: number;
  /** $f(x − t∇f(x))$. */
  loss: number;
}

/** Result of {@link stepSizeSweep}. */
export interface SweepResult {
  /** f(x) before any step ("original loss"). */
  original: number;
  /** The loss after one gradient step of each size, in the order given. */
  entries: SweepEntry[];
  /** The entry with the lowest loss. */
  best: SweepEntry;
}

/**
 * Evaluates one gradient step $x − t∇f(x)$ for each step size t, as cs231n's lecture does to show
 * that too small a step barely moves and too large a one overshoots (cs231n's notes print the loss for
 * 1e-10 … 1e-1).
 *
 * Defaults: stepSizes {@link CS231N_STEP_SIZES}.
 *
 * @example
 * ```ts
 * const { original, entries, best } = stepSizeSweep(f, w, grad);
 * for (const e of entries) console.log(`for step size ${e.stepSize} new loss: ${e.loss}`);
 * ```
 */
export function stepSizeSweep(
  f: Objective,
  x: Tensor,
  grad: Tensor,
  stepSizes: readonly number[] = CS231N_STEP_SIZES,
): SweepResult {
  const name = 'stepSizeSweep';
  if (!Array.isArray(stepSizes) || stepSizes.length === 0) {
    throw new GdRangeError(`${name}: stepSizes must be a non-empty array of numbers`);
  }
  for (const [i, t] of stepSizes.entries()) nonNegative(name, `stepSizes[${i}]`, t);
  if (grad.size !== x.size) {
    throw new ShapeError(`${name}: grad has ${grad.size} elements but x has ${x.size}`);
  }
  const original = lossValue(name, f(x));
  const entries = stepSizes.map((stepSize) => ({
    stepSize,
    loss: lossValue(name, f(add(x, mul(grad, -stepSize)))),
  }));
  let best = entries[0];
  for (const e of entries) if (e.loss < best.loss) best = e;
  return { original, entries, best };
}
