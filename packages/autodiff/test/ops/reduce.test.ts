import fc from 'fast-check';
import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import * as A from '../../src/index';
import type { Var } from '../../src/index';
import { RUNS, checkGrad, expectAllClose, rnd } from '../helpers';
import golden from '../fixtures/golden.json';

/** A shape of rank 1–3 and a valid reduce option (axis undefined, one axis or two, keepDims). */
const reduceCase = fc
  .array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 })
  .chain((shape) =>
    fc.tuple(
      fc.constant(shape),
      fc.oneof(
        fc.constant(undefined),
        fc.integer({ min: -shape.length, max: shape.length - 1 }),
        fc.uniqueArray(fc.integer({ min: 0, max: shape.length - 1 }), {
          minLength: 1,
          maxLength: shape.length,
        }),
      ),
      fc.boolean(),
      fc.integer(),
    ),
  );

const ops: [string, (x: Var, o: { axis?: number | number[]; keepDims?: boolean }) => Var][] = [
  ['sum', (x, o) => A.sum(x, o)],
  ['mean', (x, o) => A.mean(x, o)],
  ['prod', (x, o) => A.prod(x, o)],
  ['max', (x, o) => A.max(x, o)],
  ['min', (x, o) => A.min(x, o)],
  ['logsumexp', (x, o) => A.logsumexp(x, o)],
  ['variance', (x, o) => A.variance(x, { ...o, correction: 0 })],
  ['std', (x, o) => A.std(x, { ...o, correction: 0 })],
  ['norm', (x, o) => A.norm(x, o)],
  ['norm ord 1', (x, o) => A.norm(x, { ...o, ord: 1 })],
  ['norm ord 3', (x, o) => A.norm(x, { ...o, ord: 3 })],
  ['norm ord ∞', (x, o) => A.norm(x, { ...o, ord: Number.POSITIVE_INFINITY })],
];

describe('reductions: gradCheck over random shapes, axes and keepDims', () => {
  for (const [name, op] of ops) {
    it(name, () => {
      fc.assert(
        fc.property(reduceCase, ([shape, axis, keepDims, seed]) => {
          // Spread values apart so that max/min/abs have no ties or kinks within eps.
          const x = rnd(shape, seed, 0.3, 2).mul(
            A.sign(rnd(shape, seed + 1))
              .add(0.5)
              .sign(),
          );
          const y = (v: Var) => op(v, { axis, keepDims });
          const out = y(A.variable(x));
          // std has no derivative where the spread is 0 (a group of one element): NaN, as PyTorch.
          if (name === 'std' && ([out.toArray()].flat(3) as number[]).some((v) => v === 0)) return;
          checkGrad(y, [x]);
        }),
        RUNS,
      );
    });
  }
});

describe('reduction rules against PyTorch', () => {
  const a = tensor(golden.vjp.a, { dtype: 'float64' });
  const half = (y: Var) => A.mul(y, 0.5).sum();
  const cases = [
    ['logsumexp1', (v: Var) => A.logsumexp(v, { axis: 1 })],
    ['var0', (v: Var) => A.variance(v, { axis: 0 })],
    ['std1', (v: Var) => A.std(v, { axis: 1, correction: 0 })],
    ['norm1', (v: Var) => A.norm(v, { axis: 1 })],
    ['prod1', (v: Var) => A.prod(v, { axis: 1 })],
  ] as const;
  for (const [key, f] of cases) {
    it(`${key}: value and gradient to 1e-12`, () => {
      const ref = golden.vjp[key];
      const x = A.variable(a);
      const y = f(x);
      expectAllClose(y.toArray(), ref.value);
      half(y).backward();
      expectAllClose(x.grad!.toArray(), ref.grad);
    });
  }

  it('max over an axis sends the gradient to the first winner (torch.max(dim))', () => {
    const { maxDim } = golden.kinks;
    const g = A.grad((v: Var) => A.max(v, { axis: 1 }).sum())(
      tensor(maxDim.x, { dtype: 'float64' }),
    );
    expect(g.toArray()).toEqual(maxDim.grad);
    expect(
      A.grad((v: Var) => A.min(v, { axis: 0 }))(tensor([2, 1, 1], { dtype: 'float64' })).toArray(),
    ).toEqual([0, 1, 0]);
  });

  it('prod gives the exact gradient when entries are zero', () => {
    expect(
      A.grad((v: Var) => A.prod(v))(tensor([2, 0, 4], { dtype: 'float64' })).toArray(),
    ).toEqual([0, 8, 0]);
    expect(
      A.grad((v: Var) => A.prod(v))(tensor([0, 0, 4], { dtype: 'float64' })).toArray(),
    ).toEqual([0, 0, 0]);
  });

  it('the 2-norm has gradient 0 at the origin, as PyTorch', () => {
    expect(
      A.grad((v: Var) => A.norm(v))(tensor(golden.kinks.norm.x, { dtype: 'float64' })).toArray(),
    ).toEqual(golden.kinks.norm.grad);
  });

  it('second derivatives through sum, mean and logsumexp', () => {
    fc.assert(
      fc.property(reduceCase, ([shape, axis, keepDims, seed]) => {
        const x = rnd(shape, seed);
        for (const op of [A.mean, A.logsumexp]) {
          checkGrad(
            A.grad((v: Var) => op(A.mul(v, v), { axis, keepDims }).sum()),
            [x],
          );
        }
      }),
      { numRuns: 15 },
    );
  });
});
