import fc from 'fast-check';
import { Generator, ShapeError, Tensor, uniform } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { type Var, add, grad, linear, matmul, noGrad, variable } from '../../src/index';
import { RUNS, checkGrad, rnd } from '../helpers';

const dim = fc.integer({ min: 1, max: 4 });

/** float32 values in [−2, 2), reproducible from `seed`. */
function rnd32(shape: readonly number[], seed: number): Tensor {
  return uniform(-2, 2, shape, { dtype: 'float32', generator: new Generator(seed) });
}

function sameBits(a: Tensor, b: Tensor): void {
  expect(a.shape).toEqual(b.shape);
  expect(a.dtype).toBe(b.dtype);
  for (let i = 0; i < a.size; i++) expect(Object.is(a.data[i], b.data[i]), `entry ${i}`).toBe(true);
}

describe('linear', () => {
  it('x·Wᵀ + b for a batch, one example, and without bias passes gradCheck', () => {
    fc.assert(
      fc.property(dim, dim, dim, fc.integer(), (n, k, m, seed) => {
        const f = (x: Var, w: Var, b: Var) => linear(x, w, b).square().sum();
        checkGrad(f, [rnd([n, k], seed), rnd([m, k], seed + 1), rnd([m], seed + 2)]);
        checkGrad(f, [rnd([k], seed), rnd([m, k], seed + 1), rnd([m], seed + 2)]);
        checkGrad(
          (x: Var, w: Var) => linear(x, w).square().sum(),
          [rnd([n, k], seed), rnd([m, k], seed + 1)],
        );
      }),
      RUNS,
    );
  });

  it('equals add(matmul(x, W, { transposeB: true }), b) to the bit, values and gradients (float32, property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        fc.integer(),
        (n, k, m, single, seed) => {
          const x = rnd32(single ? [k] : [n, k], seed);
          const w0 = rnd32([m, k], seed + 1);
          const b0 = rnd32([m], seed + 2);
          const gOut = rnd32(single ? [m] : [n, m], seed + 3);
          const run = (fused: boolean) => {
            const xv = variable(x);
            const w = variable(w0);
            const b = variable(b0);
            const y = fused ? linear(xv, w, b) : add(matmul(xv, w, { transposeB: true }), b);
            y.backward(gOut);
            return [y.value, xv.grad as Tensor, w.grad as Tensor, b.grad as Tensor];
          };
          const got = run(true);
          const want = run(false);
          for (let i = 0; i < got.length; i++) sameBits(got[i], want[i]);
        },
      ),
      RUNS,
    );
  });

  it('second derivatives (the rule is written with matmul and sum)', () => {
    checkGrad(
      (x: Var, w: Var, b: Var) =>
        grad((u: Var, v: Var, c: Var) => linear(u, v, c).tanh().sum(), { argnums: 1 })(x, w, b),
      [rnd([3, 2], 1), rnd([2, 2], 2), rnd([2], 3)],
    );
  });

  it('batch axes ([B, N, in]) take the composed path and pass gradCheck', () => {
    checkGrad(
      (x: Var, w: Var, b: Var) => linear(x, w, b).square().sum(),
      [rnd([2, 3, 4], 4), rnd([5, 4], 5), rnd([5], 6)],
    );
  });

  it('Tensors in give a Tensor; noGrad gives a Var that records nothing', () => {
    const x = rnd([2, 3], 7);
    const w = rnd([4, 3], 8);
    const b = rnd([4], 9);
    const t = linear(x, w, b);
    expect(t).toBeInstanceOf(Tensor);
    sameBits(t as Tensor, x.matmul(w, { transposeB: true }).add(b));
    const v = noGrad(() => linear(x, variable(w), b));
    expect(v.requiresGrad).toBe(false);
    sameBits(v.value, t as Tensor);
  });

  it('a frozen weight or bias gets no gradient; the others still do', () => {
    const x = variable(rnd([2, 3], 10));
    const w = variable(rnd([4, 3], 11), { requiresGrad: false });
    const b = variable(rnd([4], 12));
    linear(x, w, b).sum().backward();
    expect(w.grad).toBeNull();
    expect(b.grad?.toArray()).toEqual([2, 2, 2, 2]);
    expect(x.grad?.shape).toEqual([2, 3]);
  });

  it('a bias that does not match the outputs is a ShapeError naming linear', () => {
    expect(() => linear(rnd([2, 3], 1), variable(rnd([4, 3], 2)), rnd([3], 3))).toThrow(ShapeError);
    expect(() => linear(rnd([2, 3], 1), variable(rnd([4, 3], 2)), rnd([3], 3))).toThrow(
      /linear: bias of shape \[3\] does not match the 4 outputs/,
    );
  });
});
