import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LinAlgError, type NestedArray, type Tensor, eye, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import {
  Var,
  add,
  cholesky,
  det,
  eigh,
  eigvalsh,
  grad,
  hessian,
  inv,
  matmul,
  mul,
  solve,
  sum,
  swapAxes,
  variable,
} from '../src/index';
import { checkGrad, expectAllClose, rnd } from './helpers';

/** Golden gradients written by test/fixtures/gen_linalg.py (PyTorch autograd, float64). */
// biome-ignore lint/suspicious/noExplicitAny: each routine's records have their own layout
const golden: Record<string, any> = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'linalg.json'), 'utf8'),
);
const f64 = (v: NestedArray): Tensor => tensor(v, { dtype: 'float64' });
/** Σ y ⊙ g, the scalar whose gradient is the vector-Jacobian product with upstream g. */
const dotWith = (y: Var, g: NestedArray): Var => sum(mul(y, f64(g)));
/** (X + Xᵀ)/2: gradCheck perturbs every entry, eigh and cholesky see only symmetric input. */
const sym = (x: Var): Var => mul(add(x, swapAxes(x, -1, -2)), 0.5);

describe(`linalg gradients against PyTorch ${golden.torch}`, () => {
  it('inv: −A⁻ᵀ Ḡ A⁻ᵀ', () => {
    for (const c of golden.inv) {
      const a = variable(f64(c.a));
      dotWith(inv(a), c.g).backward();
      expectAllClose(a.grad!.toArray(), c.grad_a, 1e-12);
    }
  });

  it('det: ḡ·det·A⁻ᵀ, and the cofactors for singular matrices', () => {
    let singular = 0;
    for (const c of golden.det) {
      const a = variable(f64(c.a));
      dotWith(det(a), c.g).backward();
      // torch 1.13 gives zeros for an exactly singular A (its own gradcheck fails there); gd
      // gives the cofactor matrix, the true derivative, which the fixture stores beside it.
      if (c.cofactor_grad_a) singular++;
      expectAllClose(a.grad!.toArray(), c.cofactor_grad_a ?? c.grad_a, 1e-12);
    }
    expect(singular).toBe(2);
    checkGrad((x: Var) => det(x), [f64(golden.det[2].a)]);
  });

  it('solve: B̄ = A⁻ᵀ X̄ and Ā = −B̄ Xᵀ, vector and broadcast cases included', () => {
    for (const c of golden.solve) {
      const a = variable(f64(c.a));
      const b = variable(f64(c.b));
      dotWith(solve(a, b), c.g).backward();
      expectAllClose(a.grad!.toArray(), c.grad_a, 1e-12);
      expectAllClose(b.grad!.toArray(), c.grad_b, 1e-12);
      expect(b.grad!.shape).toEqual(b.value.shape);
    }
  });

  it('cholesky: Murray’s rule, upper=True included', () => {
    for (const c of golden.cholesky) {
      const a = variable(f64(c.a));
      dotWith(cholesky(a, { upper: c.upper }), c.g).backward();
      expectAllClose(a.grad!.toArray(), c.grad_a, 1e-11);
    }
  });

  it('eigh: eigenvalue and eigenvector gradients; eigvalsh: values only', () => {
    for (const c of golden.eigh) {
      const a = variable(f64(c.a));
      const [values, vectors] = eigh(a);
      add(dotWith(values, c.g_values), dotWith(vectors, c.g_vectors)).backward();
      expectAllClose(a.grad!.toArray(), c.grad_a, 1e-10);
      const a2 = variable(f64(c.a));
      dotWith(eigvalsh(a2), c.g_values).backward();
      expectAllClose(a2.grad!.toArray(), c.grad_a_values_only, 1e-12);
    }
  });
});

