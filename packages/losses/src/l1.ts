import { type Var, abs, sub } from '@gd/autodiff';
import { type LossInput, asVar, checkBroadcastsTo } from './inputs';
import type { RegressionOptions } from './mse';
import { checkReduction, reduce } from './reduction';

/**
 * Mean absolute error, as `torch.nn.functional.l1_loss`: $\ell_i = |x_i - y_i|$, averaged
 * (default), summed or returned per element; the subgradient at $x_i = y_i$ is 0 as in PyTorch.
 *
 * @example
 * ```ts
 * l1(variable(tensor([1, 2, 3])), tensor([1, 0, 0])).item(); // (0 + 2 + 3) / 3
 * ```
 */
export function l1(input: LossInput, target: LossInput, opts: RegressionOptions = {}): Var {
  const op = 'l1';
  const x = asVar(op, 'input', input);
  const y = asVar(op, 'target', target);
  checkBroadcastsTo(op, 'target', x, y);
  return reduce(abs(sub(x, y)), checkReduction(op, opts.reduction));
}
