import { GdRangeError } from '@gd/errors';
import { type Var, add, isVar, mul, sum } from '@gd/autodiff';
import { Tensor } from '@gd/tensor';
import { type LossInput, asVar } from './inputs';

/**
 * The L2 regulariser α·R(W) of the cs231n notes (lecture 000):
 * $\alpha R(W) = \alpha \sum_{p}\sum_k W_{p,k}^2$ over every tensor in `params` — **without** a ½
 * factor, as the notes define $R(W) = \sum_k\sum_l W_{k,l}^2$. Its gradient is $2\alpha W$, so it
 * matches SGD `weightDecay` = 2α. Include only weights (not biases) to follow the notes.
 *
 * @example
 * ```ts
 * const W = variable(tensor([[1, -2], [3, 0]], { dtype: 'float64' }));
 * l2Penalty([W], 0.5).item(); // 0.5 · (1 + 4 + 9) = 7
 * ```
 */
export function l2Penalty(params: Iterable<LossInput> | LossInput, alpha: number): Var {
  return penalty('l2Penalty', params, alpha, (p) => sum(mul(p, p)));
}

/** Shared by the penalties: α · Σ_p f(p), checked. */
export function penalty(
  op: string,
  params: Iterable<LossInput> | LossInput,
  alpha: number,
  f: (p: Var) => Var,
): Var {
  if (!Number.isFinite(alpha) || alpha < 0) {
    throw new GdRangeError(`${op}: alpha must be a finite number ≥ 0, got ${alpha}`);
  }
  const single = isVar(params) || params instanceof Tensor;
  const list: LossInput[] = single ? [params] : [...(params as Iterable<LossInput>)];
  if (list.length === 0) {
    throw new GdRangeError(`${op}: params is empty; pass the weights to regularise`);
  }
  let total: Var | null = null;
  for (let i = 0; i < list.length; i++) {
    const term = f(asVar(op, `params[${i}]`, list[i]));
    total = total === null ? term : add(total, term);
  }
  return mul(total as Var, alpha);
}
