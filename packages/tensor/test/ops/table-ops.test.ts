import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atan2, hypot, logaddexp, softplus, tensor } from '@gd/tensor';

// Goldens from PyTorch 1.13: test/fixtures/gen_table_ops.py (non-finite numbers as strings).
const decode = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(decode)
    : v === 'nan'
      ? Number.NaN
      : v === 'inf'
        ? Number.POSITIVE_INFINITY
        : v === '-inf'
          ? Number.NEGATIVE_INFINITY
          : v;
const golden = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'table-ops.json'), 'utf8'),
  (_k, v) => (typeof v === 'string' ? decode(v) : v),
);

function expectClose(actual: unknown, expected: unknown, rtol: number): void {
  const a = [actual].flat(Number.POSITIVE_INFINITY) as number[];
  const e = [expected].flat(Number.POSITIVE_INFINITY) as number[];
  expect(a.length).toBe(e.length);
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(e[i]) || !Number.isFinite(e[i])) expect(a[i], `entry ${i}`).toBe(e[i]);
    else if (!(Math.abs(a[i] - e[i]) <= rtol * Math.max(Math.abs(e[i]), 1e-300))) {
      expect(a[i], `entry ${i}`).toBe(e[i]);
    }
  }
}

describe('softplus, atan2, hypot, logaddexp against PyTorch', () => {
  for (const [dtype, rtol] of [
    ['float64', 1e-14],
    // gd computes float32 ops in double and rounds once; torch rounds each step (a few ulps apart).
    ['float32', 1e-6],
  ] as const) {
    it(`${dtype}: values at the edges (threshold 20, overflow, ±0, huge and tiny)`, () => {
      const x = tensor(golden.x, { dtype });
      const y = tensor(golden.y, { dtype });
      const g = golden[dtype];
      expectClose(softplus(x).toArray(), g.softplus, rtol);
      expectClose(atan2(x, y).toArray(), g.atan2, rtol);
      expectClose(hypot(x, y).toArray(), g.hypot, rtol);
      expectClose(logaddexp(x, y).toArray(), g.logaddexp, rtol);
      expect(softplus(x).dtype).toBe(dtype);
    });
  }

  it('logaddexp of infinities and NaN, hypot without overflow', () => {
    const a = tensor([Infinity, -Infinity, -Infinity, 1], { dtype: 'float64' });
    const b = tensor([Infinity, -Infinity, 2, Number.NaN], { dtype: 'float64' });
    expect(logaddexp(a, b).toArray()).toEqual(golden.special.logaddexp_inf);
    expectClose(
      hypot(tensor([1e200], { dtype: 'float64' }), 1e200).toArray(),
      golden.special.hypot_huge,
      1e-15,
    );
  });

  it('ints give float32 (a float function), a number on either side broadcasts', () => {
    expect(atan2(tensor([1, 2], { dtype: 'int32' }), 1).dtype).toBe('float32');
    expect(softplus(tensor([0], { dtype: 'int32' })).dtype).toBe('float32');
    expectClose(
      atan2(1, tensor([1, -1], { dtype: 'float64' })).toArray(),
      [Math.PI / 4, (3 * Math.PI) / 4],
      1e-15,
    );
  });
});
