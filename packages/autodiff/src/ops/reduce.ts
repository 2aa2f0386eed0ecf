import { defineVarOp } from '../registry';
import * as T from '@gd/tensor';
import { type Grad, arg, out, raw, record, send } from '../engine';
import type { Lift1 } from '../lift';
import { Var } from '../var';
import { div, mul, sub } from './arithmetic';
import { where } from './indexing';
import { broadcastTo, reshape } from './shape';
import { exp } from './unary';

type Reducible = Var | T.Tensor;

/** `shape` with the reduced axes set to 1 (what keepDims would give). */
export function keptShape(shape: readonly number[], axis: T.Axis | undefined): number[] {
  if (axis === undefined) return shape.map(() => 1);
  const s = [...shape];
  for (const a of typeof axis === 'number' ? [axis] : axis) s[a < 0 ? a + shape.length : a] = 1;
  return s;
}

/** The upstream gradient of a reduction, reshaped so that it broadcasts against the input. */
function kept(g: Grad, n: Var): Grad {
  const x = n.x0 as Var;
  const opts = n.aux as T.ReduceOptions | null;
  return reshape(g, keptShape(x.shape, opts?.axis));
}

/** The reduction's output, reshaped to broadcast against the input (see {@link kept}). */
function keptOut(n: Var): Grad {
  return kept(out(n), n);
}

function reduction(
  op: string,
  fwd: (x: T.Tensor, opts?: T.ReduceOptions) => T.Tensor,
  back: (g: Grad, n: Var) => void,
) {
  return <A extends Reducible>(x: A, opts?: T.ReduceOptions): Lift1<A> =>
    (x instanceof Var
      ? record(op, fwd(x.value, opts), x, null, back, opts)
      : fwd(x as T.Tensor, opts)) as Lift1<A>;
}

/**
 * Sum over `axis` (all axes when omitted): out = Σᵢ xᵢ; ∂out/∂xᵢ = 1, so the gradient is the
 * upstream gradient broadcast back over the reduced axes.
 *
 * @example
 * ```ts
 * const x = variable(tensor([[1, 2], [3, 4]]));
 * sum(x, { axis: 0 }).sum().backward(); // x.grad = [[1, 1], [1, 1]]
 * ```
 */
export const sum = defineVarOp(
  'sum',
  reduction('sum', T.sum, (g, n) => {
    const x = n.x0 as Var;
    send(x, broadcastTo(kept(g, n), x.shape));
  }),
);

/**
 * Mean over `axis`: out = (1/N) Σᵢ xᵢ; ∂out/∂xᵢ = 1/N.
 *
 * @example
 * ```ts
 * grad((x) => mean(x))(tensor([1, 2, 3, 4])); // [0.25, 0.25, 0.25, 0.25]
 * ```
 */
export const mean = defineVarOp(
  'mean',
  reduction('mean', T.mean, (g, n) => {
    const x = n.x0 as Var;
    const count = n.value.size === 0 ? 1 : x.size / n.value.size;
    send(x, div(broadcastTo(kept(g, n), x.shape), count));
  }),
);

/**
 * Product over `axis`: out = Πᵢ xᵢ; ∂out/∂xᵢ = Π_{j≠i} xⱼ, computed exactly when some xᵢ are 0
 * (the product of the other, non-zero entries where xᵢ is the only zero, else 0), as PyTorch.
 *
 * @example
 * ```ts
 * grad((x) => prod(x))(tensor([2, 3, 4])); // [12, 8, 6]
 * ```
 */
export const prod = defineVarOp(
  'prod',
  reduction('prod', T.prod, (g, n) => {
    const x = n.x0 as Var;
    const opts = n.aux as T.ReduceOptions | null;
    const keep = { axis: opts?.axis, keepDims: true };
    const xa = arg(x);
    const isZero = T.equal(x.value, 0);
    const nonZero = where(isZero, 1, xa) as Grad;
    const zeroCount = T.sum(isZero, keep);
    // Π of the others: out/xᵢ where xᵢ ≠ 0; the product of the non-zeros where xᵢ is the only zero.
    const othersIfZero = where(T.equal(zeroCount, 1), prod(nonZero, keep), 0);
    const others = where(isZero, othersIfZero, div(keptOut(n), nonZero));
    send(x, mul(kept(g, n), others));
  }),
);

/**
 * One-hot mask of the winner of each reduced group: the first index where `x` attains its
 * max (or min), as argmax/argmin pick it.
 */
