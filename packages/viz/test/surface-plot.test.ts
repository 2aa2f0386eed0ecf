import { describe, expect, it } from 'vitest';
import { surfacePlot } from '../src/surface-plot';

const saddle = (x: number, y: number) => x * x - y * y;
const opts = { xRange: [-1, 1] as [number, number], yRange: [-1, 1] as [number, number] };

describe('surfacePlot', () => {
  it('draws stride × stride faces, panes, axis labels and an accessible description', () => {
    const svg = surfacePlot(saddle, { ...opts, samples: 101, stride: 10, title: 'saddle' });
    expect(svg).toContain('data-faces="100"');
    expect(svg).toContain('class="panes"');
    expect(svg).toContain('class="x-label"');
    expect(svg).toContain('class="z-label"');
    expect(svg).toMatch(
      /<desc[^>]*>Wireframe of z over \[−1, 1\] × \[−1, 1\], z from −1 to 1, seen from azimuth −60°, elevation 30°\./,
    );
  });

  it('projects the saddle point (0, 0, 0) to the centre of the symmetric box', () => {
    const svg = surfacePlot(saddle, {
      ...opts,
      samples: 41,
      width: 500,
      points: [{ x: 0, y: 0, z: 0, marker: 'plus' }],
    });
    const d = /<g class="points"><path d="M([\d.]+),([\d.]+)L([\d.]+),([\d.]+)/.exec(svg);
    expect(d).not.toBeNull();
    // the plus marker's horizontal bar runs from cx − r to cx + r
    const cx = (Number(d![1]) + Number(d![3])) / 2;
    expect(cx).toBeCloseTo(250, 1);
  });

  it('changes with the camera and draws faces back to front when filled', () => {
    const a = surfacePlot(saddle, { ...opts, samples: 21 });
    const b = surfacePlot(saddle, { ...opts, samples: 21, azimuth: 30 });
    expect(a).not.toBe(b);
    expect(surfacePlot(saddle, { ...opts, samples: 21 })).toBe(a);
    const shaded = surfacePlot(saddle, { ...opts, samples: 21, fill: 'colormap' });
    expect(shaded).not.toContain('fill="none" stroke="#0072B2"');
    const wire = surfacePlot(saddle, { ...opts, samples: 21, fill: 'none' });
    expect(wire).toContain('fill="none" stroke="#0072B2"');
  });

  it('rejects bad input', () => {
    expect(() => surfacePlot(saddle)).toThrow(/surfacePlot: xRange and yRange are required/);
    expect(() => surfacePlot(saddle, { ...opts, stride: 0 })).toThrow(
      /stride must be an integer ≥ 1/,
    );
    expect(() => surfacePlot(saddle, { ...opts, azimuth: Number.NaN })).toThrow(
      /must be a finite number/,
    );
  });
});

describe('surfacePlot over non-finite values', () => {
  it('leaves out the faces touching NaN instead of drawing them at the lowest z', () => {
    // NaN for x > 0: of the 10 × 10 faces (stride 2 on 21 samples) only the 5 columns with x ≤ 0 remain
    const svg = surfacePlot((x, y) => (x > 1e-9 ? Number.NaN : x + y), {
      ...opts,
      samples: 21,
      stride: 2,
    });
    expect(svg).toContain('data-faces="50"');
    expect(svg).toMatch(/<desc[^>]*>[^<]*z from −2 to 1/);
  });
});
