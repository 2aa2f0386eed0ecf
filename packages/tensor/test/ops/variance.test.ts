import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { std, tensor, variance } from '@gd/tensor';
import { decode, expectValues, fixtures, groups, prodOf } from '../helpers';

describe('variance / std', () => {
  it('match torch.var / torch.std for axes and corrections (float64)', () => {
    for (const c of fixtures.variance) {
      const x = tensor(decode(c.x), { dtype: 'float64' });
      const opts = { axis: c.axis ?? undefined, correction: c.correction };
      expectValues(variance(x, opts), decode(c.var));
      expectValues(std(x, opts), decode(c.std));
    }
  });
  it('agrees with a naive two-pass formula over random shapes, axes and corrections (property)', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 })
          .chain((shape) =>
            fc.tuple(fc.constant(shape), fc.subarray([...shape.keys()], { minLength: 1 })),
          ),
        fc.integer({ min: 0, max: 2 }),
        ([shape, axes], c) => {
          const x = tensor(
            Float64Array.from({ length: prodOf(shape) }, (_, i) => Math.sin(i * 1.7) * 10),
            { shape },
          );
          const got = variance(x, { axis: axes, correction: c });
          for (const [o, g] of groups(x, axes).entries()) {
            const mu = g.reduce((a, b) => a + b, 0) / g.length;
            const want = g.reduce((a, b) => a + (b - mu) ** 2, 0) / Math.max(0, g.length - c);
            if (Number.isNaN(want)) expect(got.data[o]).toBeNaN();
            else if (!Number.isFinite(want)) expect(got.data[o]).toBe(want);
            else
              expect(Math.abs(got.data[o] - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, want));
          }
        },
      ),
    );
  });
  it('default correction is 1 (unbiased), 0 gives the population variance', () => {
    const x = tensor([1, 2, 3, 4], { dtype: 'float64' });
    expect(variance(x).item()).toBeCloseTo(5 / 3, 14);
    expect(x.variance({ correction: 0 }).item()).toBeCloseTo(1.25, 14);
    expect(x.std().item()).toBeCloseTo(Math.sqrt(5 / 3), 14);
  });
  it('is accurate for data with a large offset (two-pass)', () => {
    const x = tensor([1e9 + 1, 1e9 + 2, 1e9 + 3], { dtype: 'float64' });
    expect(variance(x).item()).toBeCloseTo(1, 9);
  });
  it('keeps dims and turns ints into float32', () => {
    const x = tensor([
      [1, 3],
      [2, 2],
    ]);
    const v = variance(x.astype('int32'), { axis: 1, keepDims: true });
    expect(v.dtype).toBe('float32');
    expect(v.shape).toEqual([2, 1]);
    expect(v.toArray()).toEqual([[2], [0]]);
  });
  it('rejects a negative correction naming the op', () => {
    expect(() => variance(tensor([1, 2]), { correction: -1 })).toThrow(
      /variance: correction must be a non-negative number, got -1/,
    );
    expect(() => std(tensor([1, 2]), { axis: 3 })).toThrow(/std: axis 3/);
  });
});
