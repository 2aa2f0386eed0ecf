import { describe, expect, it } from 'vitest';
import { drawColorbar } from '../src/colorbar';
import { defaultTheme } from '../src/theme';
import { count } from './helpers';

describe('drawColorbar', () => {
  it('draws a 64-step ramp with ticks and a label', () => {
    const svg = drawColorbar(10, 0, 200, [0, 1], 'linear', () => '#123456', defaultTheme, 'loss');
    expect(count(svg, 'fill="#123456"')).toBe(64);
    expect(svg).toContain('>1.0</text>');
    expect(svg).toContain('>0</text>');
    expect(svg).toContain('>loss</text>');
  });
  it('draws discrete bands between edges', () => {
    const svg = drawColorbar(10, 0, 100, [0, 3], 'linear', () => '#000', defaultTheme, undefined, {
      edges: [0, 1, 2, 3],
      colors: ['#aa0000', '#00aa00', '#0000aa'],
    });
    expect(svg).toContain('fill="#aa0000"');
    // the lowest band sits at the bottom: y from 66.67 to 100
    expect(svg).toMatch(/<rect x="10" y="66.67" width="14" height="33.33" fill="#aa0000"/);
  });
});
