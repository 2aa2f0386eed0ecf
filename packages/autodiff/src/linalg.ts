/**
 * Differentiable linear algebra: eigh/eigvalsh, solve, inv, det and cholesky on Vars, with
 * PyTorch's backward rules. The forward values come from @gd/tensor's float64 routines; each
 * backward rule is written with differentiable ops on `arg`/`out`, so it records itself under
 * `createGraph` (Hessians through these functions), except where noted.
 */
import * as T from '@gd/tensor';
import { type Grad, arg, needs, out, raw, record, send } from './engine';
import type { Lift1, Lift2 } from './lift';
import { add, div, mul, neg, sub } from './ops/arithmetic';
import { matmul } from './ops/matmul';
import { reshape, swapAxes, unsqueeze } from './ops/shape';
import { Var } from './var';

type Mat = Var | T.Tensor;

/** The transpose of the last two axes (PyTorch's `.mT`). */
const mT = (x: Grad): Grad => swapAxes(x, -1, -2);

/** A constant n×n mask: 1 where j ≤ i + k (the lower triangle, k = 0, or below it, k = −1). */
function trilMask(n: number, k: number, dtype: T.DType): T.Tensor {
  const m = T.zeros([n, n], { dtype });
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= Math.min(n - 1, i + k); j++) m.data[i * n + j] = 1;
  return m;
}

/**
 * The inverse of a square matrix, batched (see @gd/tensor's `inv`), differentiable.
 *
 * $\bar A = -A^{-\top} \bar X A^{-\top}$ for $X = A^{-1}$ (PyTorch's rule).
 *
 * @throws LinAlgError when a matrix is singular.
 * @example
 * ```ts
 * const a = variable(tensor([[2, 1], [1, 3]], { dtype: 'float64' }));
 * inv(a).sum().backward(); // a.grad = −A⁻ᵀ·1·A⁻ᵀ
 * ```
 */
export function inv<A extends Mat>(a: A): Lift1<A> {
  if (!(a instanceof Var)) return T.inv(a as T.Tensor) as Lift1<A>;
  return record('inv', T.inv(a.value), a, null, invBack) as Lift1<A>;
}

function invBack(g: Grad, n: Var): void {
  const ai = out(n);
  send(n.x0, neg(matmul(matmul(ai, g, { transposeA: true }), ai, { transposeB: true })));
}

/**
 * The determinant of a square matrix, batched (see @gd/tensor's `det`), differentiable.
 *
 * $\bar A = \bar d \cdot \det(A)\, A^{-\top}$, the cofactor matrix; for an exactly singular
 * matrix (det = 0) the cofactors are computed from the (n−1)×(n−1) minors instead, so the
 * gradient stays finite as in PyTorch. That singular-case gradient is a constant under
 * `createGraph` (no second derivative through it).
 *
 * @example
 * ```ts
 * const a = variable(tensor([[1, 2], [3, 4]], { dtype: 'float64' }));
 * det(a).backward(); // a.grad = [[4, -3], [-2, 1]]
 * ```
 */
export function det<A extends Mat>(a: A): Lift1<A> {
  if (!(a instanceof Var)) return T.det(a as T.Tensor) as Lift1<A>;
  return record('det', T.det(a.value), a, null, detBack) as Lift1<A>;
}

function detBack(g: Grad, n: Var): void {
  const a = arg(n.x0) as Mat;
  const d = out(n);
  const col = [...d.shape, 1, 1];
  const value = raw(n.x0!) as T.Tensor;
  if ((d instanceof Var ? d.value : d).data.some((v) => v === 0)) {
    send(n.x0, mul(reshape(g, col), cofactors(value)));
    return;
  }
  send(n.x0, mul(reshape(mul(g, d), col), mT(inv(a))));
}

