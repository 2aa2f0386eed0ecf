import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logsumexp, tensor, zeros } from '@gd/tensor';
import { decode, expectValues, fixtures, groups, prodOf } from '../helpers';

describe('logsumexp', () => {
  it('matches PyTorch (float64) incl. the -inf / +inf / NaN rules', () => {
    for (const c of fixtures.logsumexp) {
      const x = tensor(decode(c.x), { dtype: 'float64' });
      const opts = c.axis === null ? {} : { axis: c.axis };
      expectValues(logsumexp(x, opts), decode(c.out));
      const kept = logsumexp(x, { ...opts, keepDims: true });
      expectValues(kept, decode(c.keep));
      expect(kept.ndim).toBe(x.ndim);
    }
  });
  it('does not overflow where the naive formula would', () => {
    const x = tensor([710, 710], { dtype: 'float64' });
    expect(Math.log(Math.exp(710) * 2)).toBe(Number.POSITIVE_INFINITY);
    expect(logsumexp(x).item()).toBeCloseTo(710 + Math.LN2, 12);
  });
  it('empty axis gives -inf; ints give float32; method form', () => {
    expect(logsumexp(zeros([2, 0]), { axis: 1 }).toArray()).toEqual([
      Number.NEGATIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ]);
    const i = tensor([0, 0], { dtype: 'int32' });
    expect(logsumexp(i).dtype).toBe('float32');
    expect(i.logsumexp().item()).toBeCloseTo(Math.LN2, 6);
  });
  it('agrees with log(sum(exp)) on moderate values (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (v) => {
          const naive = Math.log(v.reduce((s, a) => s + Math.exp(a), 0));
          const got = logsumexp(tensor(v, { dtype: 'float64' })).item();
          expect(Math.abs(got - naive)).toBeLessThan(1e-12 * Math.max(1, Math.abs(naive)));
        },
      ),
    );
  });
  it('reduces over random axes like a naive loop (property)', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 })
          .chain((shape) => fc.tuple(fc.constant(shape), fc.subarray([...shape.keys()]))),
        fc.boolean(),
        ([shape, axes], keepDims) => {
          const x = tensor(
            Float64Array.from({ length: prodOf(shape) }, (_, i) => Math.cos(i * 0.9) * 20),
            { shape },
          );
          const got = logsumexp(x, { axis: axes, keepDims });
          expect(got.shape).toEqual(
            keepDims
              ? shape.map((d, i) => (axes.includes(i) ? 1 : d))
              : shape.filter((_, i) => !axes.includes(i)),
          );
          for (const [o, g] of groups(x, axes).entries()) {
            const want = Math.log(g.reduce((a, b) => a + Math.exp(b), 0));
            expect(Math.abs(got.data[o] - want)).toBeLessThanOrEqual(
              1e-12 * Math.max(1, Math.abs(want)),
            );
          }
        },
      ),
    );
  });
  it('rejects a bad axis naming the op', () => {
    expect(() => logsumexp(tensor([1]), { axis: 2 })).toThrow(/logsumexp: axis 2/);
  });
});
