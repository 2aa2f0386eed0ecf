import { isVar } from '@gd/autodiff';
import { ShapeError, Tensor } from '@gd/tensor';
import { type LossInput, fmt } from './inputs';
import { type Labels, readLabels } from './labels';

/**
 * Predicted classes from scores [N, C] (argmax per row, first maximum on ties as NumPy), or
 * labels passed through when already a 1-D int32 Tensor / `number[]`.
 */
export function predictedClasses(op: string, pred: LossInput | Labels): Int32Array {
  const t = isVar(pred) ? pred.value : pred;
  if (t instanceof Tensor && t.dtype !== 'int32') {
    if (t.ndim !== 2) {
      throw new ShapeError(`${op}: scores must be [N, C], got ${fmt(t.shape)}`);
    }
    const [n, c] = t.shape;
    const d = t.data;
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestV = d[i * c];
      for (let j = 1; j < c; j++) {
        const v = d[i * c + j];
        if (v > bestV || (Number.isNaN(v) && !Number.isNaN(bestV))) {
          best = j;
          bestV = v;
        }
      }
      out[i] = best;
    }
    return out;
  }
  const n = t instanceof Tensor ? t.size : Array.isArray(t) ? t.length : 1;
  return readLabels(op, t, [n], Number.MAX_SAFE_INTEGER, null);
}

/** True classes from labels, or from one-hot / probability rows [N, C] (their argmax). */
export function trueClasses(op: string, labels: Labels | LossInput, n: number): Int32Array {
  const t = isVar(labels) ? labels.value : labels;
  const y =
    t instanceof Tensor && t.dtype !== 'int32'
      ? predictedClasses(op, t)
      : readLabels(op, t, [n], Number.MAX_SAFE_INTEGER, null);
  if (y.length !== n) {
    throw new ShapeError(
      `${op}: ${y.length} labels for ${n} predictions; give one label per example`,
    );
  }
  return y;
}
