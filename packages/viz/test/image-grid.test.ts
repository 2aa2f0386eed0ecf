import { describe, expect, it } from 'vitest';
import { imageGrid } from '../src/image-grid';
import { count } from './helpers';

const img = (v: number) => ({ data: [0, v, v, 0], width: 2, height: 2 });

describe('imageGrid', () => {
  it('lays images out in columns with labels and coloured predictions', () => {
    const svg = imageGrid([img(1), img(0.5), img(0.25)], {
      columns: 2,
      labels: [0, 1, 2],
      predictions: [0, 2, 2],
      classNames: ['zero', 'one', 'two'],
      title: 'digits',
    });
    expect(count(svg, 'class="image"')).toBe(3);
    expect(svg).toContain('fill="#0072B2" class="image-label">zero</text>');
    expect(svg).toContain('fill="#D55E00" class="image-label">two</text>');
    expect(svg).toContain('fill="#D55E00" class="image-label">(one)</text>');
    expect(svg).toMatch(
      /<desc[^>]*>3 grayscale images of 2 × 2 pixels in 2 rows of 2; labels: zero, one, two; 1 of 3 predictions wrong\./,
    );
  });

  it('maps values to grey levels (0..1 or 0..255) and merges runs', () => {
    const svg = imageGrid([{ data: [255, 255, 0, 128], width: 2, height: 2 }]);
    expect(svg).toContain('fill="#ffffff"');
    expect(svg).toContain('fill="#808080"');
    // the two white pixels of row 0 are one run of width 2 × 42 px
    expect(svg).toMatch(/width="84.25" height="42.25" fill="#ffffff"/);
    const inv = imageGrid([{ data: [1, 0, 0, 0], width: 2, height: 2 }], { mode: 'inverted' });
    expect(inv).toContain('fill="#000000"');
  });

  it('rejects bad input', () => {
    expect(() => imageGrid([])).toThrow(/imageGrid: images is empty/);
    expect(() => imageGrid([{ data: [1, 2, 3], width: 2, height: 2 }])).toThrow(
      /images\[0\] has 3 values but width × height = 4/,
    );
    expect(() => imageGrid([img(1)], { labels: [1, 2] })).toThrow(
      /labels has 2 entries but there are 1 images/,
    );
    expect(() => imageGrid([{ data: [1], width: 0, height: 1 }])).toThrow(
      /width must be an integer/,
    );
  });
});
