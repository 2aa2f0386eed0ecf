import * as T from '@gd/tensor';
import { type Grad, type Operand, arg, out, raw, send } from '../engine';
import { unaryOp } from '../lift';
import { Var } from '../var';
import { add, div, mul, neg, square, sub } from './arithmetic';
import { where } from './indexing';

/**
 * |x| element-wise; ∂/∂x = sign(x), with the subgradient 0 at x = 0 (as PyTorch).
 *
 * @example
 * ```ts
 * grad((x) => abs(x).sum())(tensor([-2, 0, 3])); // [-1, 0, 1]
 * ```
 */
export const abs = unaryOp('abs', T.abs, (g, n) => send(n.x0, mul(g, T.sign(raw(n.x0!)))));

/** eˣ element-wise; ∂/∂x = eˣ. @example `exp(variable(tensor(0)))  // Var 1` */
export const exp = unaryOp('exp', T.exp, (g, n) => send(n.x0, mul(g, out(n))));

/** ln(1 + x) element-wise, accurate near 0; ∂/∂x = 1/(1 + x). @example `log1p(variable(tensor(1e-10)))` */
export const log1p = unaryOp('log1p', T.log1p, (g, n) => send(n.x0, div(g, add(arg(n.x0), 1))));

/** eˣ − 1 element-wise, accurate near 0; ∂/∂x = eˣ. @example `expm1(variable(tensor(1e-10)))` */
export const expm1 = unaryOp('expm1', T.expm1, (g, n) => send(n.x0, mul(g, add(out(n), 1))));

/** √x element-wise; ∂/∂x = 1/(2√x). @example `sqrt(variable(tensor(4)))  // Var 2` */
export const sqrt = unaryOp('sqrt', T.sqrt, (g, n) => send(n.x0, div(g, mul(out(n), 2))));

/** 1/√x element-wise; ∂/∂x = −½ x^(−3/2). @example `rsqrt(variable(tensor(4)))  // Var 0.5` */
export const rsqrt = unaryOp('rsqrt', T.rsqrt, (g, n) =>
  send(n.x0, mul(g, mul(pow3(out(n)), -0.5))),
);

function pow3(y: Grad): Grad {
  return mul(y, square(y));
}

/** 1/x element-wise; ∂/∂x = −1/x². @example `reciprocal(variable(tensor(4)))  // Var 0.25` */
export const reciprocal = unaryOp('reciprocal', T.reciprocal, (g, n) =>
  send(n.x0, neg(mul(g, square(out(n))))),
);

/** sin x element-wise; ∂/∂x = cos x. @example `sin(variable(tensor(0)))  // Var 0` */
export const sin = unaryOp('sin', T.sin, (g, n) => send(n.x0, mul(g, cos(arg(n.x0)))));

/** cos x element-wise; ∂/∂x = −sin x. @example `cos(variable(tensor(0)))  // Var 1` */
export const cos = unaryOp('cos', T.cos, (g, n) => send(n.x0, neg(mul(g, sin(arg(n.x0))))));

/** tan x element-wise; ∂/∂x = 1 + tan² x. @example `tan(variable(tensor(0)))  // Var 0` */
export const tan = unaryOp('tan', T.tan, (g, n) => send(n.x0, mul(g, add(square(out(n)), 1))));

/**
 * tanh x element-wise; ∂/∂x = 1 − tanh² x (which vanishes for large |x|: tanh'(4) ≈ 0.0013).
 *
 * @example
 * ```ts
 * grad((x) => tanh(x))(tensor(4, { dtype: 'float64' })).item(); // 0.00134…
 * ```
 */
export const tanh = unaryOp('tanh', T.tanh, (g, n) => send(n.x0, mul(g, sub(1, square(out(n))))));

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** (2/√π)·e^{−x²} of a backward rule's input, built from recorded ops so that it differentiates again. */
function gaussian(x: Operand): Grad {
  return mul(exp(neg(square(x))), TWO_OVER_SQRT_PI) as Grad;
}

/**
 * The error function erf(x) = (2/√π)∫₀ˣ e^{−t²} dt element-wise (torch.erf);
 * ∂/∂x = (2/√π)·e^{−x²}. The rule is written with differentiable ops, so derivatives of every
 * order are exact: erf″(x) = −2x·erf′(x), and so on.
 *
 * @example
 * ```ts
 * grad((x) => erf(x))(tensor(0, { dtype: 'float64' })).item(); // 2/√π = 1.1283791670955126
 * ```
 */
export const erf = unaryOp('erf', T.erf, (g, n) => send(n.x0, mul(g, gaussian(arg(n.x0)))));

/**
 * The complementary error function erfc(x) = 1 − erf(x) element-wise, accurate in the tail
 * (torch.erfc); ∂/∂x = −(2/√π)·e^{−x²}, differentiable again.
 *
 * @example
 * ```ts
 * grad((x) => erfc(x))(tensor(0, { dtype: 'float64' })).item(); // −1.1283791670955126
 * ```
 */
export const erfc = unaryOp('erfc', T.erfc, (g, n) => send(n.x0, neg(mul(g, gaussian(arg(n.x0))))));

/** σ(x) = 1/(1 + e⁻ˣ) element-wise; ∂/∂x = σ(x)(1 − σ(x)). @example `sigmoid(variable(tensor(0)))  // Var 0.5` */
export const sigmoid = unaryOp('sigmoid', T.sigmoid, (g, n) => {
  const s = out(n);
  send(n.x0, mul(g, mul(s, sub(1, s))));
});

/**
 * max(x, 0) element-wise; ∂/∂x = 1 for x > 0 and 0 otherwise (relu'(0) = 0, as PyTorch).
 *
 * @example
 * ```ts
 * grad((x) => relu(x).sum())(tensor([-1, 0, 2])); // [0, 0, 1]
 * ```
 */
export const relu = unaryOp('relu', T.relu, (g, n) => send(n.x0, mul(g, T.greater(raw(n.x0!), 0))));

/** Rules of the piecewise-constant ops: their derivative is 0 wherever it exists (PyTorch gives zeros). */
function zeroGrad(g: Grad, n: Var): void {
  send(n.x0, T.zerosLike(g instanceof Var ? g.value : g));
}

/** sign(x) ∈ {−1, 0, 1} element-wise; its gradient is 0. @example `sign(variable(tensor([-2, 3])))` */
export const sign = unaryOp('sign', T.sign, zeroGrad);
/** ⌊x⌋ element-wise; its gradient is 0. @example `floor(variable(tensor(1.5)))  // Var 1` */
export const floor = unaryOp('floor', T.floor, zeroGrad);
/** ⌈x⌉ element-wise; its gradient is 0. @example `ceil(variable(tensor(1.5)))  // Var 2` */
export const ceil = unaryOp('ceil', T.ceil, zeroGrad);
/** x rounded half to even element-wise; its gradient is 0. @example `round(variable(tensor(2.5)))  // Var 2` */
export const round = unaryOp('round', T.round, zeroGrad);

/**
 * softplus(x) = log(1 + eˣ) element-wise (PyTorch's β = 1, threshold 20: x itself above 20);
 * ∂/∂x = σ(x) below the threshold and 1 above it, as torch's softplus_backward.
 *
 * @example
 * ```ts
 * grad((x) => softplus(x))(tensor(0, { dtype: 'float64' })).item(); // 0.5
 * ```
 */
export const softplus = unaryOp('softplus', T.softplus, (g, n) => {
  const above = T.greater(raw(n.x0!), 20);
  send(n.x0, mul(g, where(above, 1, sigmoid(arg(n.x0)))));
});
