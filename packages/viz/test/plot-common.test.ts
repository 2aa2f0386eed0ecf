import { describe, expect, it } from 'vitest';
import { dashArray, extent, setup } from '../src/plot-common';

describe('plot-common', () => {
  it('setup validates the figure size', () => {
    expect(setup('p', {}).width).toBe(640);
    expect(setup('p', { width: 300, height: 200 }).height).toBe(200);
    expect(() => setup('p', { width: Number.NaN })).toThrow(/p: width must be a finite number/);
    expect(() => setup('p', { height: 10 })).toThrow(RangeError);
  });
  it('dashArray maps matplotlib names', () => {
    expect(dashArray('solid', 2)).toBeUndefined();
    expect(dashArray('dashed', 1)).toBe('3.7 1.6');
    expect(dashArray('4 2', 1)).toBe('4 2');
  });
  it('extent skips non-finite and (for log) non-positive values', () => {
    expect(extent([[3, Number.NaN, -1], [10]])).toEqual([-1, 10]);
    expect(extent([[0, -1, 5, 2]], true)).toEqual([2, 5]);
    expect(extent([[Number.NaN]])).toBeNull();
  });
});
