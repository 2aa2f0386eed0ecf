import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Tensor, tensor } from '@gd/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as A from '../../src';
import type { Var } from '../../src';
import { RUNS, broadcastPairArb, checkGrad, expectAllClose, rnd, shapeArb } from '../helpers';

// Goldens from PyTorch 1.13 (float64): test/fixtures/gen_table_ops.py.
const golden = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'table-ops.json'), 'utf8'),
);
const f64 = (x: unknown) => tensor(x as number[], { dtype: 'float64' });
const BINARY = { atan2: A.atan2, hypot: A.hypot, logaddexp: A.logaddexp };
const SCANS = { cumsum: A.cumsum, cumprod: A.cumprod };
const EXTREMES = { max: A.max, min: A.min, amax: A.amax, amin: A.amin };

describe('ops added through the op table, against PyTorch', () => {
  it('softplus: values and gradient (β = 1, threshold 20)', () => {
    const { x, value, grad } = golden.softplus;
    expectAllClose(A.softplus(f64(x)).toArray(), value);
    expectAllClose(A.grad((v: Var) => A.softplus(v).sum())(f64(x)).toArray(), grad);
    expectAllClose(f64(x).softplus().toArray(), value);
  });

  for (const name of ['atan2', 'hypot', 'logaddexp', 'atan2_broadcast'] as const) {
    it(`${name}: values and both gradients`, () => {
      const g = golden[name];
      const op = BINARY[name.replace('_broadcast', '') as keyof typeof BINARY];
      expectAllClose(op(f64(g.a), f64(g.b)).toArray(), g.value);
      const [ga, gb] = A.grad((a: Var, b: Var) => op(a, b).sum(), { argnums: [0, 1] })(
        f64(g.a),
        f64(g.b),
      ) as Tensor[];
      expectAllClose(ga.toArray(), g.grad_a);
      expectAllClose(gb.toArray(), g.grad_b);
    });
  }

  for (const name of ['cumsum', 'cumprod'] as const) {
    it(`${name}: values and gradient along every axis (zeros included)`, () => {
      for (const c of golden[name]) {
        const w = f64(Array.from({ length: 12 }, (_, i) => i + 1)).reshape([2, 2, 3]);
        expectAllClose(SCANS[name](f64(c.x), c.axis).toArray(), c.value);
        const g = A.grad((v: Var) => SCANS[name](v, c.axis).mul(w).sum())(f64(c.x));
        expectAllClose(g.toArray(), c.grad);
      }
    });
  }
});

describe('ops added through the op table: gradCheck (float64, random shapes)', () => {
  it('softplus, on both sides of the threshold', () => {
    fc.assert(
      fc.property(shapeArb, fc.integer(), (s, seed) => {
        checkGrad((x) => A.softplus(x), [rnd(s, seed, -25, 25)]);
      }),
      RUNS,
    );
  });

  it('atan2, hypot, logaddexp with broadcasting', () => {
    fc.assert(
      fc.property(broadcastPairArb, fc.integer(), ([sa, sb], seed) => {
        const a = rnd(sa, seed, 0.5, 2);
        const b = rnd(sb, seed + 1, -2, -0.5);
        for (const op of [A.atan2, A.hypot, A.logaddexp]) checkGrad((x, y) => op(x, y), [a, b]);
      }),
      RUNS,
    );
  });

  it('cumsum and cumprod along a random axis', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
        fc.integer(),
        fc.nat(),
        (s, seed, k) => {
          const axis = (k % (2 * s.length)) - s.length;
          checkGrad((x) => A.cumsum(x, axis), [rnd(s, seed)]);
          checkGrad((x) => A.cumprod(x, axis), [rnd(s, seed, 0.5, 1.5)]);
        },
      ),
      RUNS,
    );
  });

  it('second derivatives of the new smooth ops match finite differences', () => {
    const x = rnd([3], 7, 0.5, 1.5);
    for (const f of [
      (v: Var) => A.softplus(v).sum(),
      (v: Var) => A.atan2(v, 2).sum(),
      (v: Var) => A.hypot(v, 2).sum(),
      (v: Var) => A.logaddexp(v, 0.3).sum(),
      (v: Var) => A.cumprod(v, 0).sum(),
    ]) {
      checkGrad((v) => A.grad(f as (v: Var) => Var)(v as Tensor) as unknown as Var, [x]);
    }
  });
});

describe('max/min/amax/amin tie rule (PyTorch 1.13)', () => {
  it('over all elements the gradient is split evenly: [1, 3, 7, 7] gives [0, 0, 0.5, 0.5]', () => {
    for (const op of ['max', 'amax', 'min', 'amin'] as const) {
      const { x, grad } = golden.ties_1d[op];
      expect(A.grad((v: Var) => EXTREMES[op](v))(f64(x)).toArray()).toEqual(grad);
    }
  });

  it('matches torch for every axis combination of a 3-D tensor with ties', () => {
    for (const c of golden.ties) {
      const op = EXTREMES[c.op as keyof typeof EXTREMES];
      const opts = c.axis === null ? {} : { axis: c.axis };
      const value = op(f64(c.x), opts);
      expectAllClose(value.toArray(), c.value);
      const n = value.size;
      const w = f64(Array.from({ length: n }, (_, i) => i + 1)).reshape(value.shape);
      const g = A.grad((v: Var) => op(v, opts).mul(w).sum())(f64(c.x));
      expect(g.toArray(), `${c.op} axis ${JSON.stringify(c.axis)}`).toEqual(c.grad);
    }
  });
});
