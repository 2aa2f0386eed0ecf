import { GdRangeError } from '@gd/errors';
import type { LossInput } from './inputs';
import type { Labels } from './labels';
import { predictedClasses, trueClasses } from './predictions';

/**
 * Fraction of examples whose predicted class equals the label:
 * $\frac1N\sum_i [\arg\max_c s_{i,c} = y_i]$. Not differentiable (returns a number).
 * `scores` are [N, C] logits/probabilities (argmax taken, first maximum on ties) or predicted
 * labels; `labels` are class indices (int32 Tensor or `number[]`) or one-hot rows [N, C], as the
 * lecture's MultiLayerNet uses.
 *
 * @example
 * ```ts
 * accuracy(tensor([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7]]), [1, 0, 0]); // 2/3
 * ```
 */
export function accuracy(scores: LossInput | Labels, labels: Labels | LossInput): number {
  const pred = predictedClasses('accuracy', scores);
  const y = trueClasses('accuracy', labels, pred.length);
  if (pred.length === 0) throw new GdRangeError('accuracy: no examples (N = 0)');
  let hits = 0;
  for (let i = 0; i < pred.length; i++) if (pred[i] === y[i]) hits++;
  return hits / pred.length;
}
