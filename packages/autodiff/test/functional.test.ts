import { type Tensor, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import {
  type Var,
  add,
  div,
  gradients,
  grad,
  hessian,
  hvp,
  jacobian,
  log,
  matmul,
  mean,
  mul,
  sigmoid,
  sin,
  square,
  sub,
  tanh,
  valueAndGrad,
  variable,
} from '../src/index';
import golden from './fixtures/golden.json';
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
