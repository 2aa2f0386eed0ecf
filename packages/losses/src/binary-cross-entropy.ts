import { type Var, add, clamp, log, log1p, mul, neg, sub } from '@gd/autodiff';
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
 * PyTorch does (so p = 0 or 1 gives a finite loss). Prefer {@link binaryCrossEntropyWithLogits}
 * on raw scores: it is stable where sigmoid saturates.
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
  const logP = clamp(log(p), -100);
  const log1mP = clamp(log1p(neg(p)), -100);
  let loss = neg(add(mul(y, logP), mul(sub(1, y), log1mP)));
  if (opts.weight !== undefined) {
    const w = asVar(op, 'weight', opts.weight);
    checkBroadcastsTo(op, 'weight', p, w);
    loss = mul(loss, w);
  }
  return reduce(loss, reduction);
}

function checkUnitInterval(op: string, p: Tensor): void {
  const d = p.data;
  for (let i = 0; i < d.length; i++) {
    if (!(d[i] >= 0 && d[i] <= 1)) {
      throw new RangeError(
        `${op}: input must be probabilities in [0, 1], got ${d[i]} at flat index ${i}; apply sigmoid or use binaryCrossEntropyWithLogits`,
      );
    }
  }
}
