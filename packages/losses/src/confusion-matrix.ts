import { GdRangeError } from '@gd/errors';
import { Tensor } from '@gd/tensor';
import type { LossInput } from './inputs';
import type { Labels } from './labels';
import { predictedClasses, trueClasses } from './predictions';

/** Options of {@link confusionMatrix}. */
export interface ConfusionMatrixOptions {
  /** Number of classes K; default: the scores' column count, else 1 + the largest class seen. */
  numClasses?: number;
}

/**
 * Counts of (true class, predicted class) pairs: an int32 Tensor [K, K] whose entry (i, j) is the
 * number of examples of class i predicted as j (rows are truth, as scikit-learn); its trace over
 * N is the accuracy. Not differentiable.
 *
 * @example
 * ```ts
 * confusionMatrix([0, 1, 1, 2], [0, 1, 2, 2]).toArray(); // [[1,0,0],[0,1,0],[0,1,1]]
 * ```
 */
export function confusionMatrix(
  scores: LossInput | Labels,
  labels: Labels | LossInput,
  opts: ConfusionMatrixOptions = {},
): Tensor {
  const op = 'confusionMatrix';
  const pred = predictedClasses(op, scores);
  const y = trueClasses(op, labels, pred.length);
  const fromScores =
    scores instanceof Object && 'shape' in scores && (scores as Tensor).shape.length === 2
      ? (scores as Tensor).shape[1]
      : 0;
  let k = opts.numClasses ?? fromScores;
  if (opts.numClasses === undefined && k === 0) {
    for (let i = 0; i < pred.length; i++) k = Math.max(k, pred[i] + 1, y[i] + 1);
  }
  if (!Number.isInteger(k) || k < 1) {
    throw new GdRangeError(`${op}: numClasses must be a positive integer, got ${k}`);
  }
  const m = new Int32Array(k * k);
  for (let i = 0; i < pred.length; i++) {
    if (y[i] >= k || pred[i] >= k) {
      throw new GdRangeError(
        `${op}: class ${Math.max(y[i], pred[i])} at index ${i} is out of range for numClasses ${k}`,
      );
    }
    m[y[i] * k + pred[i]]++;
  }
  return new Tensor(m, [k, k]);
}
