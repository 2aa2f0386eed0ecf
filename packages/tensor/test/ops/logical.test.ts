import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  all,
  any,
  logicalAnd,
  logicalNot,
  logicalOr,
  logicalXor,
  tensor,
  where,
  zeros,
} from '@gd/tensor';

describe('where', () => {
  it('selects element-wise with three-way broadcasting', () => {
    const r = where(tensor([[true], [false]]), tensor([1, 2, 3]), tensor([[10], [20]]));
    expect(r.toArray()).toEqual([
      [1, 2, 3],
      [20, 20, 20],
    ]);
  });
  it('promotes like PyTorch: tensor dtypes win, numbers are weak, two numbers give float32', () => {
    expect(
      where(tensor([true]), tensor([1], { dtype: 'int32' }), tensor([2], { dtype: 'float64' }))
        .dtype,
    ).toBe('float64');
    expect(where(tensor([true]), tensor([1], { dtype: 'int32' }), 0).dtype).toBe('int32');
    expect(where(tensor([false]), tensor([1], { dtype: 'int32' }), 0.5).toArray()).toEqual([0.5]);
    expect(where(tensor([true, false]), 1, 0).dtype).toBe('float32');
  });
  it('reads a numeric condition as non-zero (NaN is true); method form is x.where(cond, other)', () => {
    expect(where(tensor([0, 2, Number.NaN]), 1, 0).toArray()).toEqual([0, 1, 1]);
    expect(
      tensor([1, 2])
        .where(tensor([false, true]), 9)
        .toArray(),
    ).toEqual([9, 2]);
  });
  it('errors name the op when shapes do not broadcast', () => {
    expect(() => where(tensor([true, false]), zeros([3]), 0)).toThrow(
      /where: shapes \[2\] and \[3\]/,
    );
  });
});

describe('logical ops', () => {
  const a = tensor([0, 1, 0, 2]);
  const b = tensor([0, 0, 3, Number.NaN]);
  it('and / or / xor / not as in PyTorch (non-zero and NaN are true)', () => {
    expect(logicalAnd(a, b).toArray()).toEqual([false, false, false, true]);
    expect(logicalOr(a, b).toArray()).toEqual([false, true, true, true]);
    expect(logicalXor(a, b).toArray()).toEqual([false, true, true, false]);
    expect(logicalNot(b).toArray()).toEqual([true, true, false, false]);
    expect(a.logicalAnd(1).dtype).toBe('bool');
    expect(a.logicalOr(0).toArray()).toEqual([false, true, false, true]);
    expect(a.logicalXor(1).toArray()).toEqual([true, false, true, false]);
    expect(a.logicalNot().toArray()).toEqual([true, false, true, false]);
  });
  it('broadcast (property: agrees with JS boolean logic)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }), fc.boolean(), (xs, y) => {
        const t = tensor(xs);
        const s = tensor([[y]]);
        expect(logicalAnd(t, s).toArray()).toEqual([xs.map((x) => x && y)]);
        expect(logicalOr(t, s).toArray()).toEqual([xs.map((x) => x || y)]);
        expect(logicalXor(t, s).toArray()).toEqual([xs.map((x) => x !== y)]);
      }),
    );
  });
  it('any / all over axes, with NumPy results for empty axes', () => {
    const x = tensor([
      [0, 1],
      [0, 0],
    ]);
    expect(any(x, { axis: 1 }).toArray()).toEqual([true, false]);
    expect(all(x, { axis: 0 }).toArray()).toEqual([false, false]);
    expect(x.any().item()).toBe(1);
    expect(x.all().toArray()).toBe(false);
    expect(all(tensor([1, 2])).toArray()).toBe(true);
    expect(any(zeros([2, 0]), { axis: 1 }).toArray()).toEqual([false, false]);
    expect(all(zeros([2, 0]), { axis: 1 }).toArray()).toEqual([true, true]);
    expect(any(x, { axis: 0, keepDims: true }).shape).toEqual([1, 2]);
    expect(() => any(x, { axis: 2 })).toThrow(/sum: axis 2/);
  });
});
