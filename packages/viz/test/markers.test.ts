import { describe, expect, it } from 'vitest';
import { type MarkerShape, marker } from '../src/markers';

describe('marker', () => {
  it('draws every shape centred on the point', () => {
    const shapes: MarkerShape[] = [
      'circle',
      'square',
      'triangle',
      'diamond',
      'cross',
      'plus',
      'star',
    ];
    for (const s of shapes) {
      const m = marker(s, 50, 40, 10, '#D55E00');
      expect(m.length).toBeGreaterThan(10);
      expect(m).toContain('#D55E00');
    }
    expect(marker('circle', 50, 40, 10, 'red')).toContain('cx="50" cy="40" r="5"');
    expect(marker('square', 50, 40, 10, 'red')).toContain('x="45" y="35" width="10" height="10"');
  });
  it("draws nothing for 'none'", () => {
    expect(marker('none', 1, 2, 3, 'red')).toBe('');
  });
  it('gives the star ten vertices within 1.25 r of the centre', () => {
    const d = /d="([^"]+)"/.exec(marker('star', 0, 0, 8, 'red'))?.[1] ?? '';
    const pts = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) =>
      Math.hypot(Number(m[1]), Number(m[2])),
    );
    expect(pts).toHaveLength(10);
    for (const r of pts) expect(r).toBeLessThanOrEqual(5.01);
  });
});
