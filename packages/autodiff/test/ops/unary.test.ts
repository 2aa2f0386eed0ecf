import fc from 'fast-check';
import { type Tensor, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import * as A from '../../src/index';
import type { Var } from '../../src/index';
import { RUNS, checkGrad, expectAllClose, rnd, shapeArb } from '../helpers';
import golden from '../fixtures/golden.json';
import higher from '../fixtures/higher.json';

const smooth: [string, (x: Var) => Var, number, number][] = [
  ['exp', A.exp, -2, 2],
  ['log1p', A.log1p, -0.5, 2],
  ['expm1', A.expm1, -2, 2],
  ['sqrt', A.sqrt, 0.2, 3],
  ['rsqrt', A.rsqrt, 0.2, 3],
  ['reciprocal', A.reciprocal, 0.3, 3],
  ['sin', A.sin, -3, 3],
  ['cos', A.cos, -3, 3],
  ['tan', A.tan, -1.2, 1.2],
  ['tanh', A.tanh, -3, 3],
  ['sigmoid', A.sigmoid, -5, 5],
  ['erf', A.erf, -3, 3],
  ['erfc', A.erfc, -3, 3],
];

describe('smooth unary ops: gradCheck and second derivatives', () => {
  for (const [name, op, lo, hi] of smooth) {
    it(name, () => {
      fc.assert(
        fc.property(shapeArb, fc.integer(), (s, seed) => {
          const x = rnd(s, seed, lo, hi);
          checkGrad(op, [x]);
          // The backward rule is itself differentiable: check the gradient of the gradient.
          checkGrad(
            A.grad((v: Var) => op(v).sum()),
            [x],
          );
        }),
        RUNS,
      );
    });
  }
});

describe('piecewise ops', () => {
  it('relu, abs: gradCheck away from the kink', () => {
    fc.assert(
      fc.property(shapeArb, fc.integer(), (s, seed) => {
        const x = A.where(
          A.greater(rnd(s, seed), 0),
          rnd(s, seed + 1, 0.1, 2),
          rnd(s, seed + 2, -2, -0.1),
        );
        checkGrad(A.relu, [x]);
        checkGrad(A.abs, [x]);
      }),
      RUNS,
    );
  });

  it("relu'(0) = 0 and |x|'(0) = 0, as PyTorch", () => {
    const { relu, abs } = golden.kinks;
    expect(
      A.grad((x: Var) => A.relu(x).sum())(tensor(relu.x, { dtype: 'float64' })).toArray(),
    ).toEqual(relu.grad);
    expect(
      A.grad((x: Var) => A.abs(x).sum())(tensor(abs.x, { dtype: 'float64' })).toArray(),
    ).toEqual(abs.grad);
  });

  it('sign, floor, ceil and round have zero gradient', () => {
    const x = tensor([-1.5, 0.2, 2.5], { dtype: 'float64' });
    for (const op of [A.sign, A.floor, A.ceil, A.round]) {
      expect(A.grad((v: Var) => op(v).sum())(x).toArray()).toEqual([0, 0, 0]);
    }
    expect(A.round(A.variable(x)).toArray()).toEqual([-2, 0, 2]);
  });

  it("tanh'(4) ≈ 0.0013, the lecture's vanishing gradient", () => {
    const g = A.grad(A.tanh)(tensor(4, { dtype: 'float64' })).item();
    expect(g.toFixed(4)).toBe('0.0013');
    const ref = golden.scalar.find((c) => c.name === 'tanh')!.points.find((p) => p.x === 4)!;
    expectAllClose(g, ref.grad);
  });

  it('returns Tensors for Tensor input', () => {
    expect(A.exp(tensor([0]))).not.toBeInstanceOf(A.Var);
    expect(A.exp(0).item()).toBe(1);
  });
});

describe('erf / erfc', () => {
  /** The n-th derivative of Σ op(x), element-wise, by nesting grad n times. */
  function nth(op: (x: Var) => Var, n: number): (x: Tensor) => Tensor {
    let f = (v: Var): Var => op(v).sum();
    for (let k = 1; k < n; k++) {
      const inner = A.grad(f) as unknown as (v: Var) => Var;
      f = (v: Var) => inner(v).sum();
    }
    return A.grad(f);
  }

  const errorFns = { erf: A.erf, erfc: A.erfc } as const;
  for (const name of ['erf', 'erfc'] as const) {
    const op = errorFns[name];
    it(`${name}: value and first three derivatives match PyTorch`, () => {
      const ref = higher[name];
      const x = tensor(ref.x, { dtype: 'float64' });
      expectAllClose(op(A.variable(x)).toArray(), ref.value, 1e-15);
      expectAllClose(nth(op, 1)(x).toArray(), ref.d1, 1e-14);
      expectAllClose(nth(op, 2)(x).toArray(), ref.d2, 1e-14);
      expectAllClose(nth(op, 3)(x).toArray(), ref.d3, 1e-14);
    });
  }

  it("erf' = 2/√π·e^{−x²} and erf'' = −2x·erf', in closed form", () => {
    const x = tensor([-1.2, 0, 0.7], { dtype: 'float64' });
    const d1 = nth(A.erf, 1)(x).toArray() as number[];
    const d2 = nth(A.erf, 2)(x).toArray() as number[];
    [-1.2, 0, 0.7].forEach((v, i) => {
      const g = (2 / Math.sqrt(Math.PI)) * Math.exp(-v * v);
      expect(d1[i]).toBeCloseTo(g, 15);
      expect(d2[i]).toBeCloseTo(-2 * v * g, 15);
    });
  });

  it('method forms, float32, and Tensors in give Tensors out', () => {
    const v = A.variable(tensor([0.5, -0.5]));
    expect(v.erf().dtype).toBe('float32');
    expect(v.erf().toArray()).toEqual(A.erf(v).toArray());
    expect(v.erfc().toArray()).toEqual(A.erfc(v).toArray());
    expect(A.erf(tensor([1]))).not.toBeInstanceOf(A.Var);
    const s = v.erfc().sum();
    s.backward();
    expectAllClose(
      v.grad!.toArray(),
      [0.5, -0.5].map((x) => (-2 / Math.sqrt(Math.PI)) * Math.exp(-x * x)),
      1e-6,
    );
  });
});
