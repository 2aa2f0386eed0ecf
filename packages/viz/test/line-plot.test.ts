import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linePlot } from '../src/line-plot';
import { rasterize } from '../src/node';
import { defaultTheme } from '../src/theme';
import { count, pathPoints, pixel, plotArea } from './helpers';

describe('linePlot', () => {
  const two = [
    { x: [0, 5, 10], y: [0, 5, 10], label: 'train' },
    { x: [0, 5, 10], y: [10, 5, 0], label: 'test', dash: 'dashed', marker: 'circle' as const },
  ];

  it('draws axes, one group per series and a legend entry per labelled series', () => {
    const svg = linePlot(two, { title: 'accuracy', xLabel: 'count', yLabel: 'acc' });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(count(svg, 'class="series"')).toBe(2);
    expect(count(svg, 'class="spines"')).toBe(1);
    expect(svg).toContain('class="x-label"');
    expect(svg).toContain('>count</text>');
    expect(svg).toContain('<title id=');
    expect(svg).toContain('>accuracy</title>');
    expect(svg).toMatch(/<desc[^>]*>Line plot of 2 series against count: train \(3 points/);
    const legend = /<g class="legend"[\s\S]*?<\/g>/.exec(svg)?.[0] ?? '';
    expect(count(legend, '<text')).toBe(2);
    expect(count(svg, '<circle')).toBe(3 + 1);
    expect(svg).toContain('stroke-dasharray');
  });

  it('places points at the right pixels', () => {
    const svg = linePlot({ x: [0, 2, 10], y: [0, 3, 10] }, { xLim: [0, 10], yLim: [0, 10] });
    const a = plotArea(svg);
    const d = /class="series"[^>]*><path d="([^"]+)"/.exec(svg)?.[1] ?? '';
    const pts = pathPoints(d);
    expect(pts).toHaveLength(3);
    expect(pts[0][0]).toBeCloseTo(a.x, 1);
    expect(pts[0][1]).toBeCloseTo(a.y + a.h, 1);
    expect(pts[1][0]).toBeCloseTo(a.x + 0.2 * a.w, 1);
    expect(pts[1][1]).toBeCloseTo(a.y + a.h - 0.3 * a.h, 1);
    expect(pts[2][0]).toBeCloseTo(a.x + a.w, 1);
    expect(pts[2][1]).toBeCloseTo(a.y, 1);
  });

  it('maps log y by log10', () => {
    const svg = linePlot(
      { x: [0, 1, 2], y: [1, 10, 100] },
      { yScale: 'log', yLim: [1, 100], xLim: [0, 2] },
    );
    const a = plotArea(svg);
    const pts = pathPoints(/class="series"[^>]*><path d="([^"]+)"/.exec(svg)?.[1] ?? '');
    expect(pts[1][1]).toBeCloseTo(a.y + a.h / 2, 1);
    expect(svg).toContain('>10¹</text>');
    expect(svg).toContain('>10²</text>');
  });

  it('breaks the line at NaN like matplotlib and draws steps', () => {
    const svg = linePlot({ y: [1, 2, Number.NaN, 4, 5] });
    const d = /class="series"[^>]*><path d="([^"]+)"/.exec(svg)?.[1] ?? '';
    expect(count(d, 'M')).toBe(2);
    const st = linePlot({ y: [1, 2, 3], step: 'post' });
    const sp = pathPoints(/class="series"[^>]*><path d="([^"]+)"/.exec(st)?.[1] ?? '');
    // steps-post: hold y until the next x, then jump
    expect(sp).toHaveLength(5);
    expect(sp[1][1]).toBe(sp[0][1]);
    expect(sp[1][0]).toBe(sp[2][0]);
    expect(sp[3][1]).toBe(sp[2][1]);
  });

  it('is deterministic', () => {
    expect(linePlot(two, { title: 'x' })).toBe(linePlot(two, { title: 'x' }));
    expect(linePlot(two)).not.toBe(linePlot([two[0]]));
  });

  it('rejects bad input with named errors', () => {
    expect(() => linePlot([])).toThrow(/linePlot: no series given/);
    expect(() => linePlot({ y: [] })).toThrow(/linePlot: series\[0\] is empty/);
    expect(() => linePlot({ x: [1, 2], y: [1, 2, 3] })).toThrow(/2 x values but 3 y values/);
    expect(() => linePlot({ y: [1, 2] }, { yLim: [Number.NaN, 1] })).toThrow(
      /yLim must be \[lo, hi\]/,
    );
    expect(() => linePlot({ y: [Number.NaN, Number.NaN] })).toThrow(/no finite points/);
    expect(() => linePlot({ y: [-1, 0] }, { yScale: 'log' })).toThrow(RangeError);
  });
});

describe('linePlot properties', () => {
  it('keeps every data point inside the plot area and renders identically twice', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (ys) => {
          const svg = linePlot({ y: ys, marker: 'circle' });
          expect(linePlot({ y: ys, marker: 'circle' })).toBe(svg);
          const a = plotArea(svg);
          const d = /class="series"[^>]*><path d="([^"]+)"/.exec(svg)?.[1] ?? '';
          for (const [x, y] of pathPoints(d)) {
            expect(x).toBeGreaterThanOrEqual(a.x - 0.01);
            expect(x).toBeLessThanOrEqual(a.x + a.w + 0.01);
            expect(y).toBeGreaterThanOrEqual(a.y - 0.01);
            expect(y).toBeLessThanOrEqual(a.y + a.h + 0.01);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('linePlot on extreme log ranges', () => {
  it('labels powers of ten across hundreds of decades and subnormal data', () => {
    const svg = linePlot({ y: [1e-300, 1e300] }, { yScale: 'log' });
    expect(svg).toMatch(/>10⁻?[¹²³⁴⁵⁶⁷⁸⁹⁰]+<\/text>/);
    expect(() => linePlot({ y: [5e-324, 1] }, { yScale: 'log' })).not.toThrow();
  });
});

describe("linePlot legend 'best'", () => {
  it('keeps the legend off a line that crosses a corner between points outside xLim/yLim', () => {
    const svg = linePlot([{ x: [-100, 100], y: [-100, 100], label: 'y = x' }], {
      xLim: [0, 10],
      yLim: [0, 10],
    });
    expect(svg).toMatch(/<g class="legend" data-loc="upper left"/);
  });
});

describe('linePlot title', () => {
  const long =
    'A really long title that would overflow the width of the figure because people write long titles';

  it('sets a title too long for the figure in a smaller font that fits', () => {
    const svg = linePlot([{ y: [1, 2, 3] }], { title: long, width: 640 });
    const size = Number(/<text[^>]*font-size="([\d.]+)"[^>]*class="title"/.exec(svg)?.[1]);
    expect(size).toBeLessThan(defaultTheme.titleSize);
    expect(size).toBeGreaterThanOrEqual(8);
    // a short title keeps the theme's size
    const short = linePlot([{ y: [1, 2, 3] }], { title: 'loss', width: 640 });
    expect(/<text[^>]*font-size="([\d.]+)"[^>]*class="title"/.exec(short)?.[1]).toBe(
      String(defaultTheme.titleSize),
    );
  });

  it('leaves the outermost pixel columns of the title band blank', () => {
    const svg = linePlot([{ y: [1, 2, 3] }], { title: long, width: 640 });
    const img = rasterize(svg);
    const top = plotArea(svg).y;
    for (let y = 0; y < top; y++) {
      for (const x of [1, 3, img.width - 2, img.width - 4]) {
        expect(pixel(img, x, y)).toEqual([255, 255, 255, 255]);
      }
    }
  });
});
