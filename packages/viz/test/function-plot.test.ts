import { describe, expect, it } from 'vitest';
import { functionPlot, sampleFunction } from '../src/function-plot';
import { count, plotArea } from './helpers';

describe('sampleFunction', () => {
  it('samples n evenly spaced points including both ends', () => {
    const s = sampleFunction((x) => x * x, [0, 2], 5);
    expect(s.x).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(s.y).toEqual([0, 0.25, 1, 2.25, 4]);
  });
});

describe('functionPlot', () => {
  const f = (x: number) => x * x;

  it('draws the path as points on the curve at the right pixels', () => {
    const svg = functionPlot(f, {
      domain: [-2, 2],
      xLim: [-2, 2],
      yLim: [0, 4],
      path: { x: [2, 1, 0.5, 0], label: 'GD' },
    });
    const a = plotArea(svg);
    const group = /<g class="path" data-label="GD">([\s\S]*?)<\/g><\/g>/.exec(svg)?.[0] ?? '';
    // intermediate iterates are circles of r = 2.5 at (x, x²)
    const circles = [...group.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="2.5"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(circles).toHaveLength(2);
    expect(circles[0][0]).toBeCloseTo(a.x + (3 / 4) * a.w, 1);
    expect(circles[0][1]).toBeCloseTo(a.y + a.h - (1 / 4) * a.h, 1);
    expect(circles[1][1]).toBeCloseTo(a.y + a.h - (0.25 / 4) * a.h, 1);
    expect(group).toContain('class="path-start"');
    expect(group).toContain('class="path-end"');
    expect(svg).toContain('>GD</text>');
  });

  it('draws several functions, labels and annotations', () => {
    const svg = functionPlot([f, (x) => -x], {
      domain: [0, 1],
      labels: ['x²', '−x'],
      annotations: [{ text: 'saddle point', xy: [0, 0], xyText: [0.5, 0.5] }],
    });
    expect(count(svg, 'class="series"')).toBe(2);
    expect(svg).toContain('class="annotation"');
    expect(svg).toContain('class="arrow"');
    expect(svg).toMatch(/<desc[^>]*>Plot of 2 functions on \[0, 1\]; annotations: saddle point\./);
  });

  it('caps the markers of long runs at about 200 but draws the whole line', () => {
    const xs = Array.from({ length: 10001 }, (_, k) => 3 * 0.999 ** k);
    const svg = functionPlot(f, { domain: [-3, 3], path: { x: xs } });
    const group = /<g class="path">([\s\S]*?)<\/g><\/g>/.exec(svg)?.[0] ?? '';
    const n = count(group, 'r="2.5"');
    expect(n).toBeGreaterThan(150);
    expect(n).toBeLessThanOrEqual(200);
    expect(count(/<path d="([^"]+)"/.exec(group)?.[1] ?? '', 'L')).toBe(10000);
  });

  it('is deterministic', () => {
    const o = { domain: [-1, 2] as [number, number], path: { x: [2, 1, 0] } };
    expect(functionPlot(Math.sin, o)).toBe(functionPlot(Math.sin, o));
  });

  it('rejects bad input', () => {
    // @ts-expect-error: domain missing
    expect(() => functionPlot(f, {})).toThrow(/functionPlot: options.domain/);
    expect(() => functionPlot(f, { domain: [1, Number.NaN] })).toThrow(/domain must be \[lo, hi\]/);
    expect(() => functionPlot(f, { domain: [0, 1], samples: 1 })).toThrow(
      /samples must be an integer ≥ 2/,
    );
    expect(() => functionPlot(f, { domain: [0, 1], path: { x: [] } })).toThrow(
      /path\[0\].x is empty/,
    );
    expect(() => functionPlot(f, { domain: [0, 1], path: { x: [1, 2], y: [1] } })).toThrow(
      /2 x values but 1 y values/,
    );
    expect(() => functionPlot(() => Number.NaN, { domain: [0, 1] })).toThrow(/no finite values/);
    // @ts-expect-error: not a function
    expect(() => functionPlot([1], { domain: [0, 1] })).toThrow(TypeError);
  });

  it('names a malformed annotation instead of failing inside the drawing code', () => {
    const at = (a: unknown) => () =>
      functionPlot(f, {
        domain: [0, 1],
        annotations: [a as { text: string; xy: [number, number] }],
      });
    // matplotlib-style keys without xy: the old code threw "Cannot read properties of undefined"
    expect(at({ text: 'min', x: 0.5, y: 0.25 })).toThrow(
      /functionPlot: annotations\[0\]\.xy must be the \[x, y\] point/,
    );
    expect(at({ xy: [0.5, 0.25] })).toThrow(/annotations\[0\]\.text must be a string/);
    expect(at({ text: 'min', xy: [0.5, Number.NaN] })).toThrow(
      /annotations\[0\]\.xy\[1\] must be a finite number/,
    );
    expect(at({ text: 'min', xy: [0.5, 0.25], xyText: 3 })).toThrow(/xyText must be the \[x, y\]/);
  });
});
