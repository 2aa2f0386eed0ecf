import type { Var } from '@gd/autodiff';
import type { Tensor } from '@gd/tensor';
import { classRows, classWeights, floatDType, labelCoefficients, reduceRows } from './class-rows';
import { type LossInput, asVar } from './inputs';
import { type Labels, readLabels } from './labels';
import { type Reduction, checkReduction } from './reduction';

/** Options of {@link nll}, PyTorch's with camelCase names. */
export interface NllOptions {
  /** Default 'mean' (weighted mean over the examples not ignored). */
  reduction?: Reduction;
  /** A rescaling weight per class, length C. Default none (all 1). */
  weight?: Tensor | readonly number[];
  /** Label value whose examples contribute nothing. Default −100. */
  ignoreIndex?: number;
}

/**
 * Negative log-likelihood of class labels given log-probabilities, as
 * `torch.nn.functional.nll_loss`: $\ell_i = -w_{y_i}\,x_{i,y_i}$; 'mean' is
 * $\sum_i \ell_i / \sum_i w_{y_i}$ over examples whose label is not `ignoreIndex`.
 * Use it after `logSoftmax`; {@link crossEntropy} fuses the two.
 *
 * Shapes as {@link crossEntropy}: input [C], [N, C] or [N, C, d1, …]; labels int32 Tensor or
 * `number[]`.
 *
 * @example
 * ```ts
 * const logp = logSoftmax(variable(tensor([[2, 1, 0.1]], { dtype: 'float64' })));
 * nll(logp, [0]).item(); // ≈ 0.417
 * ```
 */
export function nll(input: LossInput, target: Labels, opts: NllOptions = {}): Var {
  const op = 'nll';
  const x = asVar(op, 'input', input);
  const reduction = checkReduction(op, opts.reduction);
  const ignoreIndex = opts.ignoreIndex ?? -100;
  const { rows, numClasses, outShape } = classRows(op, 'input', x);
  const weight = classWeights(op, opts.weight, numClasses);
  const labels = readLabels(op, target, outShape, numClasses, ignoreIndex);
  const { coef, weightSum } = labelCoefficients(
    labels,
    numClasses,
    weight,
    ignoreIndex,
    0,
    floatDType(op, x.dtype),
    reduction !== 'none',
  );
  return reduceRows(rows, coef, outShape, reduction, weightSum, reduction !== 'none');
}