function winnerMask(x: T.Tensor, axis: T.Axis | undefined, pick: 'argmax' | 'argmin'): T.Tensor {
  const nd = x.ndim;
  const red = new Set(
    axis === undefined
      ? x.shape.map((_, i) => i)
      : (typeof axis === 'number' ? [axis] : axis).map((a) => (a < 0 ? a + nd : a)),
  );
  const keptAxes: number[] = [];
  const redAxes: number[] = [];
  for (let i = 0; i < nd; i++) (red.has(i) ? redAxes : keptAxes).push(i);
  const perm = [...keptAxes, ...redAxes];
  const groups = keptAxes.map((a) => x.shape[a]);
  const r = redAxes.reduce((p, a) => p * x.shape[a], 1);
  const flat = T.reshape(T.transpose(x, perm), [...groups, r]);
  const idx = (pick === 'argmax' ? T.argmax : T.argmin)(flat, { axis: -1, keepDims: true });
  const hit = T.equal(T.arange(r), idx);
  const back = T.reshape(hit, [...groups, ...redAxes.map((a) => x.shape[a])]);
  const inverse = perm.map((_, i) => perm.indexOf(i));
  return nd === 0 ? T.reshape(hit, []) : T.transpose(back, inverse);
}

/**
 * The share of the upstream gradient each element of `x` gets in a max/min reduction: with a
 * single `axis` number, one winner per reduced group (the first extreme, the index argmax/argmin
 * returns, as torch.max(x, dim)); over all elements or a list of axes, an even split among the
 * tied extremes (as torch.max(x) and torch.amax).
 */
function extremeShare(n: Var, pick: 'argmax' | 'argmin', evenly: boolean): T.Tensor {
  const x = (n.x0 as Var).value;
  const axis = (n.aux as T.ReduceOptions | null)?.axis;
  if (!evenly && typeof axis === 'number') return winnerMask(x, axis, pick);
  const hit = T.astype(T.equal(x, raw(keptOut(n)) as T.Tensor), n.value.dtype);
  return T.div(hit, T.sum(hit, { axis, keepDims: true }));
}

function extremeBack(pick: 'argmax' | 'argmin', evenly: boolean) {
  return (g: Grad, n: Var): void => {
    send(n.x0, mul(kept(g, n), extremeShare(n, pick, evenly)));
  };
}

/**
 * Maximum over `axis` (all axes when omitted). Gradient, as PyTorch 1.13: with a single `axis`
 * number it goes to the one element whose index argmax returns (the first maximum, as
 * torch.max(x, dim)); over all elements or a list of axes it is split evenly among tied maxima
 * (as torch.max(x) and torch.amax): $\partial \max / \partial x_i = [x_i = m] / \#\{j : x_j = m\}$.
 *
 * @example
 * ```ts
 * grad((x) => max(x))(tensor([1, 3, 7, 7])); // [0, 0, 0.5, 0.5]
 * grad((x) => max(x, { axis: 0 }))(tensor([1, 3, 7, 7])); // [0, 0, 1, 0]
 * ```
 */
export const max = defineVarOp('max', reduction('max', T.max, extremeBack('argmax', false)));

/**
 * Minimum over `axis`; the gradient follows {@link max}'s rule: the first minimum for a single
 * `axis` number, an even split among tied minima otherwise.
 *
 * @example
 * ```ts
 * grad((x) => min(x))(tensor([2, 1, 1])); // [0, 0.5, 0.5]
 * ```
 */
export const min = defineVarOp('min', reduction('min', T.min, extremeBack('argmin', false)));

/**
 * Maximum over `axis` (all axes when omitted), as torch.amax: the gradient is always split evenly
 * among tied maxima, $\partial\,\mathrm{amax} / \partial x_i = [x_i = m] / \#\{j : x_j = m\}$.
 *
 * @example
 * ```ts
 * grad((x) => amax(x, { axis: 0 }))(tensor([1, 3, 7, 7])); // [0, 0, 0.5, 0.5]
 * ```
 */
export const amax = defineVarOp('amax', reduction('amax', T.amax, extremeBack('argmax', true)));

/**
 * Minimum over `axis`, as torch.amin: the gradient is split evenly among tied minima.
 *
 * @example
 * ```ts
 * grad((x) => amin(x))(tensor([1, 1, 2])); // [0.5, 0.5, 0]
 * ```
 */
