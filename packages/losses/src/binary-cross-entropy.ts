import { GdRangeError } from '@gd/errors';
import { type Var, add, clamp, log, log1p, mul, neg, sub, where } from '@gd/autodiff';
import * as T from '@gd/tensor';
import type { Tensor } from '@gd/tensor';
import { type LossInput, asVar, checkBroadcastsTo, checkSameShape } from './inputs';
import { type Reduction, checkReduction, reduce } from './reduction';

/** Options of {@link binaryCrossEntropy}. */
export interface BinaryCrossEntropyOptions {
  /** Default 'mean'. */
  reduction?: Reduction;
  /** Rescaling weight per element, broadcast to the input's shape. Default none. */
  weight?: LossInput;
}

/**
 * Binary cross-entropy between probabilities and targets, as
 * `torch.nn.functional.binary_cross_entropy`:
 * $\ell_i = -w_i\,[\,y_i \log p_i + (1 - y_i)\log(1 - p_i)\,]$, each log clamped at −100 as
 * PyTorch does (so p = 0 or 1 gives a finite loss). The gradient with respect to p is PyTorch's
 * $\partial\ell_i/\partial p_i = w_i\,(p_i - y_i)/\max(p_i(1 - p_i),\,10^{-12})$, so it stays finite
 * at p = 0 or 1 (0 where the prediction is exactly right, as a sigmoid saturated in float
 * gives). Prefer {@link binaryCrossEntropyWithLogits} on raw scores: it is stable where sigmoid
 * saturates.
 *
 * @throws RangeError when an input value is outside [0, 1]; ShapeError when target and input
 * shapes differ.
 *
 * @example
 * ```ts
 * const p = variable(tensor([0.9, 0.2], { dtype: 'float64' }));
 * binaryCrossEntropy(p, tensor([1, 0], { dtype: 'float64' })).item(); // −(ln 0.9 + ln 0.8) / 2
 * ```
 */
export function binaryCrossEntropy(
  input: LossInput,
  target: LossInput,
  opts: BinaryCrossEntropyOptions = {},
): Var {
  const op = 'binaryCrossEntropy';
  const p = asVar(op, 'input', input);
  const y = asVar(op, 'target', target);
  checkSameShape(op, p, y);
  checkUnitInterval(op, p.value);
  const reduction = checkReduction(op, opts.reduction);
  // Where p(1 − p) < 1e-12 (p at or next to 0 or 1) PyTorch's backward divides by 1e-12 instead,
  // which the log's own derivative would not (it is ±∞ at p = 0 or 1, and 0·∞ = NaN). Those
  // elements take their logs as constants and get PyTorch's derivative through a linear term
  // that is 0 in value; the others keep the differentiable (twice-differentiable) form.
  const pv = p.value;
  const pq = T.mul(T.sub(1, pv), pv);
  const smooth = T.greaterEqual(pq, EPSILON);
  const pSafe = where(smooth, p, 0.5);
  const logP = where(smooth, clamp(log(pSafe), -100), T.clamp(T.log(pv), -100));
  const log1mP = where(smooth, clamp(log1p(neg(pSafe)), -100), T.clamp(T.log1p(T.neg(pv)), -100));
  const slope = T.div(T.sub(pv, y.value), T.maximum(pq, EPSILON));
  const edge = where(smooth, 0, mul(slope, sub(p, pv)));
  let loss = add(neg(add(mul(y, logP), mul(sub(1, y), log1mP))), edge);
  if (opts.weight !== undefined) {
    const w = asVar(op, 'weight', opts.weight);
    checkBroadcastsTo(op, 'weight', p, w);
    loss = mul(loss, w);
  }
  return reduce(loss, reduction);
}

/** PyTorch's floor on p(1 − p) in the gradient of binary_cross_entropy: 1e-12 held as a float32. */
const EPSILON = Math.fround(1e-12);

function checkUnitInterval(op: string, p: Tensor): void {
  const d = p.data;
  for (let i = 0; i < d.length; i++) {
    if (!(d[i] >= 0 && d[i] <= 1)) {
      throw new GdRangeError(
        `${op}: input must be probabilities in [0, 1], got ${d[i]} at flat index ${i}; apply sigmoid or use binaryCrossEntropyWithLogits`,
      );
    }
  }
}
