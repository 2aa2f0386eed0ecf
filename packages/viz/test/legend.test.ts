import { describe, expect, it } from 'vitest';
import { makeFrame } from '../src/axes';
import { drawLegend, segmentMeetsBox } from '../src/legend';
import { defaultTheme } from '../src/theme';

const frame = makeFrame(400, 300, { domain: [0, 1] }, { domain: [0, 1] }, defaultTheme);
const entries = [
  { label: 'SGD', color: '#0072B2' },
  { label: 'Adam', color: '#D55E00', marker: 'circle' as const },
];

describe('drawLegend', () => {
  it('draws one row per entry', () => {
    const svg = drawLegend(entries, frame, defaultTheme, 'upper left', []);
    expect(svg).toContain('>SGD</text>');
    expect(svg).toContain('>Adam</text>');
    expect(svg).toContain('data-loc="upper left"');
    expect(svg).toContain('<circle');
  });
  it("'best' avoids the corner crowded with data", () => {
    const crowd: [number, number][] = [];
    for (let i = 0; i < 50; i++) crowd.push([frame.right - 20 - i, frame.top + 15]);
    expect(drawLegend(entries, frame, defaultTheme, 'best', crowd)).toContain(
      'data-loc="upper left"',
    );
    expect(drawLegend(entries, frame, defaultTheme, 'best', [])).toContain(
      'data-loc="upper right"',
    );
  });
  it("draws nothing for 'none' or no entries, and rejects unknown places", () => {
    expect(drawLegend(entries, frame, defaultTheme, 'none', [])).toBe('');
    expect(drawLegend([], frame, defaultTheme, 'best', [])).toBe('');
    // @ts-expect-error: testing a bad value from JavaScript callers
    expect(() => drawLegend(entries, frame, defaultTheme, 'top', [])).toThrow(
      /legend: unknown location "top"/,
    );
  });
});

describe('segmentMeetsBox', () => {
  it('finds segments crossing, touching or inside a box, and not those passing by', () => {
    expect(segmentMeetsBox([-5, -5], [15, 15], 0, 0, 10, 10)).toBe(true); // straight through
    expect(segmentMeetsBox([2, 2], [3, 3], 0, 0, 10, 10)).toBe(true); // inside
    expect(segmentMeetsBox([-5, 5], [0, 5], 0, 0, 10, 10)).toBe(true); // touches the edge
    expect(segmentMeetsBox([-5, 0], [0, -5], 0, 0, 10, 10)).toBe(false); // passes the corner
    expect(segmentMeetsBox([-5, 12], [15, 12], 0, 0, 10, 10)).toBe(false); // above, parallel
    expect(segmentMeetsBox([5, 5], [5, 5], 0, 0, 10, 10)).toBe(true); // a point inside
  });
});

describe("drawLegend 'best' with lines", () => {
  it('counts a line crossing a corner even when none of its points is there (matplotlib)', () => {
    // a straight line from far below-left to far above-right: no vertex in the plot area
    const diagonal: [number, number][] = [
      [frame.left - 1000, frame.bottom + 1000],
      [frame.right + 1000, frame.top - 1000],
    ];
    expect(drawLegend(entries, frame, defaultTheme, 'best', [], [diagonal])).toContain(
      'data-loc="upper left"',
    );
  });
});
