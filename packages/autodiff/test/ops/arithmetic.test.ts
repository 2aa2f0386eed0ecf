import fc from 'fast-check';
import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { add, div, grad, log, mul, neg, pow, square, sub, variable } from '../../src/index';
import type { Var } from '../../src/index';
import { RUNS, broadcastPairArb, checkGrad, rnd, shapeArb } from '../helpers';

const binary = [
  ['add', add, -2, 2],
  ['sub', sub, -2, 2],
  ['mul', mul, -2, 2],
] as const;

describe('binary arithmetic: gradCheck on random broadcast shapes', () => {
  for (const [name, op, lo, hi] of binary) {
    it(`${name}`, () => {
      fc.assert(
        fc.property(broadcastPairArb, fc.integer(), ([sa, sb], seed) => {
          checkGrad(
            (a: Var, b: Var) => op(a, b),
            [rnd(sa, seed, lo, hi), rnd(sb, seed + 1, lo, hi)],
          );
        }),
        RUNS,
      );
    });
  }

  it('div (denominators kept away from 0)', () => {
    fc.assert(
      fc.property(broadcastPairArb, fc.integer(), ([sa, sb], seed) => {
        checkGrad((a: Var, b: Var) => div(a, b), [rnd(sa, seed), rnd(sb, seed + 1, 0.5, 2)]);
      }),
      RUNS,
    );
  });

  it('pow with a tensor exponent (positive base)', () => {
    fc.assert(
      fc.property(broadcastPairArb, fc.integer(), ([sa, sb], seed) => {
        checkGrad((a: Var, b: Var) => pow(a, b), [rnd(sa, seed, 0.5, 2), rnd(sb, seed + 1, -2, 2)]);
      }),
      RUNS,
    );
  });

  it('second derivatives: the backward rules are differentiable (mul, div, pow)', () => {
    const ops = [mul, div, pow, sub] as const;
    fc.assert(
      fc.property(broadcastPairArb, fc.integer(), ([sa, sb], seed) => {
        const a = rnd(sa, seed, 0.5, 2);
        const b = rnd(sb, seed + 1, 0.5, 2);
        for (const op of ops) {
          for (const k of [0, 1]) {
            checkGrad(
              (x: Var, y: Var) => grad((u: Var, w: Var) => op(u, w).sum(), { argnums: k })(x, y),
              [a, b],
            );
          }
        }
      }),
      { numRuns: 15 },
    );
  });

  it('with a plain number on either side', () => {
    fc.assert(
      fc.property(shapeArb, fc.integer(), (s, seed) => {
        const x = rnd(s, seed, 0.5, 2);
        checkGrad(
          (a: Var) => sub(3, mul(a, 2)).add(div(1.5, a)).add(pow(a, 3)).add(pow(2, a)),
          [x],
        );
      }),
      RUNS,
    );
  });
});

describe('unary arithmetic', () => {
  it('neg, square and log pass gradCheck', () => {
    fc.assert(
      fc.property(shapeArb, fc.integer(), (s, seed) => {
        const x = rnd(s, seed, 0.5, 3);
        checkGrad((a: Var) => neg(a), [x]);
        checkGrad((a: Var) => square(a), [x]);
        checkGrad((a: Var) => log(a), [x]);
      }),
      RUNS,
    );
  });

  it('d/dx x^3 = 3x^2 and d²/dx² = 6x exactly', () => {
    const x = tensor(1.7, { dtype: 'float64' });
    expect(grad((v: Var) => pow(v, 3))(x).item()).toBeCloseTo(3 * 1.7 ** 2, 13);
    expect(grad(grad((v: Var) => pow(v, 3)))(x).item()).toBeCloseTo(6 * 1.7, 13);
  });

  it('the exponent gradient of 0^b is 0 for b ≥ 0, not NaN (PyTorch)', () => {
    const b = variable(tensor([1.5, 1.5], { dtype: 'float64' }));
    pow(tensor([0, 2], { dtype: 'float64' }), b)
      .sum()
      .backward();
    expect(b.grad!.data[0]).toBe(0);
    expect(b.grad!.data[1]).toBeCloseTo(2 ** 1.5 * Math.log(2), 14);
  });

  it('the base gradient of a⁰ is 0 even at a = 0, and stays finite to second order (PyTorch)', () => {
    const f64 = { dtype: 'float64' } as const;
    const x = variable(tensor([0, 2], f64));
    pow(x, 0).sum().backward();
    expect(x.grad!.toArray()).toEqual([0, 0]);
    // A tensor exponent holding 0 gets the same mask entry by entry.
    const a = variable(tensor([0, 2], f64));
    const e = variable(tensor([0, 2], f64));
    pow(a, e).sum().backward();
    expect(a.grad!.toArray()).toEqual([0, 4]);
    expect(e.grad!.data[0]).toBe(0);
    expect(e.grad!.data[1]).toBeCloseTo(4 * Math.log(2), 14);
    // d²/dx² x¹ = 0 and d²/dx² x² = 2 at x = 0: the rule's own a^(b−1) must not produce 0·∞.
    expect(grad(grad((v: Var) => pow(v, 1)))(tensor(0, f64)).item()).toBe(0);
    expect(grad(grad((v: Var) => pow(v, 2)))(tensor(0, f64)).item()).toBe(2);
    expect(grad(grad(grad((v: Var) => pow(v, 2))))(tensor(0, f64)).item()).toBe(0);
  });

  it('the exponent gradient of a number base raised to a float64 Var keeps float64 precision', () => {
    const f64 = { dtype: 'float64' } as const;
    // ∂(2ˣ)/∂x = 2ˣ·ln 2: ln 2 must not pass through float32 (0.69314718246…).
    expect(grad((x: Var) => pow(2, x))(tensor(0, f64)).item()).toBeCloseTo(Math.LN2, 15);
    expect(grad((x: Var) => pow(3, x))(tensor(2, f64)).item()).toBeCloseTo(9 * Math.log(3), 13);
  });

  it('sums the gradient over broadcast axes back to each input shape', () => {
    const a = variable(
      tensor(
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        { dtype: 'float64' },
      ),
    );
    const b = variable(tensor([10, 20, 30], { dtype: 'float64' }));
    mul(a, b).sum().backward();
    expect(b.grad!.shape).toEqual([3]);
    expect(b.grad!.toArray()).toEqual([5, 7, 9]);
    expect(a.grad!.toArray()).toEqual([
      [10, 20, 30],
      [10, 20, 30],
    ]);
  });
});
