import { describe, expect, it } from 'vitest';
import { animateTrajectory, frameIndices } from '../src/animate';
import { plotArea } from './helpers';

describe('frameIndices', () => {
  it('spreads frames evenly and keeps both ends', () => {
    expect(frameIndices(5, 3)).toEqual([0, 2, 4]);
    expect(frameIndices(3, 10)).toEqual([0, 1, 2]);
    expect(frameIndices(1, 5)).toEqual([0]);
  });
});

describe('animateTrajectory', () => {
  const xs = [3, 2.4, 1.92, 1.536, 1.2288];

  it('builds one frame per iterate with fixed axes and a moving path', () => {
    const frames = animateTrajectory({ f: (x) => x * x, domain: [-3, 3], path: xs, label: 'GD' });
    expect(frames).toHaveLength(5);
    const areas = frames.map(plotArea);
    for (const a of areas) expect(a).toEqual(areas[0]);
    expect(frames[0]).toContain('step 0: x = 3, f(x) = 9');
    expect(frames[4]).toContain('step 4: x = 1.229');
    expect(frames[0]).not.toContain('class="path-end"');
    expect(frames[4]).toContain('class="path-end"');
    const legendLocs = frames.map((f) => /data-loc="([a-z ]+)"/.exec(f)?.[1]);
    expect(new Set(legendLocs).size).toBe(1);
  });

  it('subsamples long runs to the frame budget and animates 2-D trajectories', () => {
    const n = 40;
    const t = {
      x: Array.from({ length: n }, (_, k) => 1 - k / n),
      y: Array.from({ length: n }, (_, k) => 1 - k / n),
      label: 'SGD',
    };
    const frames = animateTrajectory({
      f: (x, y) => x * x + y * y,
      xRange: [-1, 1],
      yRange: [-1, 1],
      trajectories: [t],
      frames: 8,
      samples: 21,
    });
    expect(frames).toHaveLength(8);
    const pts = (f: string) => (/data-points="([^"]+)"/.exec(f)?.[1] ?? '').split(' ').length;
    expect(pts(frames[0])).toBe(1);
    expect(pts(frames[7])).toBe(40);
    expect(frames[7]).toContain('step 39');
  });

  it('rejects bad input', () => {
    expect(() => animateTrajectory({ f: (x) => x, domain: [0, 1], path: [] })).toThrow(
      /animateTrajectory: path is empty/,
    );
    expect(() => animateTrajectory({ f: (x) => x, domain: [0, 1], path: [Number.NaN] })).toThrow(
      /path\[0\] must be a finite number/,
    );
    expect(() => animateTrajectory({ f: (x) => x, domain: [0, 1], path: [1], frames: 0 })).toThrow(
      /frames must be an integer ≥ 1/,
    );
    expect(() => animateTrajectory({ f: (x, y) => x + y, trajectories: [] })).toThrow(
      /trajectories is empty/,
    );
    // @ts-expect-error: neither shape
    expect(() => animateTrajectory({ f: (x) => x })).toThrow(/expected \{ f, path \}/);
    // a path that is neither shape names both accepted shapes
    expect(() =>
      animateTrajectory({ f: (x) => x, domain: [0, 1], path: { y: [0.5] } as never }),
    ).toThrow(
      /animateTrajectory: path must be the iterates as an array of numbers \(\[x₀, x₁, …\]\) or \{ x: \[x₀, x₁, …\], label\? \}/,
    );
  });

  it("takes functionPlot's { x } path shape as well as an array, with the same frames", () => {
    const run = { f: (x: number) => x * x, domain: [-1, 1] as [number, number], frames: 4 };
    const fromArray = animateTrajectory({ ...run, path: [0.9, 0.5, 0.2], label: 'GD' });
    const fromObject = animateTrajectory({ ...run, path: { x: [0.9, 0.5, 0.2], label: 'GD' } });
    expect(fromObject).toEqual(fromArray);
    expect(fromArray).toHaveLength(3);
  });
});
