import fc from 'fast-check';
import { ShapeError } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { Var, dot, grad, matmul, variable } from '../../src/index';
import { RUNS, checkGrad, rnd } from '../helpers';

const dim = fc.integer({ min: 1, max: 3 });

describe('matmul', () => {
  it('2-D × 2-D with every transpose option passes gradCheck', () => {
    fc.assert(
      fc.property(
        dim,
        dim,
        dim,
        fc.boolean(),
        fc.boolean(),
        fc.integer(),
        (m, k, n, ta, tb, seed) => {
          const a = rnd(ta ? [k, m] : [m, k], seed);
          const b = rnd(tb ? [n, k] : [k, n], seed + 1);
          checkGrad((x: Var, y: Var) => matmul(x, y, { transposeA: ta, transposeB: tb }), [a, b]);
        },
      ),
      RUNS,
    );
  });

  it('1-D operands and broadcast batch axes pass gradCheck', () => {
    fc.assert(
      fc.property(dim, dim, dim, dim, fc.integer(), (bt, m, k, n, seed) => {
        checkGrad((x: Var, y: Var) => matmul(x, y), [rnd([k], seed), rnd([k], seed + 1)]);
        checkGrad((x: Var, y: Var) => matmul(x, y), [rnd([k], seed), rnd([bt, k, n], seed + 1)]);
        checkGrad((x: Var, y: Var) => matmul(x, y), [rnd([bt, m, k], seed), rnd([k], seed + 1)]);
        checkGrad(
          (x: Var, y: Var) => matmul(x, y),
          [rnd([bt, 1, m, k], seed), rnd([2, k, n], seed + 1)],
        );
        checkGrad(
          (x: Var, y: Var) => matmul(x, y, { transposeB: true }),
          [rnd([bt, m, k], seed), rnd([n, k], seed + 1)],
        );
      }),
      RUNS,
    );
  });

  it('second derivatives (the rule is written with matmul itself)', () => {
    const a = rnd([2, 3], 1);
    const b = rnd([3, 2], 2);
    checkGrad(
      (x: Var, y: Var) => grad((u: Var, w: Var) => matmul(u, w).square().sum())(x, y),
      [a, b],
    );
  });

  it('mixes a Tensor batch with a Var weight', () => {
    const w = variable(rnd([3, 2], 3));
    const y = matmul(rnd([4, 3], 4), w);
    expect(y).toBeInstanceOf(Var);
    expect(y.shape).toEqual([4, 2]);
    y.sum().backward();
    expect(w.grad!.shape).toEqual([3, 2]);
  });

  it('dot and shape errors', () => {
    expect(dot(variable(rnd([3], 1)), rnd([3], 2)).shape).toEqual([]);
    expect(() => dot(variable(rnd([3, 1], 1)), rnd([3], 2))).toThrow(ShapeError);
    expect(() => matmul(variable(rnd([3, 4], 1)), rnd([5, 2], 2))).toThrow(/inner dimensions/);
  });
});
