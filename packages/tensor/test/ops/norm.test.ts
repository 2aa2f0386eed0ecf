import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { norm, tensor, zeros } from '@gd/tensor';
import { decode, expectValues, fixtures, groups, prodOf } from '../helpers';

describe('norm', () => {
  it('matches torch.linalg.vector_norm for ords 2, 1, ±inf, 0, 3, 0.5, -1 over axes', () => {
    for (const c of fixtures.norm) {
      const x = tensor(decode(c.x), { dtype: 'float64' });
      const ord = decode(c.ord) as number;
      expectValues(norm(x, { ord, axis: c.axis ?? undefined }), decode(c.out));
    }
  });
  it('agrees with the p-norm definition over random axes and ords (property)', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 })
          .chain((shape) =>
            fc.tuple(fc.constant(shape), fc.subarray([...shape.keys()], { minLength: 1 })),
          ),
        fc.constantFrom(1, 2, 3, 0.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0),
        ([shape, axes], ord) => {
          const x = tensor(
            Float64Array.from({ length: prodOf(shape) }, (_, i) =>
              Math.round(Math.sin(i * 2.3) * 5),
            ),
            { shape },
          );
          const got = norm(x, { ord, axis: axes });
          for (const [o, g] of groups(x, axes).entries()) {
            const a = g.map(Math.abs);
            const want =
              ord === Number.POSITIVE_INFINITY
                ? Math.max(...a)
                : ord === Number.NEGATIVE_INFINITY
                  ? Math.min(...a)
                  : ord === 0
                    ? a.filter((v) => v !== 0).length
                    : a.reduce((s, v) => s + v ** ord, 0) ** (1 / ord);
            expect(Math.abs(got.data[o] - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, want));
          }
        },
      ),
    );
  });
  it('defaults to the 2-norm over everything; fro is 2', () => {
    const x = tensor([
      [3, 0],
      [0, 4],
    ]);
    expect(norm(x).item()).toBe(5);
    expect(x.norm({ ord: 'fro' }).item()).toBe(5);
    expect(norm(x, { axis: 1, keepDims: true }).toArray()).toEqual([[3], [4]]);
  });
  it('ints give float32', () => {
    expect(norm(tensor([3, 4], { dtype: 'int32' })).dtype).toBe('float32');
  });
  it('rejects bad ords and inf-norms of empty axes', () => {
    expect(() => norm(tensor([1]), { ord: 'nuc' as never })).toThrow(/norm: ord must be a number/);
    expect(() => norm(tensor([1]), { ord: Number.NaN })).toThrow(RangeError);
    expect(() => norm(zeros([0]), { ord: Number.POSITIVE_INFINITY })).toThrow(
      /norm: ord=Infinity over an empty axis/,
    );
    expect(norm(zeros([0])).item()).toBe(0);
  });
});
