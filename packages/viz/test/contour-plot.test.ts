import { describe, expect, it } from 'vitest';
import { contourLevels, contourPlot } from '../src/contour-plot';
import { sampleGrid } from '../src/grid';
import { rasterize } from '../src/node';
import { count, pathPoints, pixel, plotArea } from './helpers';

const bowl = (x: number, y: number) => (x - 1) ** 2 + (y - 1) ** 2;
const opts = { xRange: [0, 2] as [number, number], yRange: [0, 2] as [number, number] };

describe('contourLevels', () => {
  it('spaces levels strictly inside the range, linearly or in log10', () => {
    expect(contourLevels(0, 4, 3, 'linear')).toEqual([1, 2, 3]);
    const l = contourLevels(1, 1000, 2, 'log').map(Math.log10);
    expect(l[0]).toBeCloseTo(1);
    expect(l[1]).toBeCloseTo(2);
  });
});

describe('contourPlot', () => {
  it('draws filled levels, one line path per level, a colour bar', () => {
    const svg = contourPlot(bowl, { ...opts, levels: [0.5, 1], title: 'bowl' });
    expect(count(svg, 'class="contour-line"')).toBe(2);
    expect(svg).toContain('class="contour-fills"');
    expect(svg).toContain('class="colorbar"');
    expect(svg).toMatch(
      /<desc[^>]*>Contour plot on \[0, 2\] × \[0, 2\], z from 0 to 2, 2 levels\./,
    );
  });

  it('puts level lines where f equals the level (a circle of radius √0.5 here)', () => {
    const svg = contourPlot(bowl, { ...opts, levels: [0.5], filled: false });
    const a = plotArea(svg);
    const d =
      /class="contour-line" data-level="0.5"|d="([^"]+)"[^>]*class="contour-line"/.exec(svg)?.[1] ??
      '';
    const pts = pathPoints(d);
    expect(pts.length).toBeGreaterThan(20);
    const cx = a.x + a.w / 2;
    const cy = a.y + a.h / 2;
    for (const [x, y] of pts) {
      expect(Math.hypot((x - cx) / (a.w / 2), (y - cy) / (a.h / 2))).toBeCloseTo(Math.SQRT1_2, 1);
    }
  });

  it('never draws level lines along the grid border', () => {
    const svg = contourPlot((x) => x, { ...opts, levels: [0.5, 1.5], filled: false });
    const a = plotArea(svg);
    const lines = [...svg.matchAll(/d="([^"]+)"[^>]*class="contour-line" data-level="([\d.]+)"/g)];
    expect(lines).toHaveLength(2);
    for (const m of lines) {
      // f = x: each level line is vertical at x = level; a border piece would sit at x = 0 or 2
      const px = a.x + (Number(m[2]) / 2) * a.w;
      for (const [x] of pathPoints(m[1])) expect(x).toBeCloseTo(px, 0);
    }
  });

  it('places trajectory points at the right pixels with start/end markers and a legend', () => {
    const svg = contourPlot(bowl, {
      ...opts,
      trajectories: [{ x: [0.5, 1.5, 1], y: [0, 2, 1], label: 'SGD' }],
    });
    const a = plotArea(svg);
    const pts = (/class="trajectory" data-label="SGD" data-points="([^"]+)"/.exec(svg)?.[1] ?? '')
      .split(' ')
      .map((p) => p.split(',').map(Number));
    const expected = [
      [a.x + a.w / 4, a.y + a.h],
      [a.x + (3 * a.w) / 4, a.y],
      [a.x + a.w / 2, a.y + a.h / 2],
    ];
    pts.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(expected[i][0], 1);
      expect(p[1]).toBeCloseTo(expected[i][1], 1);
    });
    expect(svg).toContain('class="start"');
    expect(svg).toContain('class="end"');
    expect(/<g class="legend"[\s\S]*>SGD<\/text>/.test(svg)).toBe(true);
  });

  it('renders the end marker in the trajectory colour at the minimum pixel, white outside the axes', () => {
    const svg = contourPlot(bowl, {
      ...opts,
      width: 400,
      height: 320,
      trajectories: [{ x: [0.2, 0.6, 1], y: [1.8, 1.4, 1], color: '#D55E00' }],
    });
    const a = plotArea(svg);
    const img = rasterize(svg);
    const [r, g, b] = pixel(img, a.x + a.w / 2, a.y + a.h / 2);
    expect(Math.abs(r - 0xd5)).toBeLessThan(12);
    expect(Math.abs(g - 0x5e)).toBeLessThan(12);
    expect(Math.abs(b - 0x00)).toBeLessThan(12);
    expect(pixel(img, 2, 2)).toEqual([255, 255, 255, 255]);
    // inside the axes away from the path: a filled level, not white
    const inside = pixel(img, a.x + 4, a.y + a.h - 4);
    expect(inside.slice(0, 3)).not.toEqual([255, 255, 255]);
  });

  it('accepts a precomputed grid, marks a minimum, is deterministic', () => {
    const grid = sampleGrid(bowl, [0, 2], [0, 2], 31);
    const svg = contourPlot(grid, { minimum: [1, 1] });
    expect(svg).toContain('class="minimum"');
    expect(svg).toContain('>minimum</text>');
    expect(contourPlot(grid, { minimum: [1, 1] })).toBe(svg);
  });

  it('rejects bad input', () => {
    expect(() => contourPlot(bowl, {})).toThrow(/contourPlot: xRange and yRange are required/);
    expect(() => contourPlot(bowl, { xRange: [0, Number.NaN], yRange: [0, 1] })).toThrow(
      /xRange must be \[lo, hi\]/,
    );
    expect(() => contourPlot(bowl, { ...opts, levels: [] })).toThrow(/levels is empty/);
    expect(() => contourPlot(bowl, { ...opts, trajectories: [{ x: [1, 2], y: [1] }] })).toThrow(
      /trajectories\[0\] has 2 x values but 1 y values/,
    );
    expect(() => contourPlot(bowl, { ...opts, trajectories: [{ x: [], y: [] }] })).toThrow(
      /trajectories\[0\] is empty/,
    );
    expect(() =>
      contourPlot(bowl, { ...opts, trajectories: [{ x: [Number.NaN], y: [1] }] }),
    ).toThrow(/trajectories\[0\].x\[0\] must be a finite number/);
    expect(() => contourPlot({ x: [0, 1], y: [0, 1], z: [[0, 1]] })).toThrow(/grid.z has 1 rows/);
  });
});

