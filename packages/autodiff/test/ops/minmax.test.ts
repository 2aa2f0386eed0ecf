import fc from 'fast-check';
import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { clamp, grad, maximum, minimum, variable } from '../../src/index';
import type { Var } from '../../src/index';
import { RUNS, broadcastPairArb, checkGrad, rnd, shapeArb } from '../helpers';
import golden from '../fixtures/golden.json';

const f64 = (x: number[]) => tensor(x, { dtype: 'float64' });

describe('maximum / minimum', () => {
  it('pass gradCheck on random broadcast shapes (ties have probability 0)', () => {
    fc.assert(
      fc.property(broadcastPairArb, fc.integer(), ([sa, sb], seed) => {
        const a = rnd(sa, seed);
        const b = rnd(sb, seed + 7);
        checkGrad((x: Var, y: Var) => maximum(x, y), [a, b]);
        checkGrad((x: Var, y: Var) => minimum(x, y), [a, b]);
      }),
      RUNS,
    );
  });

  it('split the gradient ½/½ on ties, as torch.maximum/minimum', () => {
    const { maximum: mx, minimum: mn } = golden.kinks;
    expect(grad((x: Var) => maximum(x, 1).sum())(f64(mx.x)).toArray()).toEqual(mx.grad);
    expect(grad((x: Var) => minimum(x, 1).sum())(f64(mn.x)).toArray()).toEqual(mn.grad);
    const a = variable(f64([1, 2]));
    const b = variable(f64([1, 3]));
    maximum(a, b).sum().backward();
    expect(a.grad!.toArray()).toEqual([0.5, 0]);
    expect(b.grad!.toArray()).toEqual([0.5, 1]);
  });
});

describe('clamp', () => {
  it('passes the gradient inside [lo, hi] with both bounds included (PyTorch)', () => {
    const { clamp: c } = golden.kinks;
    expect(grad((x: Var) => clamp(x, 0, 1).sum())(f64(c.x)).toArray()).toEqual(c.grad);
  });

  it('works with one bound and passes gradCheck', () => {
    fc.assert(
      fc.property(shapeArb, fc.integer(), (s, seed) => {
        checkGrad((x: Var) => clamp(x, -0.5), [rnd(s, seed)]);
        checkGrad((x: Var) => clamp(x, null, 0.5), [rnd(s, seed)]);
      }),
      RUNS,
    );
    expect(clamp(variable(f64([-2, 2])), -1, 1).toArray()).toEqual([-1, 1]);
  });

  it('rejects lo > hi', () => {
    expect(() => clamp(variable(f64([0])), 2, 1)).toThrow(RangeError);
  });
});
