import { GdRangeError } from '@gd/errors';
import { type Var, logSoftmax, mul } from '@gd/autodiff';
import { ShapeError, Tensor, sum as tsum } from '@gd/tensor';
import {
  checkSmoothing,
  classRows,
  classWeights,
  floatDType,
  labelCoefficients,
  reduceRows,
} from './class-rows';
import { type LossInput, asVar, fmt, sameShape } from './inputs';
import { type Labels, isLabels, readLabels } from './labels';
import { type Reduction, checkReduction } from './reduction';

/** Options of {@link crossEntropy}, PyTorch's with camelCase names. */
export interface CrossEntropyOptions {
  /** Default 'mean' (weighted mean over the examples not ignored). */
  reduction?: Reduction;
  /** ε in [0, 1]: the target becomes (1−ε)·target + ε/C. Default 0. */
  labelSmoothing?: number;
  /** A rescaling weight per class, length C. Default none (all 1). */
  weight?: Tensor | readonly number[];
  /** Label value whose examples contribute nothing (labels only). Default −100. */
  ignoreIndex?: number;
}

/**
 * Softmax cross-entropy between logits and class labels or class probabilities, as
 * `torch.nn.functional.cross_entropy`, computed stably through log-softmax (log-sum-exp).
 *
 * With labels: $\ell_i = -(1-\varepsilon)\,w_{y_i}\log p_{i,y_i} - \tfrac{\varepsilon}{C}\sum_c w_c\log p_{i,c}$,
 * $p_i = \mathrm{softmax}(x_i)$; 'mean' is $\sum_i \ell_i / \sum_i w_{y_i}$ over examples whose
 * label is not `ignoreIndex`.
 * With probabilities $q$ (a float tensor shaped like the input, rows summing to 1):
 * $\ell_i = -\sum_c w_c\,\tilde q_{i,c}\log p_{i,c}$, $\tilde q = (1-\varepsilon)q + \varepsilon/C$;
 * 'mean' divides by the number of examples.
 *
 * Input shapes: [C] (one example), [N, C] or [N, C, d1, …] (class axis 1). Labels: int32 Tensor
 * or `number[]` of shape [N] / [N, d1, …] with values in [0, C) or `ignoreIndex`.
 *
 * @throws ShapeError when labels/probabilities do not match the input, RangeError for a label out
 * of range or probabilities that are negative or do not sum to 1 (tolerance 1e-4 in float32,
 * 1e-7 in float64), DTypeError for float labels in a number[]/non-int tensor.
 *
 * @example
 * ```ts
 * const logits = variable(tensor([[2, 1, 0.1], [0.5, 2.5, 0.3]], { dtype: 'float64' }));
 * const loss = crossEntropy(logits, [0, 1]);        // ≈ 0.3185
 * loss.backward();                                  // logits.grad = (softmax − onehot) / 2
 * crossEntropy(logits, [0, 1], { labelSmoothing: 0.1, weight: [1, 2, 1] });
 * ```
 */
export function crossEntropy(
  input: LossInput,
  target: Labels | LossInput,
  opts: CrossEntropyOptions = {},
): Var {
  const op = 'crossEntropy';
  const x = asVar(op, 'input', input);
  const reduction = checkReduction(op, opts.reduction);
  const eps = checkSmoothing(op, opts.labelSmoothing ?? 0);
  const ignoreIndex = opts.ignoreIndex ?? -100;
  const dtype = floatDType(op, x.dtype);
  const { rows, numClasses, outShape } = classRows(op, 'input', x);
  const weight = classWeights(op, opts.weight, numClasses);
  const logp = logSoftmax(rows, -1);
  if (isLabels(target)) {
    const labels = readLabels(op, target, outShape, numClasses, ignoreIndex);
    const { coef, weightSum } = labelCoefficients(
      labels,
      numClasses,
      weight,
      ignoreIndex,
      eps,
      dtype,
      // Sums and means cannot tell the sign of a zero row: fold the minus into the coefficients.
      reduction !== 'none',
    );
    return reduceRows(logp, coef, outShape, reduction, weightSum, reduction !== 'none');
  }
  const q = asVar(op, 'target', target as LossInput);
  if (!sameShape(q.shape, x.shape)) {
    throw new ShapeError(
      `${op}: probability target shape ${fmt(q.shape)} must equal input shape ${fmt(x.shape)} (or pass int32 class labels)`,
    );
  }
  checkProbabilities(op, q.value, x.ndim === 1 ? 0 : 1);
  const qRows = classRows(op, 'target', q).rows;
  let coef: Var = eps > 0 ? qRows.mul(1 - eps).add(eps / numClasses) : qRows;
  if (weight !== null) coef = mul(coef, weightTensor(weight, dtype));
  return reduceRows(logp, coef, outShape, reduction, logp.shape[0]);
}

function weightTensor(w: Float64Array, dtype: 'float32' | 'float64'): Tensor {
  return new Tensor(dtype === 'float64' ? Float64Array.from(w) : Float32Array.from(w), [w.length]);
}

/** Rows of class probabilities must be non-negative and sum to 1 along `axis`. */
function checkProbabilities(op: string, q: Tensor, axis: number): void {
  const tol = q.dtype === 'float64' ? 1e-7 : 1e-4;
  const d = q.data;
  for (let i = 0; i < d.length; i++) {
    if (!(d[i] >= -tol)) {
      throw new GdRangeError(
        `${op}: probability target has ${d[i]} at flat index ${i}; probabilities must be ≥ 0 (pass int32 labels for class indices)`,
      );
    }
  }
  const sums = tsum(q, { axis }).data;
  for (let i = 0; i < sums.length; i++) {
    if (Math.abs(sums[i] - 1) > tol) {
      throw new GdRangeError(
        `${op}: probability target row ${i} sums to ${sums[i]}, not 1; normalise it (softmax or divide by its sum) or pass int32 class labels`,
      );
    }
  }
}
