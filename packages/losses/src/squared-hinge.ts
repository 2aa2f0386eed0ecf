import { type Var, mul, reshape, sum } from '@gd/autodiff';
import { type HingeOptions, hingeMargins } from './hinge-margins';
import type { LossInput } from './inputs';
import type { Labels } from './labels';
import { checkReduction, reduce } from './reduction';

/**
 * The squared-hinge (L2-SVM) multiclass loss the cs231n notes mention beside the SVM:
 * $L = \frac1N\sum_i \sum_{j \ne y_i} \max(0,\ s_j - s_{y_i} + \Delta)^2$ — violated margins are
 * penalised quadratically. Same shapes and options as {@link multiclassHinge}.
 *
 * @example
 * ```ts
 * squaredHinge(tensor([[13, -7, 11]]), [0], { margin: 10 }).item(); // 64
 * ```
 */
export function squaredHinge(scores: LossInput, labels: Labels, opts: HingeOptions = {}): Var {
  const op = 'squaredHinge';
  const reduction = checkReduction(op, opts.reduction);
  const { margins, outShape } = hingeMargins(op, scores, labels, opts.margin ?? 1);
  return reduce(reshape(sum(mul(margins, margins), { axis: 1 }), outShape), reduction);
}
