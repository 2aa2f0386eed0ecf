import { describe, expect, it } from 'vitest';
import { sparkline, terminalChart } from '../src/terminal';

describe('sparkline', () => {
  it('maps the range onto the eight block characters', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([3, 2, 1.5, 1, 0.8])).toBe('█▅▃▂▁');
  });
  it('prints non-finite values as spaces and honours min/max', () => {
    expect(sparkline([0, Number.NaN, 1])).toBe('▁ █');
    expect(sparkline([5], { min: 0, max: 10 })).toBe('▅');
    expect(sparkline([])).toBe('');
    // @ts-expect-error: not an array
    expect(() => sparkline(3)).toThrow(TypeError);
  });
});

describe('terminalChart', () => {
  it('draws braille dots with y labels and the x range', () => {
    const out = terminalChart(
      Array.from({ length: 50 }, (_, i) => 50 - i),
      { width: 20, height: 5, title: 'loss' },
    );
    const lines = out.split('\n');
    expect(lines).toHaveLength(1 + 5 + 2);
    expect(lines[0]).toContain('loss');
    expect(lines[1]).toMatch(/^50 ┤/);
    expect(lines[5]).toMatch(/^ 1 ┤/);
    expect(lines[7]).toMatch(/0\s+49$/);
    expect(out).toMatch(/[\u2801-\u28ff]/);
    // a falling line: the top row's dots are left, the bottom row's right
    expect(lines[1].slice(4).trimEnd().length).toBeLessThan(8);
    expect(lines[5].slice(4).search(/[\u2801-\u28ff]/)).toBeGreaterThan(12);
  });
  it('supports log y, several series, labels and ANSI colour', () => {
    const out = terminalChart(
      [
        [1, 10, 100],
        [100, 10, 1],
      ],
      { logY: true, labels: ['up', 'down'], color: true, width: 10, height: 3 },
    );
    expect(out).toContain('100 ┤');
    expect(out).toContain('\x1b[34m');
    expect(out).toContain('up');
  });
  it('rejects bad input', () => {
    expect(() => terminalChart([])).toThrow(/terminalChart: no values/);
    expect(() => terminalChart([1, 2], { width: 3 })).toThrow(/width must be an integer ≥ 8/);
    expect(() => terminalChart([Number.NaN])).toThrow(/no finite values/);
    expect(() => terminalChart([1, 2], { x: [1] })).toThrow(/x has 1 values/);
  });
});
