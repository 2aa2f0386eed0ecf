import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ShapeError, broadcastShapes } from '@gd/tensor';
import {
  broadcastStrides,
  checkShape,
  normalizeAxes,
  normalizeAxis,
  sameShape,
  sizeOf,
  stridesOf,
} from '../src/shape';

describe('shape helpers', () => {
  it('sizeOf and row-major strides', () => {
    expect(sizeOf([])).toBe(1);
    expect(sizeOf([2, 0, 3])).toBe(0);
    expect(stridesOf([2, 3, 4])).toEqual([12, 4, 1]);
    expect(stridesOf([])).toEqual([]);
  });
  it('broadcastShapes follows NumPy and is symmetric (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 4 }),
        (a, b) => {
          const n = Math.max(a.length, b.length);
          const pa = [...Array(n - a.length).fill(1), ...a];
          const pb = [...Array(n - b.length).fill(1), ...b];
          const ok = pa.every((d, i) => d === pb[i] || d === 1 || pb[i] === 1);
          if (ok) {
            const want = pa.map((d, i) => Math.max(d, pb[i]));
            expect(broadcastShapes('op', a, b)).toEqual(want);
            expect(broadcastShapes('op', b, a)).toEqual(want);
          } else expect(() => broadcastShapes('op', a, b)).toThrow(ShapeError);
        },
      ),
    );
  });
  it('broadcastShapes is variadic like np.broadcast_shapes', () => {
    expect(broadcastShapes([3, 1], [4])).toEqual([3, 4]);
    expect(broadcastShapes([2, 1, 1], [3, 1], [5])).toEqual([2, 3, 5]);
    expect(broadcastShapes()).toEqual([]);
    expect(() => broadcastShapes([2], [3])).toThrow(
      /broadcastShapes: shapes \[2\] and \[3\] cannot be broadcast/,
    );
    expect(() => broadcastShapes('add', [2], [3])).toThrow(/^add: shapes/);
    expect(() => broadcastShapes([2], 3 as never)).toThrow(TypeError);
  });
  it('broadcastStrides zeroes broadcast axes', () => {
    expect(broadcastStrides([3, 1], [2, 3, 4])).toEqual([0, 1, 0]);
  });
  it('normalizeAxis / normalizeAxes / checkShape / sameShape', () => {
    expect(normalizeAxis('op', -1, 3)).toBe(2);
    expect(normalizeAxis('op', 0, 0)).toBe(0);
    expect(() => normalizeAxis('myop', 3, 3)).toThrow(
      /myop: axis 3 is out of range for a tensor with 3 dimension\(s\); use -3..2/,
    );
    expect(normalizeAxes('op', undefined, 3)).toEqual([0, 1, 2]);
    expect(normalizeAxes('op', [-1, 0], 3)).toEqual([0, 2]);
    expect(() => normalizeAxes('op', [1, -2], 3)).toThrow(/repeats an axis/);
    expect(checkShape('op', [2, 0])).toEqual([2, 0]);
    expect(() => checkShape('op', [1.5])).toThrow(
      /op: shape \[1.5\] must hold non-negative integers/,
    );
    expect(() => checkShape('op', 3 as never)).toThrow(/op: shape must be an array of integers/);
    expect(sameShape([1, 2], [1, 2])).toBe(true);
    expect(sameShape([1, 2], [2, 1])).toBe(false);
    expect(sameShape([1], [1, 1])).toBe(false);
  });
});
