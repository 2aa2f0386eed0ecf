import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ShapeError, arange, concat, ones, stack, tensor, zeros } from '@gd/tensor';

describe('concat / stack', () => {
  it('concat joins along an axis and promotes dtypes', () => {
    const r = concat([
      tensor([[1, 2]], { dtype: 'int32' }),
      tensor([[3.5, 4]], { dtype: 'float64' }),
    ]);
    expect(r.dtype).toBe('float64');
    expect(r.toArray()).toEqual([
      [1, 2],
      [3.5, 4],
    ]);
    expect(concat([zeros([2, 1]), ones([2, 2])], -1).toArray()).toEqual([
      [0, 1, 1],
      [0, 1, 1],
    ]);
    expect(concat([zeros([0, 2]), ones([1, 2])]).shape).toEqual([1, 2]);
  });
  it('concat of random pieces along a random axis agrees with element lookup (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
        fc.nat(),
        (shape, sizes, axSeed) => {
          const ax = axSeed % shape.length;
          let start = 0;
          const parts = sizes.map((s) => {
            const sh = [...shape];
            sh[ax] = s;
            const n = sh.reduce((a, b) => a * b, 1);
            const t = arange(start, start + n).reshape(sh);
            start += n;
            return t;
          });
          const r = concat(parts, ax);
          const outer = shape.slice(0, ax).reduce((a, b) => a * b, 1);
          const inner = shape.slice(ax + 1).reduce((a, b) => a * b, 1);
          const expected: number[] = [];
          for (let o = 0; o < outer; o++)
            for (const p of parts) {
              const len = p.shape[ax] * inner;
              for (let i = 0; i < len; i++) expected.push(p.data[o * len + i]);
            }
          expect([...r.data]).toEqual(expected);
        },
      ),
    );
  });
  it('stack adds an axis anywhere', () => {
    const a = tensor([1, 2]);
    const b = tensor([3, 4]);
    expect(stack([a, b]).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(stack([a, b], 1).toArray()).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(stack([a, b], -1).shape).toEqual([2, 2]);
    expect(stack([tensor(1), tensor(2)]).toArray()).toEqual([1, 2]);
  });
  it('errors name the op and the shapes', () => {
    expect(() => concat([])).toThrow(/concat: expected a non-empty array of tensors/);
    expect(() => concat([zeros([2, 2]), zeros([3, 3])])).toThrow(ShapeError);
    expect(() => concat([zeros([2, 2]), zeros([3, 3])])).toThrow(
      /concat: tensor 1 has shape \[3, 3\], which does not match \[2, 2\] outside axis 0/,
    );
    expect(() => concat([tensor(1)])).toThrow(/concat: 0-d tensors cannot be concatenated/);
    expect(() => concat([zeros([2]), 3 as never])).toThrow(/concat: entry 1 is not a Tensor/);
    expect(() => stack([zeros([2]), zeros([3])])).toThrow(
      /stack: all tensors must have the same shape/,
    );
    expect(() => stack([zeros([2])], 2)).toThrow(/stack: axis 2 is out of range/);
  });
});
