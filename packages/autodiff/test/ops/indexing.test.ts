import fc from 'fast-check';
import { tensor, zeros } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import * as A from '../../src/index';
import type { Var } from '../../src/index';
import { RUNS, checkGrad, rnd } from '../helpers';

const i32 = (x: number[] | number[][]) => tensor(x, { dtype: 'int32' });

describe('slice', () => {
  it('passes gradCheck for numbers, nulls, ranges, steps and negatives', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer(),
        (r, c, seed) => {
          const x = rnd([r, c], seed);
          const specs: A.Var extends never ? never : Parameters<typeof A.slice>[1][] = [
            [1],
            [null, -1],
            [[1, null]],
            [
              [null, null, 2],
              [0, -1],
            ],
            [
              [-1, null, -1],
              [null, null, -2],
            ],
          ];
          for (const spec of specs) checkGrad((v: Var) => A.slice(v, spec).mul(2), [x]);
        },
      ),
      RUNS,
    );
  });

  it('scatters the gradient back into zeros', () => {
    const g = A.grad((v: Var) =>
      v
        .slice([
          [0, 1],
          [1, 3],
        ])
        .sum(),
    )(rnd([2, 3], 1));
    expect(g.toArray()).toEqual([
      [0, 1, 1],
      [0, 0, 0],
    ]);
  });
});

describe('take, indexSelect, gather, scatterAdd', () => {
  it('take accumulates repeated indices, flat and along an axis', () => {
    const x = rnd([3, 2], 2);
    expect(A.grad((v: Var) => A.take(v, [0, 0, -1]).sum())(x).toArray()).toEqual([
      [2, 0],
      [0, 0],
      [0, 1],
    ]);
    expect(A.grad((v: Var) => A.take(v, [2, 2], 0).sum())(x).toArray()).toEqual([
      [0, 0],
      [0, 0],
      [2, 2],
    ]);
    checkGrad(
      (v: Var) =>
        A.take(
          v,
          i32([
            [1, 0],
            [1, 1],
          ]),
          1,
        ).mul(3),
      [x],
    );
    checkGrad((v: Var) => v.take(1, 0), [x]);
  });

  it('indexSelect', () => {
    const x = rnd([3, 2], 3);
    checkGrad((v: Var) => A.indexSelect(v, 0, [2, 0, 2]), [x]);
    expect(A.grad((v: Var) => v.indexSelect(1, [1, 1]).sum())(x).toArray()).toEqual([
      [0, 2],
      [0, 2],
      [0, 2],
    ]);
  });

  it('gather sends gradients to the gathered positions (torch.gather)', () => {
    const x = rnd([2, 3], 4);
    const idx = i32([
      [0, 2, 2],
      [1, 1, 0],
    ]);
    checkGrad((v: Var) => A.gather(v, 1, idx), [x]);
    checkGrad((v: Var) => v.gather(0, i32([[1, 0, 1]])), [x]);
    expect(A.grad((v: Var) => A.gather(v, 1, idx).sum())(x).toArray()).toEqual([
      [1, 0, 2],
      [1, 2, 0],
    ]);
  });

  it('scatterAdd differentiates with respect to both x and src (second order too)', () => {
    const idx = i32([
      [0, 1],
      [2, 0],
    ]);
    checkGrad(
      (x: Var, s: Var) => A.scatterAdd(x, 0, idx, s).mul(rnd([3, 2], 9)),
      [rnd([3, 2], 5), rnd([2, 2], 6)],
    );
    // index smaller than src: the uncovered part of src gets no gradient.
    checkGrad(
      (x: Var, s: Var) => x.scatterAdd(1, i32([[1], [0], [1]]), s),
      [rnd([3, 2], 7), rnd([3, 3], 8)],
    );
    const s = A.variable(rnd([3, 3], 8));
    A.scatterAdd(zeros([3, 2], { dtype: 'float64' }), 1, i32([[1], [0], [1]]), s)
      .sum()
      .backward();
    expect(s.grad!.toArray()).toEqual([
      [1, 0, 0],
      [1, 0, 0],
      [1, 0, 0],
    ]);
  });
});

describe('where', () => {
  it('routes the gradient by the condition with broadcasting', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const c = A.greater(rnd([2, 3], seed), 0);
        checkGrad(
          (a: Var, b: Var) => A.where(c, a, b),
          [rnd([2, 3], seed + 1), rnd([3], seed + 2)],
        );
        checkGrad((a: Var) => A.where(c, a, 0), [rnd([2, 1], seed + 3)]);
      }),
      RUNS,
    );
  });

  it('accepts a bool Var as condition and returns a Var', () => {
    const x = A.variable(tensor([-1, 2], { dtype: 'float64' }));
    const leaky = A.where(x.greater(0), x, x.mul(0.1));
    expect(leaky.toArray()).toEqual([-0.1, 2]);
    leaky.sum().backward();
    expect(x.grad!.toArray()).toEqual([0.1, 1]);
    expect(x.where(tensor([true, false]), 5).toArray()).toEqual([-1, 5]);
  });
});
