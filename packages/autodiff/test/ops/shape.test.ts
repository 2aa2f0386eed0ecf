import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as A from '../../src/index';
import type { Var } from '../../src/index';
import { RUNS, checkGrad, rnd, shapeArb } from '../helpers';

const permArb = fc
  .array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 })
  .chain((shape) =>
    fc.tuple(
      fc.constant(shape),
      fc.shuffledSubarray([...shape.keys()], { minLength: shape.length, maxLength: shape.length }),
      fc.integer(),
    ),
  );

describe('shape ops: gradCheck', () => {
  it('reshape, flatten, squeeze, unsqueeze', () => {
    fc.assert(
      fc.property(shapeArb, fc.integer(), (s, seed) => {
        const x = rnd(s, seed);
        // A weighting makes each output position distinct, so a misplaced gradient is caught.
        const w = (v: Var) => v.mul(A.reshape(rnd([v.size], 99), v.shape));
        checkGrad((v: Var) => w(A.reshape(v, [-1])), [x]);
        checkGrad((v: Var) => w(A.flatten(v)), [x]);
        checkGrad((v: Var) => w(A.unsqueeze(v, 0)), [x]);
        checkGrad((v: Var) => w(A.squeeze(A.unsqueeze(v, -1))), [x]);
        checkGrad((v: Var) => w(A.expandDims(v, 0)), [x]);
      }),
      RUNS,
    );
  });

  it('transpose and permute with random permutations', () => {
    fc.assert(
      fc.property(permArb, ([shape, perm, seed]) => {
        const x = rnd(shape, seed);
        const w = (v: Var) => v.mul(A.reshape(rnd([v.size], 98), v.shape));
        checkGrad((v: Var) => w(A.transpose(v, perm)), [x]);
        checkGrad((v: Var) => w(A.transpose(v)), [x]);
        checkGrad((v: Var) => w(A.permute(v, perm)), [x]);
        if (shape.length >= 2) checkGrad((v: Var) => w(A.swapAxes(v, 0, -1)), [x]);
      }),
      RUNS,
    );
  });

  it('broadcastTo sums the gradient over repeated axes', () => {
    const x = rnd([3, 1], 1);
    checkGrad((v: Var) => A.broadcastTo(v, [2, 3, 4]).mul(rnd([2, 3, 4], 2)), [x]);
    expect(A.grad((v: Var) => A.broadcastTo(v, [3, 2]).sum())(rnd([2], 3)).toArray()).toEqual([
      3, 3,
    ]);
  });

  it('Var methods match the functions', () => {
    const v = A.variable(rnd([2, 3], 4));
    expect(v.reshape([3, 2]).shape).toEqual([3, 2]);
    expect(v.transpose().shape).toEqual([3, 2]);
    expect(v.permute([1, 0]).toArray()).toEqual(v.transpose().toArray());
    expect(v.unsqueeze(1).shape).toEqual([2, 1, 3]);
    expect(v.expandDims(0).squeeze(0).shape).toEqual([2, 3]);
    expect(v.flatten().shape).toEqual([6]);
    expect(v.broadcastTo([4, 2, 3]).shape).toEqual([4, 2, 3]);
  });
});
