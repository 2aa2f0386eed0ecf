import { GdRangeError } from '@gd/errors';
import { type Var, abs, div, mul, sub, where } from '@gd/autodiff';
import { less } from '@gd/tensor';
import { type LossInput, asVar, checkBroadcastsTo } from './inputs';
import { type Reduction, checkReduction, reduce } from './reduction';

/** Options of {@link smoothL1}. */
export interface SmoothL1Options {
  /** Default 'mean'. */
  reduction?: Reduction;
  /** β ≥ 0: width of the quadratic zone; β = 0 gives the L1 loss. Default 1. */
  beta?: number;
}

/**
 * Smooth L1 loss, as `torch.nn.functional.smooth_l1_loss`: with $d = |x - y|$,
 * $\ell = \tfrac12 d^2/\beta$ for $d < \beta$ and $d - \tfrac12\beta$ otherwise (Huber divided by
 * β; β = 0 is plain L1).
 *
 * @example
 * ```ts
 * smoothL1(variable(tensor([0.5, 3])), tensor([0, 0])).item(); // (0.125 + 2.5) / 2
 * ```
 */
export function smoothL1(input: LossInput, target: LossInput, opts: SmoothL1Options = {}): Var {
  const op = 'smoothL1';
  const beta = opts.beta ?? 1;
  if (!(beta >= 0) || !Number.isFinite(beta)) {
    throw new GdRangeError(`${op}: beta must be a finite number ≥ 0, got ${beta}`);
  }
  const x = asVar(op, 'input', input);
  const y = asVar(op, 'target', target);
  checkBroadcastsTo(op, 'target', x, y);
  const d = abs(sub(x, y));
  const reduction = checkReduction(op, opts.reduction);
  if (beta === 0) return reduce(d, reduction);
  const loss = where(less(d.value, beta), div(mul(mul(d, d), 0.5), beta), sub(d, 0.5 * beta));
  return reduce(loss, reduction);
}
