import { GdRangeError } from '@gd/errors';
import { type Var, abs, mul, sub, where } from '@gd/autodiff';
import { less } from '@gd/tensor';
import { type LossInput, asVar, checkBroadcastsTo } from './inputs';
import { type Reduction, checkReduction, reduce } from './reduction';

/** Options of {@link huber}. */
export interface HuberOptions {
  /** Default 'mean'. */
  reduction?: Reduction;
  /** δ > 0: where the loss turns from quadratic to linear. Default 1. */
  delta?: number;
}

/**
 * Huber loss, as `torch.nn.functional.huber_loss`: with $d = |x - y|$,
 * $\ell = \tfrac12 d^2$ for $d < \delta$ and $\delta(d - \tfrac12\delta)$ otherwise. Quadratic near
 * the target, linear (robust to outliers) far from it.
 *
 * @example
 * ```ts
 * huber(variable(tensor([0.5, 3])), tensor([0, 0]), { delta: 1 }).item(); // (0.125 + 2.5) / 2
 * ```
 */
export function huber(input: LossInput, target: LossInput, opts: HuberOptions = {}): Var {
  const op = 'huber';
  const delta = opts.delta ?? 1;
  if (!(delta > 0) || !Number.isFinite(delta)) {
    throw new GdRangeError(`${op}: delta must be a positive finite number, got ${delta}`);
  }
  const x = asVar(op, 'input', input);
  const y = asVar(op, 'target', target);
  checkBroadcastsTo(op, 'target', x, y);
  const d = abs(sub(x, y));
  const loss = where(less(d.value, delta), mul(mul(d, d), 0.5), mul(sub(d, 0.5 * delta), delta));
  return reduce(loss, checkReduction(op, opts.reduction));
}
