import { describe, expect, it } from 'vitest';
import { assertFinite, assertPositiveInt, assertRange } from '../src/errors';

describe('input checks', () => {
  it('assertFinite names the operation, the array and the index', () => {
    expect(() => assertFinite('op', 'xs', [1, Number.NaN])).toThrow(
      /op: xs\[1\] must be a finite number, got NaN/,
    );
    expect(() => assertFinite('op', 'xs', [1, 2])).not.toThrow();
  });
  it('assertRange wants finite lo < hi', () => {
    expect(() => assertRange('op', 'range', [0, 1])).not.toThrow();
    expect(() => assertRange('op', 'range', [1, 0])).toThrow(RangeError);
    expect(() => assertRange('op', 'range', [0, Number.NaN])).toThrow(
      /op: range must be \[lo, hi\].*got \[0, NaN\]/,
    );
    expect(() => assertRange('op', 'range', 3)).toThrow(/got 3/);
  });
  it('assertPositiveInt checks integer and minimum', () => {
    expect(() => assertPositiveInt('op', 'steps', 2, 2)).not.toThrow();
    expect(() => assertPositiveInt('op', 'steps', 1, 2)).toThrow(
      /steps must be an integer ≥ 2, got 1/,
    );
    expect(() => assertPositiveInt('op', 'steps', 2.5)).toThrow(RangeError);
  });
});