/** C[i][j] = (−1)^(i+j) det(A without row i and column j), batched. */
function cofactors(a: T.Tensor): T.Tensor {
  const n = a.shape[a.ndim - 1];
  const count = a.size / (n * n);
  const m = n - 1;
  const minors = T.zeros([count, n, n, m, m], { dtype: 'float64' });
  let w = 0;
  for (let b = 0; b < count; b++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        for (let r = 0; r < n; r++) {
          if (r === i) continue;
          for (let c = 0; c < n; c++) if (c !== j) minors.data[w++] = a.data[b * n * n + r * n + c];
        }
  const dets = T.det(minors);
  const out = T.zeros(a.shape, { dtype: a.dtype });
  for (let k = 0; k < out.size; k++) {
    const i = Math.floor(k / n) % n;
    const j = k % n;
    out.data[k] = (i + j) % 2 === 0 ? dets.data[k] : -dets.data[k];
  }
  return out;
}

/**
 * Solves A·X = B for square A, batched and broadcast (see @gd/tensor's `solve` for the vector
 * case), differentiable in both A and B.
 *
 * $\bar B = A^{-\top} \bar X$, $\bar A = -\bar B X^\top$ (an outer product in the vector case),
 * summed over broadcast batch axes (PyTorch's rule).
 *
 * @throws LinAlgError when a matrix of A is singular.
 * @example
 * ```ts
 * const b = variable(tensor([1, 2], { dtype: 'float64' }));
 * solve(tensor([[2, 0], [0, 4]], { dtype: 'float64' }), b).sum().backward(); // b.grad = [0.5, 0.25]
 * ```
 */
export function solve<A extends Mat, B extends Mat>(a: A, b: B): Lift2<A, B> {
  if (!(a instanceof Var) && !(b instanceof Var)) {
    return T.solve(a as T.Tensor, b as T.Tensor) as Lift2<A, B>;
  }
  const value = T.solve(raw(a) as T.Tensor, raw(b) as T.Tensor);
  return record('solve', value, a, b, solveBack) as Lift2<A, B>;
}

function solveBack(g: Grad, n: Var): void {
  const a = arg(n.x0) as Mat;
  const b0 = raw(n.x1!) as T.Tensor;
  const a0 = raw(n.x0!) as T.Tensor;
  const vector =
    b0.ndim === 1 || (b0.ndim === a0.ndim - 1 && b0.shape.every((d, i) => d === a0.shape[i]));
  const gb = solve(mT(a), g);
  if (needs(n.x1)) send(n.x1, gb);
  if (needs(n.x0)) {
    const x = out(n);
    const ga = vector
      ? mul(unsqueeze(gb, -1), unsqueeze(x, -2))
      : matmul(gb, x, { transposeB: true });
    send(n.x0, neg(ga));
  }
}

/**
 * The Cholesky factor of a symmetric positive-definite matrix, batched (see @gd/tensor's
 * `cholesky`; default `upper: false`), differentiable.
 *
 * PyTorch's rule (Murray 2016): with $\Phi = \operatorname{tril}(L^\top \bar L)$ and
 * $P = \tfrac12(\Phi + \operatorname{tril}(\Phi, -1)^\top)$, $\bar A = L^{-\top} P L^{-1}$ —
 * symmetric, i.e. the gradient for perturbations that keep A symmetric.
 *
 * @throws LinAlgError when a matrix is not positive-definite.
 * @example
 * ```ts
 * const a = variable(tensor([[4, 2], [2, 5]], { dtype: 'float64' }));
 * cholesky(a).sum().backward();
 * ```
 */
export function cholesky<A extends Mat>(a: A, opts: T.CholeskyOptions = {}): Lift1<A> {
  if (!(a instanceof Var)) return T.cholesky(a as T.Tensor, opts) as Lift1<A>;
  const upper = opts.upper ?? false;
  return record('cholesky', T.cholesky(a.value, opts), a, null, choleskyBack, upper) as Lift1<A>;
}

function choleskyBack(g: Grad, n: Var): void {
  const upper = n.aux as boolean;
  const l = upper ? mT(out(n)) : out(n);
  const gl = upper ? mT(g) : g;
  const k = l.shape[l.ndim - 1];
  const phi = mul(matmul(l, gl, { transposeA: true }), trilMask(k, 0, l.dtype));
  const p = mul(add(phi, mT(mul(phi, trilMask(k, -1, l.dtype)))), 0.5);
  // L⁻ᵀ·P·L⁻¹ as two solves with Lᵀ: Y = L⁻ᵀP, then Y·L⁻¹ = (L⁻ᵀYᵀ)ᵀ.
  const y = solve(mT(l), p);
  send(n.x0, mT(solve(mT(l), mT(y))));
}

/**
 * Eigenvalues (ascending) and eigenvectors (columns) of a real symmetric matrix, batched (see
 * @gd/tensor's `eigh` for the method, `uplo` and the sign convention), differentiable.
 *
 * PyTorch's rule (linalg_eigh_backward): with $S = \tfrac12(V^\top \bar V - \bar V^\top V)$,
 * $F_{ij} = S_{ij}/(\lambda_j - \lambda_i)$ off the diagonal and $F_{ii} = \bar\lambda_i$,
 * $\bar A = V F V^\top$ — symmetric (the gradient for symmetric perturbations). Repeated
 * eigenvalues make it infinite when the eigenvectors get a gradient, as in PyTorch; the
 * eigenvalues alone are always differentiable.
 *
 * @example
 * ```ts
 * const a = variable(tensor([[2, 1], [1, 2]], { dtype: 'float64' }));
 * const [values, vectors] = eigh(a);
 * values.sum().backward(); // a.grad = V·Vᵀ = I
 * ```
 */
export function eigh<A extends Mat>(a: A, opts: T.EighOptions = {}): [Lift1<A>, Lift1<A>] {
  if (!(a instanceof Var)) return T.eigh(a as T.Tensor, opts) as [Lift1<A>, Lift1<A>];
  const [l, v] = T.eigh(a.value, opts);
  // Two outputs, two nodes; each keeps the other so its rule can read λ or V. The gradient is
  // linear in (λ̄, V̄), so the two rules' sum is the joint one.
  const values = record('eigh', l, a, null, eighValuesBack);
  const vectors = record('eigh', v, a, null, eighVectorsBack);
  values.aux = vectors;
  vectors.aux = values;
  return [values, vectors] as [Lift1<A>, Lift1<A>];
}

function eighValuesBack(g: Grad, n: Var): void {
  const v = out(n.aux as Var);
  send(n.x0, matmul(mul(v, unsqueeze(g, -2)), v, { transposeB: true }));
}

function eighVectorsBack(g: Grad, n: Var): void {
  const l = out(n.aux as Var);
  const v = out(n);
  const vtg = matmul(v, g, { transposeA: true });
  const s = mul(sub(vtg, mT(vtg)), 0.5);
  // E[i][j] = λj − λi, with 1 on the diagonal where S is exactly 0.
  const k = l.shape[l.ndim - 1];
  const e = add(sub(unsqueeze(l, -2), unsqueeze(l, -1)), T.eye(k, k, { dtype: l.dtype }));
  send(n.x0, matmul(matmul(v, div(s, e)), v, { transposeB: true }));
}

/**
 * Eigenvalues of a real symmetric matrix in ascending order, batched, differentiable:
 * $\bar A = V \operatorname{diag}(\bar\lambda) V^\top$ (see {@link eigh}).
 *
 * @example
 * ```ts
 * const h = hessian((v) => v.pow(2).mul(tensor([1, -1], { dtype: 'float64' })).sum())(tensor([0, 0], { dtype: 'float64' }));
 * eigvalsh(h).toArray(); // [-2, 2]: a saddle
 * ```
 */
export function eigvalsh<A extends Mat>(a: A, opts: T.EighOptions = {}): Lift1<A> {
  if (!(a instanceof Var)) return T.eigvalsh(a as T.Tensor, opts) as Lift1<A>;
  return eigh(a, opts)[0];
}
