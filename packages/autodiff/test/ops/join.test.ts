import fc from 'fast-check';
import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import * as A from '../../src/index';
import type { Var } from '../../src/index';
import { RUNS, checkGrad, rnd } from '../helpers';

describe('concat, stack, split, tile', () => {
  it('concat along any axis passes gradCheck', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer(),
        (axis, k, seed) => {
          const a = rnd(axis === 0 ? [k, 2] : [2, k], seed);
          const b = rnd([2, 2], seed + 1);
          const w = rnd(axis === 0 ? [k + 2, 2] : [2, k + 2], seed + 2);
          checkGrad((x: Var, y: Var) => A.concat([x, y], axis).mul(w), [a, b]);
          checkGrad((x: Var, y: Var) => A.concat([y, x, y], axis - 2).sum({ axis: 0 }), [a, b]);
        },
      ),
      RUNS,
    );
  });

  it('stack along any axis passes gradCheck', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 2 }), fc.integer(), (axis, seed) => {
        const w = rnd(A.stack([rnd([2, 3], 0), rnd([2, 3], 1)], axis).shape, seed);
        checkGrad(
          (x: Var, y: Var) => A.stack([x, y], axis).mul(w),
          [rnd([2, 3], seed + 1), rnd([2, 3], seed + 2)],
        );
      }),
      RUNS,
    );
  });

  it('mixes Tensors and Vars; only Vars get gradients', () => {
    const v = A.variable(tensor([1, 2], { dtype: 'float64' }));
    const c = A.concat([tensor([0], { dtype: 'float64' }), v]) as A.Var;
    expect(c).toBeInstanceOf(A.Var);
    c.mul(tensor([5, 6, 7], { dtype: 'float64' }))
      .sum()
      .backward();
    expect(v.grad!.toArray()).toEqual([6, 7]);
    expect(A.concat([tensor([1]), tensor([2])])).not.toBeInstanceOf(A.Var);
  });

  it('split returns differentiable pieces', () => {
    const x = rnd([5, 2], 3);
    checkGrad((v: Var) => A.split(v, 2)[2].mul(3), [x]);
    checkGrad((v: Var) => v.split([1, 4])[1].sum({ axis: 0 }), [x]);
    expect(A.split(A.variable(x), 2, 0).map((p) => p.shape)).toEqual([
      [2, 2],
      [2, 2],
      [1, 2],
    ]);
    expect(A.split(A.variable(x), [1, 1], 1).map((p) => p.shape)).toEqual([
      [5, 1],
      [5, 1],
    ]);
  });

  it('tile sums the copies in backward', () => {
    checkGrad((v: Var) => A.tile(v, [2, 3]).mul(rnd([2, 6], 7)), [rnd([2], 4)]);
    checkGrad((v: Var) => v.tile(2).mul(rnd([2, 6], 8)), [rnd([2, 3], 5)]);
    expect(
      A.grad((v: Var) => A.tile(v, [3]).sum())(tensor([1, 2], { dtype: 'float64' })).toArray(),
    ).toEqual([3, 3]);
  });
});
