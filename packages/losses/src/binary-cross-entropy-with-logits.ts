import { type Var, add, exp, log1p, mul, sub } from '@gd/autodiff';
import { Tensor } from '@gd/tensor';
import { type LossInput, asVar, checkBroadcastsTo, checkSameShape } from './inputs';
import { type Reduction, checkReduction, reduce } from './reduction';

/** Options of {@link binaryCrossEntropyWithLogits}. */
export interface BinaryCrossEntropyWithLogitsOptions {
  /** Default 'mean'. */
  reduction?: Reduction;
  /** Rescaling weight per element, broadcast to the input's shape. Default none. */
  weight?: LossInput;
  /** Weight of positive examples per class, broadcast along the last axis. Default none (1). */
  posWeight?: LossInput;
}

/**
 * Sigmoid + binary cross-entropy in one stable step, as
 * `torch.nn.functional.binary_cross_entropy_with_logits`:
 * $\ell_i = w_i\,[\,(1 - y_i)\,x_i + (1 + (p_w - 1)\,y_i)\,\mathrm{softplus}(-x_i)\,]$,
 * with $\mathrm{softplus}(-x) = \max(-x, 0) + \log(1 + e^{-|x|})$, which never overflows;
 * equal to $-w[\,p_w y\log\sigma(x) + (1-y)\log(1-\sigma(x))\,]$.
 *
 * @example
 * ```ts
 * const z = variable(tensor([2.0, -1.0], { dtype: 'float64' }));
 * binaryCrossEntropyWithLogits(z, tensor([1, 0], { dtype: 'float64' }), { posWeight: tensor([3]) });
 * ```
 */
export function binaryCrossEntropyWithLogits(
  input: LossInput,
  target: LossInput,
  opts: BinaryCrossEntropyWithLogitsOptions = {},
): Var {
  const op = 'binaryCrossEntropyWithLogits';
  const x = asVar(op, 'input', input);
  const y = asVar(op, 'target', target);
  checkSameShape(op, x, y);
  const reduction = checkReduction(op, opts.reduction);
  const sp = softplusNeg(x);
  let logWeight: Var | number = 1;
  if (opts.posWeight !== undefined) {
    const pw = asVar(op, 'posWeight', opts.posWeight);
    checkBroadcastsTo(op, 'posWeight', x, pw);
    logWeight = add(mul(sub(pw, 1), y), 1);
  }
  let loss = add(mul(sub(1, y), x), mul(sp, logWeight));
  if (opts.weight !== undefined) {
    const w = asVar(op, 'weight', opts.weight);
    checkBroadcastsTo(op, 'weight', x, w);
    loss = mul(loss, w);
  }
  return reduce(loss, reduction);
}

/**
 * softplus(−x) = −x·[x < 0] + log1p(exp(−x·s)) with s = sign(x) taken as +1 at 0: the masks are
 * constants from x's values, so the gradient is −σ(−x) everywhere, −½ at x = 0 included (a
 * relu/abs composition would give the subgradient 0 there and stall zero-initialised models).
 */
function softplusNeg(x: Var): Var {
  const v = x.value.data;
  const neg = new (v.constructor as Float64ArrayConstructor)(v.length);
  const sgn = new (v.constructor as Float64ArrayConstructor)(v.length);
  for (let i = 0; i < v.length; i++) {
    const isNeg = v[i] < 0;
    neg[i] = isNeg ? -1 : 0;
    sgn[i] = isNeg ? 1 : -1;
  }
  const negMask = new Tensor(neg, x.shape);
  const negSign = new Tensor(sgn, x.shape);
  return add(mul(x, negMask), log1p(exp(mul(x, negSign))));
}
