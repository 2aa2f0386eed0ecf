import { describe, expect, it } from 'vitest';
import { GdRangeError, GdTypeError } from '@gd/errors';
import {
  callable,
  finite,
  integer,
  inRange,
  milestoneList,
  nonNegative,
  oneOf,
  perGroup,
  positive,
} from '../src/validate.js';

describe('option validation', () => {
  it('accepts good values and returns them', () => {
    expect(finite('X', 'a', 1.5)).toBe(1.5);
    expect(nonNegative('X', 'a', 0)).toBe(0);
    expect(positive('X', 'a', 2)).toBe(2);
    expect(integer('X', 'a', 3, 1)).toBe(3);
    expect(inRange('X', 'a', 0.5, 0, 1)).toBe(0.5);
    expect(oneOf('X', 'a', 'min', ['min', 'max'])).toBe('min');
    expect(perGroup('X', 'a', 3, 2)).toEqual([3, 3]);
    expect(milestoneList('X', 'm', [1, 1, 4], false)).toEqual([1, 1, 4]);
  });
  it('throws typed errors naming owner, option and value', () => {
    expect(() => finite('X', 'a', Number.NaN)).toThrow(
      new GdTypeError('X: a must be a finite number, got NaN'),
    );
    expect(() => nonNegative('X', 'gamma', -1)).toThrow(
      new GdRangeError('X: gamma must be ≥ 0, got -1'),
    );
    expect(() => positive('X', 'tMax', 0)).toThrow(/X: tMax must be > 0, got 0/);
    expect(() => integer('X', 'n', 1.5, 0)).toThrow(/integer ≥ 0, got 1.5/);
    expect(() => inRange('X', 'p', 2, 0, 1)).toThrow(/p must be in \[0, 1\], got 2/);
    expect(() => oneOf('X', 'mode', 'up', ['min', 'max'])).toThrow(/'min', 'max', got up/);
    expect(() => callable('X', 'f', 1)).toThrow(TypeError);
    expect(() => perGroup('X', 'v', [1], 2)).toThrow(/expected 2 values for v/);
    expect(() => milestoneList('X', 'm', [1, 1], true)).toThrow(/strictly increasing/);
    expect(() => milestoneList('X', 'm', 'x', false)).toThrow(TypeError);
  });
});
