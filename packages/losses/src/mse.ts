import { type Var, mul, sub } from '@gd/autodiff';
import { type LossInput, asVar, checkBroadcastsTo } from './inputs';
import { type Reduction, checkReduction, reduce } from './reduction';

/** Options of the element-wise regression losses. */
export interface RegressionOptions {
  /** Default 'mean'. */
  reduction?: Reduction;
}

/**
 * Mean squared error, as `torch.nn.functional.mse_loss`: $\ell_i = (x_i - y_i)^2$, averaged
 * (default), summed or returned per element. `target` must have the input's shape or broadcast
 * to it; gradients flow to both when they are Vars.
 *
 * @example
 * ```ts
 * const pred = variable(tensor([1, 2, 3], { dtype: 'float64' }));
 * mse(pred, tensor([1, 0, 0], { dtype: 'float64' })).item(); // (0 + 4 + 9) / 3
 * ```
 */
export function mse(input: LossInput, target: LossInput, opts: RegressionOptions = {}): Var {
  const op = 'mse';
  const x = asVar(op, 'input', input);
  const y = asVar(op, 'target', target);
  checkBroadcastsTo(op, 'target', x, y);
  const d = sub(x, y);
  return reduce(mul(d, d), checkReduction(op, opts.reduction));
}
