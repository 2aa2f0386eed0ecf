import { describe, expect, it } from 'vitest';
import { colormap } from '../src/colormap';
import { heatmap } from '../src/heatmap';
import { count } from './helpers';

function cells(svg: string): { y: number; fill: string }[] {
  const g = /<g class="cells"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
  return [...g.matchAll(/<rect x="[\d.]+" y="([\d.]+)"[^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => ({
    y: Number(m[1]),
    fill: m[2],
  }));
}

describe('heatmap', () => {
  const cw = colormap('coolwarm');

  it('colours the lowest value blue and the highest red, with y[0] at the bottom', () => {
    const svg = heatmap(
      {
        x: [0, 1],
        y: [0, 1],
        z: [
          [0, 1],
          [2, 3],
        ],
      },
      { title: 'loss' },
    );
    const c = cells(svg);
    expect(c).toHaveLength(4);
    const low = c.find((q) => q.fill === cw(0));
    const high = c.find((q) => q.fill === cw(1));
    expect(low).toBeDefined();
    expect(high).toBeDefined();
    expect(low!.y).toBeGreaterThan(high!.y);
    expect(svg).toContain('class="colorbar"');
    expect(svg).toMatch(
      /<desc[^>]*>Heatmap of 2 × 2 grid values, values from 0 to 3 \(blue = low, red = high\)\./,
    );
  });

  it('draws a matrix with its first row on top and merges equal neighbours', () => {
    const svg = heatmap([
      [5, 5, 5],
      [0, 1, 2],
    ]);
    const c = cells(svg);
    expect(c).toHaveLength(4);
    const top = c.filter((q) => q.fill === cw(1));
    expect(top).toHaveLength(1);
    expect(top[0].y).toBeLessThan(Math.min(...c.filter((q) => q !== top[0]).map((q) => q.y)));
    // row 0 is labelled at the top, like imshow: its tick label has the smaller y
    const rowLabel = (r: string) =>
      Number(new RegExp(`y="([\\d.]+)" text-anchor="end"[^>]*>${r}</text>`).exec(svg)?.[1]);
    expect(rowLabel('0')).toBeLessThan(rowLabel('1'));
  });

  it('centres a diverging map and can drop the colour bar', () => {
    const svg = heatmap(
      {
        x: [0, 1],
        y: [0, 1],
        z: [
          [-1, 0],
          [0, 3],
        ],
      },
      { center: 0, colorbar: false },
    );
    const c = cells(svg);
    expect(c.some((q) => q.fill === cw(0.5))).toBe(true);
    expect(count(svg, 'class="colorbar"')).toBe(0);
  });

  it('rejects bad input', () => {
    expect(() => heatmap([])).toThrow(/heatmap: matrix is empty/);
    expect(() => heatmap([[1, 2]], { vRange: [0, Number.NaN] })).toThrow(
      /vRange must be \[lo, hi\]/,
    );
    expect(() => heatmap({ x: [0, 1], y: [0, 1], z: [[1, 2]] })).toThrow(
      /heatmap: grid.z has 1 rows/,
    );
  });
});

describe('heatmap edge cases', () => {
  it('draws a single row as one row of cells and rejects ragged matrices', () => {
    const svg = heatmap([[1, 2, 3]]);
    expect(cells(svg)).toHaveLength(3);
    expect(new Set(cells(svg).map((c) => c.y)).size).toBe(1);
    expect(svg).toContain('>0</text>');
    expect(svg).not.toMatch(/text-anchor="end"[^>]*>1<\/text>/);
    expect(() => heatmap([[1, 2], [3]])).toThrow(
      /heatmap: matrix row 1 has 1 values but row 0 has 2/,
    );
  });
});