describe('contourPlot options', () => {
  it('gives equal data units per pixel with equalAspect, keeping the figure size', () => {
    const svg = contourPlot((x, y) => x * x + y * y, {
      xRange: [-3, 3],
      yRange: [-1, 1],
      equalAspect: true,
      samples: 21,
    });
    const a = plotArea(svg);
    expect(a.w / 6).toBeCloseTo(a.h / 2, 1);
    expect(svg).toMatch(/^<svg[^>]*width="640" height="480"/);
  });
  it('leaves non-finite grid values unfilled instead of failing', () => {
    const svg = contourPlot((x, y) => (x > 0.5 ? Number.NaN : x + y), {
      xRange: [0, 1],
      yRange: [0, 1],
      samples: 11,
      levels: 3,
    });
    expect(count(svg, 'class="contour-line"')).toBeGreaterThan(0);
  });
});

describe('contourPlot over non-finite values', () => {
  // f is NaN for x > 0.5: matplotlib leaves those cells blank and draws no level lines there
  const half = (x: number, y: number) => (x > 0.5 ? Number.NaN : x + y);
  const svg = contourPlot(half, { xRange: [0, 1], yRange: [0, 1], samples: 11, levels: 3 });
  const a = plotArea(svg);

  it('paints the cells touching NaN in the background colour, not the top band', () => {
    const img = rasterize(svg);
    const y = a.y + a.h / 2;
    expect(pixel(img, a.x + a.w * 0.85, y)).toEqual([255, 255, 255, 255]);
    expect(pixel(img, a.x + a.w * 0.62, y)).toEqual([255, 255, 255, 255]);
    expect(pixel(img, a.x + a.w * 0.25, y).slice(0, 3)).not.toEqual([255, 255, 255]);
  });

  it('draws no level line inside the cells touching NaN', () => {
    const xs = [...svg.matchAll(/<path d="([^"]*)"[^>]*class="contour-line"/g)].flatMap((m) =>
      pathPoints(m[1]).map((p) => p[0]),
    );
    expect(xs.length).toBeGreaterThan(0);
    // grid points sit every 0.1; the last cell with only finite corners ends at x = 0.5
    expect(Math.max(...xs)).toBeLessThanOrEqual(a.x + a.w * 0.5 + 0.01);
  });
});

describe("contourPlot legend 'best'", () => {
  it('keeps the legend off a trajectory segment that jumps across a corner', () => {
    // one iterate inside, the next far outside: the segment crosses the upper right corner
    const svg = contourPlot(bowl, {
      xRange: [-1, 1],
      yRange: [-1, 1],
      samples: 21,
      trajectories: [{ x: [0.5, 5], y: [0.5, 5], label: 'diverging' }],
    });
    expect(svg).toMatch(/<g class="legend" data-loc="(upper left|lower left|lower right)"/);
  });
});

describe('contourPlot colour bar for level lines', () => {
  it('shows the level colours as a ramp when bands are not filled', () => {
    const svg = contourPlot((x, y) => x + y, {
      xRange: [0, 1],
      yRange: [0, 1],
      samples: 11,
      filled: false,
      colorbar: true,
      levels: [0.5, 1.5],
    });
    const bar = /<g class="colorbar">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    const fills = new Set([...bar.matchAll(/fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]));
    expect(fills.size).toBeGreaterThan(10);
    expect(fills.has('#000000')).toBe(false);
  });
});

describe('contourPlot on a constant field', () => {
  it('draws a single-colour plot and colour bar instead of failing', () => {
    const svg = contourPlot(() => 1, { xRange: [0, 1], yRange: [0, 1], samples: 5 });
    expect(svg).toContain('class="colorbar"');
    expect(svg).toMatch(
      /<desc[^>]*>Contour plot on \[0, 1\] × \[0, 1\], z from 1 to 1, 1 levels\./,
    );
  });
});
