import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arange, slice, tensor } from '@gd/tensor';
import { decode, expectValues, fixtures } from '../helpers';

/** Python's range(len)[start:stop:step], computed by brute force (an independent reference). */
function pySliceIndices(
  n: number,
  start: number | null,
  stop: number | null,
  step: number,
): number[] {
  const norm = (v: number) => (v < 0 ? v + n : v);
  const out: number[] = [];
  if (step > 0) {
    const s = start === null ? 0 : Math.max(0, Math.min(n, norm(start)));
    const e = stop === null ? n : Math.max(0, Math.min(n, norm(stop)));
    for (let i = s; i < e; i += step) out.push(i);
  } else {
    const s = start === null ? n - 1 : Math.max(-1, Math.min(n - 1, norm(start)));
    const e = stop === null ? -1 : Math.max(-1, Math.min(n - 1, norm(stop)));
    for (let i = s; i > e; i += step) out.push(i);
  }
  return out;
}

describe('slice', () => {
  it('matches NumPy basic indexing', () => {
    for (const c of fixtures.slice) {
      const x = tensor(decode(c.x), { dtype: 'float64' });
      const r = slice(x, c.spec);
      expect(r.shape).toEqual(c.shape);
      expectValues(r, decode(c.out));
    }
  });
  it('agrees with Python slice semantics on random ranges (property)', () => {
    const bound = fc.option(fc.integer({ min: -12, max: 12 }), { nil: null });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        bound,
        bound,
        fc.integer({ min: -4, max: 4 }).filter((s) => s !== 0),
        (n, start, stop, step) => {
          const r = slice(arange(n), [[start, stop, step]]);
          expect([...r.data]).toEqual(pySliceIndices(n, start, stop, step));
        },
      ),
    );
  });
  it('copies (does not alias) and keeps dtype; method form', () => {
    const x = arange(6).reshape([2, 3]);
    const r = x.slice([0]);
    expect(r.dtype).toBe('int32');
    r.data[0] = 99;
    expect(x.data[0]).toBe(0);
    expect(x.slice([null, [1]]).toArray()).toEqual([
      [1, 2],
      [4, 5],
    ]);
    expect(slice(x, []).toArray()).toEqual(x.toArray());
    expect(slice(x, [1, 2]).shape).toEqual([]);
  });
  it('errors name the op, the axis and the bad value', () => {
    const x = arange(6).reshape([2, 3]);
    expect(() => slice(x, [2])).toThrow(/slice: index 2 is out of bounds for axis 0 with size 2/);
    expect(() => slice(x, [null, -4])).toThrow(RangeError);
    expect(() => slice(x, [[0, 1, 0]])).toThrow(/slice: step on axis 0 must not be zero/);
    expect(() => slice(x, [0, 0, 0])).toThrow(
      /slice: 3 indices given for a tensor of shape \[2, 3\]/,
    );
    expect(() => slice(x, [0.5])).toThrow(/slice: index on axis 0 must be an integer/);
    expect(() => slice(x, ['a' as never])).toThrow(TypeError);
    expect(() => slice(x, [[0, 1, 1, 1] as never])).toThrow(/slice: range on axis 0 has 4 entries/);
  });
});
