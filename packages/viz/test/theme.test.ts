import { describe, expect, it } from 'vitest';
import { OKABE_ITO, defaultTheme, resolveTheme, textWidth } from '../src/theme';

describe('theme', () => {
  it('uses the eight Okabe–Ito colours, all distinct', () => {
    expect(OKABE_ITO).toHaveLength(8);
    expect(new Set(OKABE_ITO.map((c) => c.toLowerCase())).size).toBe(8);
    expect(defaultTheme.palette[0]).toBe('#0072B2');
    expect(defaultTheme.background).toBe('#ffffff');
  });
  it('merges overrides over the default', () => {
    const t = resolveTheme({ lineWidth: 3 });
    expect(t.lineWidth).toBe(3);
    expect(t.palette).toBe(defaultTheme.palette);
  });
  it('estimates text width growing with length and size', () => {
    expect(textWidth('abc', 10)).toBeCloseTo(18);
    expect(textWidth('abcd', 10)).toBeGreaterThan(textWidth('abc', 10));
    expect(textWidth('abc', 20)).toBeCloseTo(2 * textWidth('abc', 10));
    expect(textWidth('iii', 10)).toBeLessThan(textWidth('mmm', 10));
  });
});
