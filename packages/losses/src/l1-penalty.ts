import { type Var, abs, sum } from '@gd/autodiff';
import type { LossInput } from './inputs';
import { penalty } from './l2-penalty';

/**
 * The L1 regulariser $\alpha \sum_p\sum_k |W_{p,k}|$ over every tensor in `params` (the cs231n
 * notes' L1 alternative to R(W)); subgradient α·sign(W), 0 at 0.
 *
 * @example
 * ```ts
 * l1Penalty([variable(tensor([1, -2, 0]))], 0.1).item(); // 0.3
 * ```
 */
export function l1Penalty(params: Iterable<LossInput> | LossInput, alpha: number): Var {
  return penalty('l1Penalty', params, alpha, (p) => sum(abs(p)));
}
