import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { argmax, argmin, tensor, zeros } from '@gd/tensor';
import { decode, fixtures } from '../helpers';

describe('argmax / argmin', () => {
  it('match torch.argmax / argmin incl. ties (first) and NaN (counts as extreme)', () => {
    for (const c of fixtures.argmax) {
      const x = tensor(decode(c.x), { dtype: 'float64' });
      const opts = c.axis === null ? {} : { axis: c.axis };
      expect(argmax(x, opts).toArray()).toEqual(c.argmax);
      expect(argmin(x, opts).toArray()).toEqual(c.argmin);
    }
  });
  it('return int32 and honour keepDims', () => {
    const x = tensor([
      [1, 9, 2],
      [8, 0, 3],
    ]);
    const a = argmax(x, { axis: 0, keepDims: true });
    expect(a.dtype).toBe('int32');
    expect(a.shape).toEqual([1, 3]);
    expect(a.toArray()).toEqual([[1, 0, 1]]);
    expect(x.argmin({ axis: -1 }).toArray()).toEqual([0, 1]);
    expect(x.argmax().item()).toBe(1);
  });
  it('work on int and bool tensors', () => {
    expect(argmax(tensor([false, true, true])).item()).toBe(1);
    expect(argmin(tensor([3, -7, 2], { dtype: 'int32' })).item()).toBe(1);
  });
  it('agree with a naive scan along a random axis (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
        fc.nat(),
        fc.integer({ min: 0, max: 1000 }),
        (shape, axSeed, seed) => {
          const n = shape.reduce((a, b) => a * b, 1);
          const data = Float64Array.from({ length: n }, (_, i) => ((i * 7919 + seed) % 13) - 6);
          const x = tensor(data, { shape });
          const ax = axSeed % shape.length;
          const got = argmax(x, { axis: ax });
          const outer = shape.slice(0, ax).reduce((a, b) => a * b, 1);
          const inner = shape.slice(ax + 1).reduce((a, b) => a * b, 1);
          for (let o = 0; o < outer; o++)
            for (let i = 0; i < inner; i++) {
              let best = 0;
              for (let k = 1; k < shape[ax]; k++) {
                if (
                  data[(o * shape[ax] + k) * inner + i] > data[(o * shape[ax] + best) * inner + i]
                )
                  best = k;
              }
              expect(got.data[o * inner + i]).toBe(best);
            }
        },
      ),
    );
  });
  it('reject empty axes and axis lists, naming the op', () => {
    expect(() => argmax(zeros([2, 0]), { axis: 1 })).toThrow(/argmax: cannot search an empty axis/);
    expect(() => argmin(zeros([0]))).toThrow(/argmin: cannot search an empty axis/);
    expect(() => argmax(zeros([2, 2]), { axis: [0, 1] as never })).toThrow(
      /argmax: axis must be a single number/,
    );
    expect(() => argmax(zeros([2]), { axis: 1 })).toThrow(/argmax: axis 1 is out of range/);
  });
});
