import { ShapeError, type Tensor, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import {
  type Var,
  add,
  div,
  erf,
  gradients,
  grad,
  hessian,
  hvp,
  jacobian,
  log,
  matmul,
  mean,
  mul,
  pow,
  sigmoid,
  sin,
  square,
  sub,
  sum,
  tanh,
  valueAndGrad,
  variable,
} from '../src/index';
import golden from './fixtures/golden.json';
import higher from './fixtures/higher.json';
import { expectAllClose } from './helpers';

const f64 = (x: number | number[] | number[][]) => tensor(x, { dtype: 'float64' });

const scalarFns: Record<string, (x: Var) => Var> = {
  'x^2+exp(-x)': (x) => x.pow(2).add(x.neg().exp()),
  '-log(sigmoid(x)+1)/(x^2+1)': (x) => div(log(add(sigmoid(x), 1)), add(square(x), 1)).neg(),
  'x^2/10+10sin(x^2/4)': (x) => add(div(square(x), 10), mul(sin(div(square(x), 4)), 10)),
  tanh: (x) => tanh(x),
};

const rosenbrock = (v: Var) => {
  const x = v.take(0);
  const y = v.take(1);
  return square(sub(1, x)).add(square(sub(y, square(x))).mul(100));
};
const saddle = (v: Var) => square(v.take(0)).sub(square(v.take(1)));
const vectorFns: Record<string, (v: Var) => Var> = { rosenbrock, saddle };

describe('golden values from PyTorch (float64, 1e-12)', () => {
  for (const c of golden.scalar) {
    it(`${c.name}: value, f' and f''`, () => {
      const f = scalarFns[c.name];
      for (const p of c.points) {
        const [value, g] = valueAndGrad(f)(f64(p.x));
        expectAllClose(value, p.value);
        expectAllClose(g.item(), p.grad);
        expectAllClose(grad(grad(f))(f64(p.x)).item(), p.hess);
        expectAllClose(hessian(f)(f64(p.x)).item(), p.hess);
      }
    });
  }

  for (const c of golden.vector) {
    it(`${c.name}: value, gradient and Hessian`, () => {
      const f = vectorFns[c.name];
      for (const p of c.points) {
        const [value, g] = valueAndGrad(f)(f64(p.x));
        expectAllClose(value, p.value);
        expectAllClose(g.toArray(), p.grad);
        const h = hessian(f)(f64(p.x));
        expect(h.shape).toEqual([2, 2]);
        expectAllClose(h.toArray(), p.hess);
      }
    });
  }

  it('the saddle x² − y² has Hessian eigenvalues 2 and −2', () => {
    const h = hessian(saddle)(f64([0, 0])).toArray() as number[][];
    // Eigenvalues of a symmetric 2×2 matrix.
    const tr = h[0][0] + h[1][1];
    const det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
    const disc = Math.sqrt((tr * tr) / 4 - det);
    expectAllClose([tr / 2 - disc, tr / 2 + disc], golden.saddleEigenvalues);
    expect([tr / 2 - disc, tr / 2 + disc]).toEqual([-2, 2]);
  });

  it('an MLP with tanh and a broadcast bias: loss, every gradient, Hessians of the biases', () => {
    const m = golden.mlp;
    const x = f64(m.x);
    const y = f64(m.y);
    const loss = (W1: Var, b1: Var, W2: Var, b2: Var) =>
      mean(square(sub(add(matmul(tanh(add(matmul(x, W1), b1)), W2), b2), y)));
    const P = m.params;
    const args = [f64(P.W1), f64(P.b1), f64(P.W2), f64(P.b2)];
    const [value, gs] = valueAndGrad(loss, { argnums: [0, 1, 2, 3] })(...args);
    expectAllClose(value, m.loss);
    expectAllClose(gs[0].toArray(), m.grads.W1);
    expectAllClose(gs[1].toArray(), m.grads.b1);
    expectAllClose(gs[2].toArray(), m.grads.W2);
    expectAllClose(gs[3].toArray(), m.grads.b2);
    expectAllClose(hessian(loss, { argnums: 3 })(...args).toArray(), m.hessB2);
    expectAllClose(hessian(loss, { argnums: 1 })(...args).toArray(), m.hessB1);

    // The PyTorch-style loop gives the same gradients through .backward().
    const W1 = variable(f64(P.W1));
    const b1 = variable(f64(P.b1));
    const W2 = variable(f64(P.W2));
    const b2 = variable(f64(P.b2));
    loss(W1, b1, W2, b2).backward();
    expectAllClose(W1.grad!.toArray(), m.grads.W1);
    expectAllClose(b1.grad!.toArray(), m.grads.b1);
  });
});

describe('functional API', () => {
  it("DESIGN's example: grad(x² + e^-x)(3) = 6 − e^-3", () => {
    const f = (x: Var) => x.pow(2).add(x.neg().exp());
    const g: Tensor = grad(f)(f64(3));
    expect(g.item()).toBeCloseTo(6 - Math.exp(-3), 14);
    expect(g.dtype).toBe('float64');
  });

  it('grad with several argnums returns a list', () => {
    const a = f64([
      [1, 2],
      [3, 4],
    ]);
    const b = f64([
      [5, 6],
      [7, 8],
    ]);
    const [ga, gb] = grad((x: Var, y: Var) => x.mul(y).sum(), { argnums: [0, 1] })(a, b);
    expect(ga.toArray()).toEqual(b.toArray());
    expect(gb.toArray()).toEqual(a.toArray());
    // Only argument 1 becomes a Var: the op function (not a Tensor method on x) mixes both.
    expect(grad((x: Tensor, y: Var) => mul(x, y).sum(), { argnums: 1 })(a, b).toArray()).toEqual(
      a.toArray(),
    );
  });

  it('passes non-differentiated arguments through unchanged', () => {
    const g = grad((x: Var, k: number) => x.mul(k).sum())(f64([1, 2]), 5);
    expect(g.toArray()).toEqual([5, 5]);
  });

  it('differentiates a plain number argument as float64', () => {
    expect(grad((x: Var) => x.pow(3))(2).item()).toBe(12);
  });

  it('gives zeros for a function that does not depend on its argument', () => {
    expect(grad(() => f64(3))(f64([1, 2])).toArray()).toEqual([0, 0]);
    expect(grad(grad((x: Var) => x.mul(2)))(f64(1)).item()).toBe(0);
  });

  it('refuses non-scalar outputs, integer inputs and bad argnums', () => {
    expect(() => grad((x: Var) => x.mul(2))(f64([1, 2]))).toThrow(/one element.*jacobian/);
    expect(() => grad((x: Var) => x.sum())(tensor([1], { dtype: 'int32' }))).toThrow(/int32/);
    expect(() => grad((x: Var) => x.sum(), { argnums: 2 })(f64([1]))).toThrow(RangeError);
    expect(() => grad((x: Var) => x.sum().greater(0))(f64([1]))).toThrow(
      /bool result, which is not differentiable/,
    );
  });

  it('jacobian of a comparison or argmax says it is not differentiable (no silent zeros)', () => {
    expect(() => jacobian((x: Var) => x.greater(1))(f64([1, 2]))).toThrow(
      /jacobian: the function returned a bool result, which is not differentiable/,
    );
    expect(() => jacobian((x: Var) => x.argmax())(f64([1, 2]))).toThrow(/int32 result/);
    expect(() => hessian((x: Var) => x.sum().greater(0))(f64([1]))).toThrow(/not differentiable/);
  });

  it('third derivative by nesting grad three times', () => {
    const f = (x: Var) => x.pow(4);
    expect(grad(grad(grad(f)))(f64(2)).item()).toBe(48);
  });

  it('jacobian of an element-wise map is diagonal; of a matrix map it is the matrix', () => {
    expect(jacobian((x: Var) => x.square())(f64([1, 2, 3])).toArray()).toEqual([
      [2, 0, 0],
      [0, 4, 0],
      [0, 0, 6],
    ]);
    const A = f64([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const j = jacobian((x: Var) => matmul(A, x))(f64([1, 1, 1]));
    expect(j.toArray()).toEqual(A.toArray());
    const [ja, jb] = jacobian((x: Var, y: Var) => x.mul(y), { argnums: [0, 1] })(
      f64([1, 2]),
      f64([3, 4]),
    );
    expect(ja.toArray()).toEqual([
      [3, 0],
      [0, 4],
    ]);
    expect(jb.toArray()).toEqual([
      [1, 0],
      [0, 2],
    ]);
  });

  it('hessian of a matrix-shaped argument has shape [...x, ...x]', () => {
    const h = hessian((w: Var) => w.square().sum())(
      f64([
        [1, 2],
        [3, 4],
      ]),
    );
    expect(h.shape).toEqual([2, 2, 2, 2]);
    expect((h.toArray() as number[][][][])[1][0][1][0]).toBe(2);
  });

  it('hvp equals the Hessian times v without forming it', () => {
    const p = f64([-1.5, 2]);
    const v = f64([0.3, -0.7]);
    const H = hessian(rosenbrock)(p).toArray() as number[][];
    const hv = hvp(rosenbrock)(p, v).toArray() as number[];
    expectAllClose(hv, [H[0][0] * 0.3 - H[0][1] * 0.7, H[1][0] * 0.3 - H[1][1] * 0.7]);
  });

  it('gradients() leaves .grad untouched and can create a graph', () => {
    const x = variable(f64(3));
    const [dx] = gradients(x.pow(3), [x], { createGraph: true });
    expect(x.grad).toBeNull();
    expect(dx.item()).toBe(27);
    const [d2x] = gradients(dx as Var, [x]);
    expect(d2x.item()).toBe(18);
  });
});

describe('hessian and hvp over several arguments (JAX argnums)', () => {
  const ref = higher.twoArg;
  const Amat = f64(ref.A);
  // f(x, y) = Σ erf(A x)·y + (Σ x²)(Σ y³)
  const f2 = (x: Var, y: Var) =>
    add(sum(mul(erf(matmul(Amat, x)), y)), mul(sum(square(x)), sum(pow(y, 3))));
  const x = f64(ref.x);
  const y = f64(ref.y);

  it('hessian with argnums [0, 1] gives the blocks [[H00, H01], [H10, H11]] of PyTorch', () => {
    const H = hessian(f2, { argnums: [0, 1] })(x, y);
    expect(H.length).toBe(2);
    expect(H[0][0].shape).toEqual([3, 3]);
    expect(H[0][1].shape).toEqual([3, 2]);
    expect(H[1][0].shape).toEqual([2, 3]);
    expect(H[1][1].shape).toEqual([2, 2]);
    for (let a = 0; a < 2; a++) {
      for (let b = 0; b < 2; b++) expectAllClose(H[a][b].toArray(), ref.hessian[a][b], 1e-13);
    }
  });

  it('a single argnum gives that diagonal block; [1, 0] reorders the blocks', () => {
    expectAllClose(hessian(f2, { argnums: 1 })(x, y).toArray(), ref.hessian[1][1], 1e-13);
    const R = hessian(f2, { argnums: [1, 0] })(x, y);
    expectAllClose(R[0][1].toArray(), ref.hessian[1][0], 1e-13);
    expectAllClose(R[1][1].toArray(), ref.hessian[0][0], 1e-13);
    const one = hessian(f2, { argnums: [0] })(x, y);
    expect(one.length).toBe(1);
    expectAllClose(one[0][0].toArray(), ref.hessian[0][0], 1e-13);
  });

  it('hvp with argnums [0, 1] is Σ_b H[a][b]·v[b], as torch.autograd.functional.hvp', () => {
    const [hx, hy] = hvp(f2, { argnums: [0, 1] })(x, y, [f64(ref.vx), f64(ref.vy)]);
    expectAllClose(hx.toArray(), ref.hvp[0], 1e-13);
    expectAllClose(hy.toArray(), ref.hvp[1], 1e-13);
    // One argnum: the diagonal block times v, shaped like that argument.
    const h1 = hvp(f2, { argnums: 1 })(x, y, f64(ref.vy)).toArray() as number[];
    const H11 = ref.hessian[1][1];
    expectAllClose(
      h1,
      H11.map((row) => row[0] * ref.vy[0] + row[1] * ref.vy[1]),
      1e-13,
    );
  });

  it('nests: grad of a Hessian entry equals a third derivative', () => {
    // ∂/∂x of H00(x) for f(x) = Σ x⁴ is diag(24x) along the last axis.
    const h = (v: Var) =>
      sum(hessian((u: Var) => sum(pow(u, 4)), { argnums: [0] })(v)[0][0] as unknown as Var);
    expectAllClose(grad(h)(f64([1, -2])).toArray(), [24, -48]);
  });

  it('a function linear in its arguments has zero Hessian blocks and hvp', () => {
    const lin = (a: Var, b: Var) => add(sum(a), mul(sum(b), 2));
    const H = hessian(lin, { argnums: [0, 1] })(f64([1, 2]), f64([3]));
    expect(H[0][1].toArray()).toEqual([[0], [0]]);
    const hv = hvp(lin, { argnums: [0, 1] })(f64([1, 2]), f64([3]), [f64([1, 1]), f64([1])]);
    expect(hv[0].toArray()).toEqual([0, 0]);
  });

  it('rejects a bad v with a message naming the fix', () => {
    const h = hvp(f2, { argnums: [0, 1] });
    expect(() => h(x, y, f64(ref.vx))).toThrow(/list of 2 tensor/);
    expect(() => h(x, y, [f64(ref.vx), f64([1, 2, 3])])).toThrow(ShapeError);
    expect(() => hvp(f2)(x)).toThrow(/followed by the vector v/);
    expect(() => hessian(f2, { argnums: [0, 2] })(x, y)).toThrow(RangeError);
  });
});
