import { type Var, reshape, sum } from '@gd/autodiff';
import { type HingeOptions, hingeMargins } from './hinge-margins';
import type { LossInput } from './inputs';
import type { Labels } from './labels';
import { checkReduction, reduce } from './reduction';

/**
 * The multiclass SVM (Weston–Watkins) loss of the cs231n notes (lecture 000):
 * $L = \frac1N\sum_i \sum_{j \ne y_i} \max(0,\ s_j - s_{y_i} + \Delta)$ — summed over the wrong
 * classes and averaged over the batch (not also divided by the number of classes as PyTorch's
 * `multi_margin_loss` is). Subgradient at a zero margin: 0 (as relu).
 *
 * Scores [N, C] (or [C] with a single label); labels an int32 Tensor or `number[]`.
 * Add the regulariser with {@link l2Penalty}: `multiclassHinge(s, y).add(l2Penalty([W], alpha))`.
 *
 * @example
 * ```ts
 * // the notes' example: scores [13, −7, 11], correct class 0, Δ = 10
 * multiclassHinge(tensor([[13, -7, 11]]), [0], { margin: 10 }).item(); // 8
 * ```
 */
export function multiclassHinge(scores: LossInput, labels: Labels, opts: HingeOptions = {}): Var {
  const op = 'multiclassHinge';
  const reduction = checkReduction(op, opts.reduction);
  const { margins, outShape } = hingeMargins(op, scores, labels, opts.margin ?? 1);
  return reduce(reshape(sum(margins, { axis: 1 }), outShape), reduction);
}
