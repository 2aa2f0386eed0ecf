import * as T from '@gd/tensor';
import { arg, needs, out, raw, send } from '../engine';
import { binaryOp, unaryOp } from '../lift';
import { sigmoid } from './unary';

/**
 * Element-wise sum with broadcasting: out = a + b; ∂out/∂a = ∂out/∂b = 1 (gradients are summed
 * back over broadcast axes).
 *
 * @example
 * ```ts
 * const x = variable(tensor([1, 2]));
 * add(x, 10).sum().backward(); // x.grad = [1, 1]
 * ```
 */
export const add = binaryOp('add', T.add, (g, n) => {
  send(n.x0, g);
  send(n.x1, g);
});

/**
 * Element-wise difference: out = a − b; ∂/∂a = 1, ∂/∂b = −1.
 *
 * @example
 * ```ts
 * sub(1, variable(tensor(3))); // Var −2
 * ```
 */
export const sub = binaryOp('sub', T.sub, (g, n) => {
  send(n.x0, g);
  if (needs(n.x1)) send(n.x1, neg(g));
});

/**
 * Element-wise product: out = a · b; ∂/∂a = b, ∂/∂b = a.
 *
 * @example
 * ```ts
 * mul(variable(tensor([1, 2])), tensor([[3], [4]])); // Var [[3, 6], [4, 8]]
 * ```
 */
export const mul = binaryOp('mul', T.mul, (g, n) => {
  if (needs(n.x0)) send(n.x0, mul(g, arg(n.x1)));
  if (needs(n.x1)) send(n.x1, mul(g, arg(n.x0)));
});

/**
 * Element-wise true division: out = a / b; ∂/∂a = 1/b, ∂/∂b = −a/b².
 *
 * @example
 * ```ts
 * div(variable(tensor(1, { dtype: 'float64' })), 4); // Var 0.25
 * ```
 */
export const div = binaryOp('div', T.div, (g, n) => {
  const b = arg(n.x1);
  if (needs(n.x0)) send(n.x0, div(g, b));
  if (needs(n.x1)) send(n.x1, neg(div(mul(g, arg(n.x0)), square(b))));
});

/**
 * Element-wise power: out = aᵇ; ∂/∂a = b·aᵇ⁻¹ (0 where b = 0, even at a = 0), ∂/∂b = aᵇ·ln a (taken as 0 where a = 0 and
 * b ≥ 0, as PyTorch does, so that 0ᵇ does not poison the exponent's gradient with NaN).
 *
 * @example
 * ```ts
 * grad((x) => pow(x, 3))(tensor(2, { dtype: 'float64' })); // 12
 * ```
 */
export const pow = binaryOp('pow', T.pow, (g, n) => {
  const a = arg(n.x0);
  const b = arg(n.x1);
  if (needs(n.x0)) {
    // b·a^(b−1) is 0·∞ = NaN at a = 0, b = 0; PyTorch makes it 0. Raising to b − 1 + [b = 0]
    // keeps the factor finite (a⁰ = 1) while b = 0 zeroes it, and the rule stays finite when it
    // is itself differentiated (x¹ at 0 has second derivative 0, not NaN).
    const raw1 = raw(n.x1!);
    const e =
      typeof raw1 === 'number' ? (raw1 === 0 ? 0 : raw1 - 1) : add(sub(b, 1), T.equal(raw1, 0));
    send(n.x0, mul(g, mul(b, pow(a, e))));
  }
  if (needs(n.x1)) {
    // ln a is −∞ at a = 0; PyTorch masks those entries to 0 when b ≥ 0.
    // In the result's dtype: with a number base, a bool mask would make ln a float32.
    const masked = T.astype(
      T.mul(T.equal(raw(n.x0!), 0), T.greaterEqual(raw(n.x1!), 0)),
      n.value.dtype,
    );
    const safeLog = log(add(a, masked));
    send(n.x1, mul(g, mul(out(n), mul(safeLog, T.sub(1, masked)))));
  }
});

/** Element-wise negation: out = −x; ∂/∂x = −1. @example `neg(variable(tensor([1, -2])))` */
export const neg = unaryOp('neg', T.neg, (g, n) => send(n.x0, neg(g)));

/** x² element-wise; ∂/∂x = 2x. @example `square(variable(tensor(3)))  // Var 9` */
export const square = unaryOp('square', T.square, (g, n) => send(n.x0, mul(g, mul(arg(n.x0), 2))));

/** ln x element-wise; ∂/∂x = 1/x. @example `log(variable(tensor(Math.E)))  // Var 1` */
export const log = unaryOp('log', T.log, (g, n) => send(n.x0, div(g, arg(n.x0))));

/**
 * atan2(a, b) element-wise with broadcasting (the angle of the point (b, a));
 * $\partial/\partial a = b/(a^2 + b^2)$, $\partial/\partial b = -a/(a^2 + b^2)$.
 *
 * @example
 * ```ts
 * grad((y) => atan2(y, 1))(tensor(1, { dtype: 'float64' })).item(); // 0.5
 * ```
 */
export const atan2 = binaryOp('atan2', T.atan2, (g, n) => {
  const a = arg(n.x0);
  const b = arg(n.x1);
  const r2 = add(square(a), square(b));
  if (needs(n.x0)) send(n.x0, mul(g, div(b, r2)));
  if (needs(n.x1)) send(n.x1, neg(mul(g, div(a, r2))));
});

/**
 * $\sqrt{a^2 + b^2}$ element-wise with broadcasting; $\partial/\partial a = a/\mathrm{out}$,
 * $\partial/\partial b = b/\mathrm{out}$ (NaN at a = b = 0, as torch.hypot).
 *
 * @example
 * ```ts
 * grad((a) => hypot(a, 4))(tensor(3, { dtype: 'float64' })).item(); // 0.6
 * ```
 */
export const hypot = binaryOp('hypot', T.hypot, (g, n) => {
  const r = out(n);
  if (needs(n.x0)) send(n.x0, mul(g, div(arg(n.x0), r)));
  if (needs(n.x1)) send(n.x1, mul(g, div(arg(n.x1), r)));
});

/**
 * log(eᵃ + eᵇ) element-wise with broadcasting, computed stably; $\partial/\partial a = \sigma(a - b)$,
 * $\partial/\partial b = \sigma(b - a)$ (the softmax weights of the pair).
 *
 * @example
 * ```ts
 * grad((a) => logaddexp(a, 0))(tensor(0, { dtype: 'float64' })).item(); // 0.5
 * ```
 */
export const logaddexp = binaryOp('logaddexp', T.logaddexp, (g, n) => {
  const a = arg(n.x0);
  const b = arg(n.x1);
  if (needs(n.x0)) send(n.x0, mul(g, sigmoid(sub(a, b))));
  if (needs(n.x1)) send(n.x1, mul(g, sigmoid(sub(b, a))));
});
