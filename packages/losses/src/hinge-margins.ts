import { GdRangeError } from '@gd/errors';
import { type Var, add, mul, relu, sub, sum } from '@gd/autodiff';
import { ShapeError, Tensor } from '@gd/tensor';
import { type LossInput, asVar, fmt } from './inputs';
import { type Labels, readLabels } from './labels';
import type { Reduction } from './reduction';

/** Options of {@link multiclassHinge} and {@link squaredHinge}. */
export interface HingeOptions {
  /** Δ, the margin the correct class should win by. Default 1. */
  margin?: number;
  /** Default 'mean' (over the batch). */
  reduction?: Reduction;
}

/**
 * The Weston–Watkins margins $m_{ij} = \max(0, s_{ij} - s_{i,y_i} + \Delta)$ for $j \ne y_i$
 * (0 at $j = y_i$), for scores [N, C] (or one example [C]), with the per-example shape.
 */
export function hingeMargins(
  op: string,
  scores: LossInput,
  labels: Labels,
  margin: number,
): { margins: Var; outShape: number[] } {
  if (!Number.isFinite(margin)) {
    throw new GdRangeError(`${op}: margin must be a finite number, got ${margin}`);
  }
  let s = asVar(op, 'scores', scores);
  const unbatched = s.ndim === 1;
  if (unbatched) s = s.reshape([1, s.shape[0]]);
  if (s.ndim !== 2) {
    throw new ShapeError(`${op}: scores must be [N, C] or [C], got ${fmt(s.shape)}`);
  }
  const [n, c] = s.shape;
  const y = readLabels(op, labels, unbatched ? [] : [n], c, null);
  // One-hot of the labels and its complement, as constants in the scores' dtype.
  const Arr = s.dtype === 'float64' ? Float64Array : Float32Array;
  const onehot = new Arr(n * c);
  const others = new Arr(n * c).fill(1);
  for (let i = 0; i < n; i++) {
    onehot[i * c + y[i]] = 1;
    others[i * c + y[i]] = 0;
  }
  const correct = sum(mul(s, new Tensor(onehot, [n, c])), { axis: 1, keepDims: true });
  const margins = mul(relu(add(sub(s, correct), margin)), new Tensor(others, [n, c]));
  return { margins, outShape: unbatched ? [] : [n] };
}