describe('linalg gradCheck (float64 finite differences)', () => {
  const wellConditioned = (seed: number, n: number, batch: number[] = []) =>
    rnd([...batch, n, n], seed).add(eye(n, n, { dtype: 'float64' }).mul(4));

  it('inv, det and solve on single and batched matrices', () => {
    for (const batch of [[], [2]]) {
      const a = wellConditioned(1, 3, batch);
      checkGrad((x: Var) => inv(x), [a]);
      checkGrad((x: Var) => det(x), [a]);
      checkGrad((x: Var, y: Var) => solve(x, y), [a, rnd([...batch, 3, 2], 2)]);
      checkGrad((x: Var, y: Var) => solve(x, y), [a, rnd([...batch, 3], 3)]);
    }
    // Broadcast: one right-hand side shared by a batch of matrices.
    checkGrad((x: Var, y: Var) => solve(x, y), [wellConditioned(4, 3, [2]), rnd([3, 1], 5)]);
  });

  it('cholesky (lower and upper) through a symmetric positive-definite parametrisation', () => {
    const spd = (x: Var) =>
      add(matmul(x, x, { transposeB: true }), eye(3, 3, { dtype: 'float64' }).mul(3));
    checkGrad((x: Var) => cholesky(spd(x)), [rnd([3, 3], 6)]);
    checkGrad((x: Var) => cholesky(spd(x), { upper: true }), [rnd([3, 3], 7)]);
  });

  it('eigh values and vectors, eigvalsh, on symmetric input', () => {
    checkGrad((x: Var) => eigvalsh(sym(x)), [rnd([4, 4], 8)]);
    checkGrad((x: Var) => eigh(sym(x))[1], [rnd([3, 3], 9)]);
    checkGrad((x: Var) => eigh(sym(x))[0], [rnd([2, 3, 3], 10)]);
  });

  it('records its backward rules: second derivatives of det, inv and eigvalsh', () => {
    const I = eye(2, 2, { dtype: 'float64' });
    const d2 = (f: (x: Var) => Var, x: number) =>
      (grad((v: Var) => grad(f)(v) as unknown as Var)(f64(x)) as Tensor).item();
    // det([[x, 1], [1, x]]) = x² − 1: second derivative 2.
    expect(
      d2(
        (x) =>
          det(
            add(
              mul(I, x),
              f64([
                [0, 1],
                [1, 0],
              ]),
            ),
          ),
        3,
      ),
    ).toBeCloseTo(2, 10);
    // inv([[x]]) = 1/x: second derivative 2/x³.
    expect(d2((x) => sum(inv(mul(f64([[1]]), x))), 2)).toBeCloseTo(0.25, 12);
    // The larger eigenvalue of [[x, 1], [1, −x]] is √(x² + 1): second derivative (x² + 1)^(−3/2).
    const top = (x: Var) =>
      sum(
        mul(
          eigvalsh(
            add(
              mul(
                f64([
                  [1, 0],
                  [0, -1],
                ]),
                x,
              ),
              f64([
                [0, 1],
                [1, 0],
              ]),
            ),
          ),
          f64([0, 1]),
        ),
      );
    expect(d2(top, 0.5)).toBeCloseTo(1.25 ** -1.5, 10);
  });
});

describe('linalg on Vars', () => {
  it('gives the saddle verdict of x² − y² from its Hessian eigenvalues (d2l)', () => {
    const h = hessian((v: Var) => sum(mul(mul(v, v), f64([1, -1]))))(f64([0.3, -0.2]));
    expect(eigvalsh(h as Tensor).toArray()).toEqual([-2, 2]);
  });

  it('takes a Newton step x − H⁻¹∇f that lands on a quadratic’s minimum', () => {
    const q = f64([
      [3, 1],
      [1, 2],
    ]);
    const b = f64([1, -1]);
    const f = (v: Var) =>
      sum(mul(matmul(q, v), v))
        .mul(0.5)
        .sub(sum(mul(b, v)));
    const x0 = f64([5, -7]);
    const g = grad(f)(x0) as Tensor;
    const h = hessian(f)(x0) as Tensor;
    const x1 = x0.sub(solve(h, g));
    expectAllClose(x1.toArray(), solve(q, b).toArray(), 1e-12);
  });

  it('passes Tensors through without recording and keeps errors typed', () => {
    expect(inv(f64([[2]]))).not.toBeInstanceOf(Var);
    expect(() =>
      inv(
        variable(
          f64([
            [0, 0],
            [0, 0],
          ]),
        ),
      ),
    ).toThrow(LinAlgError);
    expect(() => cholesky(variable(f64([[-1]])))).toThrow(LinAlgError);
  });
});
