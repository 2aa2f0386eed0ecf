import { describe, expect, it } from 'vitest';
import { fmt, formatPow10, formatTick, formatValue } from '../src/format';

describe('fmt', () => {
  it('writes two decimals at most, without trailing zeros or -0', () => {
    expect(fmt(1)).toBe('1');
    expect(fmt(1.5)).toBe('1.5');
    expect(fmt(1.23456)).toBe('1.23');
    expect(fmt(0.1 + 0.2)).toBe('0.3');
    expect(fmt(-0.001)).toBe('0');
    expect(fmt(-2.499)).toBe('-2.5');
  });
  it('rejects non-finite numbers', () => {
    expect(() => fmt(Number.NaN)).toThrow(RangeError);
    expect(() => fmt(Number.POSITIVE_INFINITY)).toThrow(/non-finite/);
  });
});

describe('formatTick', () => {
  it('uses as many decimals as the step needs and a typographic minus', () => {
    expect(formatTick(0.5, 0.5)).toBe('0.5');
    expect(formatTick(-1, 0.5)).toBe('\u22121.0');
    expect(formatTick(200, 100)).toBe('200');
    expect(formatTick(0.25, 0.05)).toBe('0.25');
    expect(formatTick(1e-12, 0.5)).toBe('0');
  });
  it('switches to scientific notation for large or tiny magnitudes', () => {
    expect(formatTick(2e5, 1e5)).toBe('2e5');
    expect(formatTick(3e-5, 1e-5)).toBe('3e-5'.replace('-', '\u2212'));
  });
  it('keeps ticks a small step apart on a large offset distinguishable (no 7-digit cap)', () => {
    // y around 1.2e8 with ticks 1 apart: the labels need 9 significant digits
    expect(formatTick(123456790, 1)).toBe('1.2345679e8');
    expect(formatTick(123456791, 1)).toBe('1.23456791e8');
    const labels = [123456789, 123456790, 123456791, 123456792].map((v) => formatTick(v, 1));
    expect(new Set(labels).size).toBe(4);
  });
});

describe('formatPow10 / formatValue', () => {
  it('writes powers of ten with superscripts', () => {
    expect(formatPow10(-3)).toBe('10⁻³');
    expect(formatPow10(2)).toBe('10²');
    expect(formatPow10(10)).toBe('10¹⁰');
  });
  it('rounds to significant digits', () => {
    expect(formatValue(0.35173832)).toBe('0.3517');
    expect(formatValue(1234.5678)).toBe('1235');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(1.5e-7)).toBe('1.5e-7');
    expect(formatValue(Number.NaN)).toBe('NaN');
  });
});
