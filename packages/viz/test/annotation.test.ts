import { describe, expect, it } from 'vitest';
import { drawAnnotations } from '../src/annotation';
import { defaultTheme } from '../src/theme';
import { count, pathPoints } from './helpers';

const px = (v: number) => 100 + v * 10;
const py = (v: number) => 200 - v * 10;

describe('drawAnnotations', () => {
  it('draws the text at xyText and an arrow ending 2 px short of xy', () => {
    const svg = drawAnnotations(
      [{ text: 'local minimum', xy: [10, 0], xyText: [0, 0] }],
      px,
      py,
      defaultTheme,
    );
    expect(svg).toContain('>local minimum</tspan>');
    expect(svg).toContain('x="100" y="200"');
    const d = /class="arrow"/.test(svg) ? (/<path d="([^"]+)"/.exec(svg)?.[1] ?? '') : '';
    const pts = pathPoints(d);
    // second point is the tip: target (200, 200) minus 2 px along the direction of travel
    expect(pts[1][0]).toBeCloseTo(198, 1);
    expect(pts[1][1]).toBeCloseTo(200, 0);
  });
  it('splits lines and places the last baseline at xyText', () => {
    const svg = drawAnnotations(
      [{ text: 'min of\nempirical risk', xy: [5, 5], xyText: [0, 0] }],
      px,
      py,
      defaultTheme,
    );
    expect(count(svg, '<tspan')).toBe(2);
    expect(svg).toContain('<tspan x="100" y="200">empirical risk</tspan>');
  });
  it('draws no arrow without xyText and reports points to avoid', () => {
    const avoid: [number, number][] = [];
    const svg = drawAnnotations([{ text: 'x', xy: [1, 1] }], px, py, defaultTheme, avoid);
    expect(svg).not.toContain('class="arrow"');
    expect(avoid.length).toBeGreaterThan(0);
  });
});