export const amin = defineVarOp('amin', reduction('amin', T.amin, extremeBack('argmin', true)));

/**
 * log Σᵢ exp(xᵢ) over `axis`, computed stably; ∂out/∂xᵢ = softmax(x)ᵢ = exp(xᵢ − out).
 *
 * @example
 * ```ts
 * logsumexp(variable(tensor([0, 0])));           // Var ln 2
 * grad((x) => logsumexp(x))(tensor([0, 0]));     // [0.5, 0.5]
 * ```
 */
export const logsumexp = defineVarOp(
  'logsumexp',
  reduction('logsumexp', T.logsumexp, (g, n) => {
    const x = n.x0 as Var;
    send(x, mul(kept(g, n), exp(sub(arg(x), keptOut(n)))));
  }),
);

/**
 * Variance over `axis` with Bessel's `correction` (default 1, PyTorch's unbiased estimate):
 * out = Σᵢ (xᵢ − x̄)² / (N − correction). Differentiated through its definition.
 *
 * @example
 * ```ts
 * variance(variable(tensor([1, 2, 3, 4])));                    // Var 1.666…
 * variance(variable(tensor([1, 2, 3, 4])), { correction: 0 }); // Var 1.25
 * ```
 */
export const variance = defineVarOp('variance', function variance<
  A extends Reducible,
>(x: A, opts: T.VarianceOptions = {}): Lift1<A> {
  if (!(x instanceof Var)) return T.variance(x as T.Tensor, opts) as Lift1<A>;
  const { axis, keepDims = false, correction = 1 } = opts;
  const xm = sub(x, mean(x, { axis, keepDims: true }));
  const count =
    x.size /
    Math.max(
      1,
      keptShape(x.shape, axis).reduce((p, d) => p * d, 1),
    );
  return div(sum(mul(xm, xm), { axis, keepDims }), Math.max(0, count - correction)) as Lift1<A>;
});

/**
 * Standard deviation over `axis`: out = √variance(x, opts) (correction 1 by default).
 *
 * @example
 * ```ts
 * std(variable(tensor([1, 2, 3, 4]), { dtype: 'float64' })); // Var 1.29…
 * ```
 */
export const std = defineVarOp('std', function std<
  A extends Reducible,
>(x: A, opts: T.VarianceOptions = {}): Lift1<A> {
  if (!(x instanceof Var)) return T.std(x as T.Tensor, opts) as Lift1<A>;
  return variance(x, opts).pow(0.5) as Lift1<A>;
});

/**
 * Vector norm over `axis` (all elements when omitted), as torch.linalg.vector_norm:
 * ‖x‖ₚ = (Σᵢ |xᵢ|ᵖ)^{1/p}, default p = 2; ±∞ give max/min |xᵢ|. For p = 2 the gradient is
 * x/‖x‖, taken as 0 where ‖x‖ = 0 (PyTorch's subgradient).
 *
 * @example
 * ```ts
 * grad((x) => norm(x))(tensor([3, 4])); // [0.6, 0.8]
 * ```
 */
export const norm = defineVarOp('norm', function norm<
  A extends Reducible,
>(x: A, opts: T.NormOptions = {}): Lift1<A> {
  if (!(x instanceof Var)) return T.norm(x as T.Tensor, opts) as Lift1<A>;
  const ord = opts.ord === undefined || opts.ord === 'fro' ? 2 : opts.ord;
  const red = { axis: opts.axis, keepDims: opts.keepDims };
  if (ord === 2) return record('norm', T.norm(x.value, opts), x, null, norm2Back, red) as Lift1<A>;
  const a = x.abs();
  if (ord === Number.POSITIVE_INFINITY) return max(a, red) as Lift1<A>;
  if (ord === Number.NEGATIVE_INFINITY) return min(a, red) as Lift1<A>;
  if (ord === 1) return sum(a, red) as Lift1<A>;
  if (ord === 0) return new Var(T.norm(x.value, opts), false) as Lift1<A>;
  return sum(a.pow(ord), red).pow(1 / ord) as Lift1<A>;
});

function norm2Back(g: Grad, n: Var): void {
  const x = n.x0 as Var;
  const nrm = keptOut(n);
  const zero = T.equal(raw(nrm) as T.Tensor, 0);
  send(x, mul(kept(g, n), div(where(zero, 0, arg(x)), where(zero, 1, nrm))));
}
