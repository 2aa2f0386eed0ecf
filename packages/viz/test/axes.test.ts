import { describe, expect, it } from 'vitest';
import { makeFrame, paddedDomain, ticksFor } from '../src/axes';
import { defaultTheme } from '../src/theme';

describe('paddedDomain', () => {
  it('adds 5 % of the span on each side', () => {
    expect(paddedDomain('t', 0, 10, 'linear')).toEqual([-0.5, 10.5]);
  });
  it('pads in log space for log axes and rejects non-positive data', () => {
    const [a, b] = paddedDomain('t', 1, 100, 'log');
    expect(Math.log10(a)).toBeCloseTo(-0.1);
    expect(Math.log10(b)).toBeCloseTo(2.1);
    expect(() => paddedDomain('t', 0, 1, 'log')).toThrow(/t: a log axis needs positive values/);
  });
  it('widens a zero-width range', () => {
    expect(paddedDomain('t', 2, 2, 'linear')).toEqual([1.8, 2.2]);
    expect(paddedDomain('t', 0, 0, 'linear')).toEqual([-1, 1]);
  });
});

describe('ticksFor', () => {
  it('gives 1-2-5 nice linear ticks', () => {
    const t = ticksFor([0, 1], 'linear', 5);
    expect(t.map((x) => x.value)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(t.map((x) => x.label)).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1.0']);
  });
  it('gives powers of ten with minor ticks on log axes', () => {
    const t = ticksFor([1e-4, 1e-1], 'log', 5);
    const major = t.filter((x) => !x.minor);
    expect(major.map((x) => x.label)).toEqual(['10⁻⁴', '10⁻³', '10⁻²', '10⁻¹']);
    expect(t.filter((x) => x.minor).length).toBe(3 * 8);
  });
  it('formats one axis one way: no 20000 next to 1e5 (or 0.0002 next to 5e-5)', () => {
    const big = ticksFor([0, 1e5], 'linear', 5).map((x) => x.label);
    expect(big).toEqual(['0', '2e4', '4e4', '6e4', '8e4', '1e5']);
    const small = ticksFor([0, 2.5e-4], 'linear', 5).map((x) => x.label);
    expect(small.every((l) => l === '0' || !/e/.test(l))).toBe(true);
  });
  it('falls back to 1-2-5 ticks within one decade', () => {
    const t = ticksFor([2, 8], 'log', 5);
    expect(t.length).toBeGreaterThanOrEqual(2);
    for (const x of t) expect(x.value).toBeGreaterThanOrEqual(2);
  });
});

describe('makeFrame', () => {
  it('maps the domain onto the plot area (y up)', () => {
    const f = makeFrame(
      400,
      300,
      { domain: [0, 10], label: 'x' },
      { domain: [0, 1], label: 'y' },
      defaultTheme,
      { title: 'T' },
    );
    expect(f.x(0)).toBeCloseTo(f.left);
    expect(f.x(10)).toBeCloseTo(f.right);
    expect(f.y(0)).toBeCloseTo(f.bottom);
    expect(f.y(1)).toBeCloseTo(f.top);
    expect(f.axes).toContain('class="x-label"');
    expect(f.axes).toContain('class="y-label"');
    expect(f.axes).toContain('class="title"');
    expect(f.clipDef).toContain('{ID}-clip');
  });
  it('refuses a figure too small for its axes', () => {
    expect(() => makeFrame(60, 60, { domain: [0, 1] }, { domain: [0, 1] }, defaultTheme)).toThrow(
      /no room/,
    );
  });
});

describe('ticksFor on short log ranges', () => {
  it('labels 2× and 5× minor ticks when only two decades are marked', () => {
    const t = ticksFor([0.05, 2.5], 'log', 5);
    const labelled = t.filter((x) => x.label).map((x) => x.label);
    expect(labelled).toEqual(['5×10⁻²', '10⁻¹', '2×10⁻¹', '5×10⁻¹', '10⁰', '2×10⁰']);
  });
});

describe('makeFrame aspect', () => {
  it('keeps plotH / plotW fixed and centres the box', () => {
    const f = makeFrame(600, 400, { domain: [0, 3] }, { domain: [0, 1] }, defaultTheme, {
      aspect: 1 / 3,
    });
    expect((f.bottom - f.top) / (f.right - f.left)).toBeCloseTo(1 / 3, 6);
    expect(() =>
      makeFrame(600, 400, { domain: [0, 1] }, { domain: [0, 1] }, defaultTheme, { aspect: 0 }),
    ).toThrow(/aspect must be a positive/);
  });
});

describe('paddedDomain on degenerate data', () => {
  it('gives a usable range for subnormal and nearly constant values', () => {
    expect(paddedDomain('t', -2.5e-323, -2.5e-323, 'linear')).toEqual([-1, 1]);
    const [a, b] = paddedDomain('t', 1, 1 + 1e-15, 'linear');
    expect(b - a).toBeCloseTo(0.2, 6);
  });
});
