import { defineOp } from './registry';
import { GdRangeError } from '@gd/errors';
import { allocate, floatResult } from '../dtype';
import { runRows } from '../kernels/rows';
import { type ReduceOptions, Tensor } from '../tensor';
import { moveReducedLast, reducePlan } from './reduce';
import { checkTensor } from './check';

/** Options of {@link variance} and {@link std}. */
export interface VarianceOptions extends ReduceOptions {
  /**
   * Subtracted from the count in the denominator (Bessel's correction): 1 gives the unbiased
   * sample variance (PyTorch's default), 0 the population variance (NumPy's default). Default 1.
   */
  correction?: number;
}

function centred(op: string, x: Tensor, opts: VarianceOptions = {}): Tensor {
  checkTensor(op, x);
  const c = opts.correction ?? 1;
  if (!Number.isFinite(c) || c < 0) {
    throw new GdRangeError(`${op}: correction must be a non-negative number, got ${c}`);
  }
  const plan = reducePlan(op, x, opts);
  const dt = floatResult(x.dtype);
  const moved = moveReducedLast(x, plan.axes);
  const m2 = new Float64Array(plan.outer);
  runRows('sumSquaredDeviations', moved.data, plan.outer, plan.inner, m2);
  // As PyTorch: the divisor is clamped at 0, so too few elements give NaN (0/0) or ∞.
  const denom = Math.max(0, plan.inner - c);
  const out = allocate(dt, plan.outer);
  for (let i = 0; i < plan.outer; i++) out[i] = plan.inner === 0 ? Number.NaN : m2[i] / denom;
  return new Tensor(out, plan.outShape);
}

/**
 * Variance over `axis` (all axes when omitted): out = Σᵢ (xᵢ − x̄)² / (N − correction), with
 * correction = 1 by default (PyTorch's unbiased estimator). Computed in two passes in float64.
 * Integer inputs give float32.
 *
 * @example
 * ```ts
 * variance(tensor([1, 2, 3, 4])).item();                 // 1.6667
 * variance(tensor([1, 2, 3, 4]), { correction: 0 }).item(); // 1.25
 * ```
 */
export const variance = /* @__PURE__ */ defineOp(
  'variance',
  function variance(x: Tensor, opts?: VarianceOptions): Tensor {
    return centred('variance', x, opts);
  },
);

/**
 * Standard deviation over `axis`: out = √(Σᵢ (xᵢ − x̄)² / (N − correction)), correction = 1 by
 * default (as torch.std).
 *
 * @example
 * ```ts
 * std(tensor([[1, 3], [2, 2]]), { axis: 1 }).toArray(); // [1.414, 0]
 * ```
 */
export const std = /* @__PURE__ */ defineOp(
  'std',
  function std(x: Tensor, opts?: VarianceOptions): Tensor {
    const v = centred('std', x, opts);
    const out = v.data;
    for (let i = 0; i < out.length; i++) out[i] = Math.sqrt(out[i]);
    return v;
  },
);
