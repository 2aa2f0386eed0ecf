import { describe, expect, it } from 'vitest';
import { formatNumber } from '../src/report';

describe('formatNumber', () => {
  it('keeps full precision without digits (the lecture prints repr)', () => {
    expect(formatNumber(0.3517383210080008)).toBe('0.3517383210080008');
    expect(formatNumber(6.111107929003464e-10)).toBe('6.111107929003464e-10');
  });

  it('rounds to significant digits and drops trailing zeros', () => {
    expect(formatNumber(Math.PI, 4)).toBe('3.142');
    expect(formatNumber(0.5, 4)).toBe('0.5');
    expect(formatNumber(-1.2079999, 4)).toBe('-1.208');
  });

  it('leaves integers and non-finite values as they are', () => {
    expect(formatNumber(42, 2)).toBe('42');
    expect(formatNumber(Number.NaN, 3)).toBe('NaN');
    expect(formatNumber(Number.POSITIVE_INFINITY, 3)).toBe('Infinity');
  });
});
