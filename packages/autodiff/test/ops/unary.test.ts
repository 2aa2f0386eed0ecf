import fc from 'fast-check';
import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import * as A from '../../src/index';
import type { Var } from '../../src/index';
import { RUNS, checkGrad, expectAllClose, rnd, shapeArb } from '../helpers';
import golden from '../fixtures/golden.json';

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
