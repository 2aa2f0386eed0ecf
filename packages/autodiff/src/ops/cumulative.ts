import * as T from '@gd/tensor';
import { type Grad, arg, out, record, send, state } from '../engine';
import type { Lift1 } from '../lift';
import { defineVarOp } from '../registry';
import { Var } from '../var';
import { add, div, mul, sub } from './arithmetic';
import { sum } from './reduce';

/** Σ_{j ≥ i} g_j along `axis`: the adjoint of a running sum, from differentiable ops. */
function reverseCumsum(g: Grad, axis: number): Grad {
  return add(sub(sum(g, { axis, keepDims: true }), cumsum(g, axis)), g) as Grad;
}

/**
 * Running sum along `axis` (torch.cumsum): $y_i = \sum_{j \le i} x_j$; the gradient is the
 * reverse running sum of the upstream gradient, $\partial L/\partial x_i = \sum_{k \ge i} g_k$.
 *
 * @example
 * ```ts
 * grad((x) => cumsum(x, 0).sum())(tensor([1, 2, 3])); // [3, 2, 1]
 * ```
 */
export const cumsum = defineVarOp('cumsum', function cumsum<
  A extends Var | T.Tensor,
>(x: A, axis: number): Lift1<A> {
  if (!(x instanceof Var)) return T.cumsum(x as T.Tensor, axis) as Lift1<A>;
  return record('cumsum', T.cumsum(x.value, axis), x, null, cumsumBack, axis) as Lift1<A>;
});

function cumsumBack(g: Grad, n: Var): void {
  send(n.x0, reverseCumsum(g, n.aux as number));
}

/**
 * Running product along `axis` (torch.cumprod): $y_i = \prod_{j \le i} x_j$, with
 * $\partial L/\partial x_i = \sum_{k \ge i} g_k \prod_{j \le k, j \ne i} x_j$. Without zeros this is
 * the reverse running sum of $g \cdot y$ divided by $x$ (differentiable again); with zeros in x
 * the exact sum is evaluated directly (first order only).
 *
 * @example
 * ```ts
 * grad((x) => cumprod(x, 0).sum())(tensor([2, 3])); // [1 + 3, 2] = [4, 2]
 * ```
 */
export const cumprod = defineVarOp('cumprod', function cumprod<
  A extends Var | T.Tensor,
>(x: A, axis: number): Lift1<A> {
  if (!(x instanceof Var)) return T.cumprod(x as T.Tensor, axis) as Lift1<A>;
  return record('cumprod', T.cumprod(x.value, axis), x, null, cumprodBack, axis) as Lift1<A>;
});

function cumprodBack(g: Grad, n: Var): void {
  const x = n.x0 as Var;
  const axis = n.aux as number;
  const hasZero = x.value.data.some((v) => v === 0);
  if (!hasZero) {
    send(x, div(reverseCumsum(mul(g, out(n)), axis), arg(x)));
    return;
  }
  if (state.createGraph) {
    throw new Error(
      'cumprod: a higher-order derivative through cumprod of an input with zeros is not supported; perturb the zeros or differentiate once',
    );
  }
  send(x, exactCumprodGrad(x.value, g instanceof Var ? g.value : g, axis));
}

/** ∂L/∂x_i = Σ_{k ≥ i} g_k Π_{j ≤ k, j ≠ i} x_j along `axis`, in O(n²) per line (zeros allowed). */
function exactCumprodGrad(x: T.Tensor, g: T.Tensor, axis: number): T.Tensor {
  const nd = x.ndim;
  const ax = nd === 0 ? 0 : axis < 0 ? axis + nd : axis;
  let outer = 1;
  let inner = 1;
  for (let i = 0; i < ax; i++) outer *= x.shape[i];
  for (let i = ax + 1; i < nd; i++) inner *= x.shape[i];
  const len = nd === 0 ? 1 : x.shape[ax];
  const xd = x.data;
  const gd = T.astype(g, x.dtype).data;
  const res = T.zerosLike(x);
  const rd = res.data;
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      const at = (i: number) => o * len * inner + i * inner + j;
      let before = 1; // Π_{j < i} x_j
      for (let i = 0; i < len; i++) {
        let acc = 0;
        let after = 1; // Π_{i < j ≤ k} x_j
        for (let k = i; k < len; k++) {
          if (k > i) after *= xd[at(k)];
          acc += gd[at(k)] * before * after;
        }
        rd[at(i)] = acc;
        before *= xd[at(i)];
      }
    }
  }
  return res;
}
