import fc from 'fast-check';
import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import * as A from '../../src/index';
import type { Var } from '../../src/index';
import golden from '../fixtures/golden.json';
import { RUNS, checkGrad, expectAllClose, rnd } from '../helpers';

const caseArb = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 })
  .chain((s) =>
    fc.tuple(fc.constant(s), fc.integer({ min: -s.length, max: s.length - 1 }), fc.integer()),
  );

describe('softmax and logSoftmax', () => {
  it('pass gradCheck on random shapes and axes (first and second order)', () => {
    fc.assert(
      fc.property(caseArb, ([shape, axis, seed]) => {
        const x = rnd(shape, seed, -3, 3);
        const w = rnd(shape, seed + 1);
        checkGrad((v: Var) => A.softmax(v, axis).mul(w), [x]);
        checkGrad((v: Var) => A.logSoftmax(v, axis).mul(w), [x]);
        checkGrad(
          A.grad((v: Var) => A.softmax(v, axis).mul(w).sum()),
          [x],
        );
      }),
      RUNS,
    );
  });

  it('match PyTorch vector-Jacobian products to 1e-12', () => {
    const a = tensor(golden.vjp.a, { dtype: 'float64' });
    const g = tensor(golden.vjp.gOut, { dtype: 'float64' });
    const cases = [
      ['softmax1', (v: Var) => A.softmax(v, 1)],
      ['softmax0', (v: Var) => A.softmax(v, 0)],
      ['logSoftmax1', (v: Var) => A.logSoftmax(v, -1)],
    ] as const;
    for (const [key, f] of cases) {
      const x = A.variable(a);
      f(x).backward(g);
      expectAllClose(x.grad!.toArray(), golden.vjp[key]);
    }
  });

  it('default to the last axis', () => {
    const x = A.variable(tensor([[1, 2, 3]], { dtype: 'float64' }));
    expectAllClose(x.softmax().sum({ axis: -1 }).toArray(), [1]);
    expect(x.logSoftmax().shape).toEqual([1, 3]);
  });
});
