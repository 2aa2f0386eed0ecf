import { GdError } from '@gd/errors';
import { describe, expect, it } from 'vitest';
import { animateTrajectory, contourPlot, functionPlot, linePlot } from '../src/index';
import { checkDash, checkKeys, oneOf, resolveMarker, toPathList } from '../src/options';

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

const bowl = (x: number, y: number) => x * x + 2 * y * y;
const ranges = {
  xRange: [-2, 2] as [number, number],
  yRange: [-2, 2] as [number, number],
  samples: 21,
};

describe('markers from plain JS', () => {
  it("accepts gd's names and matplotlib's codes for the same shapes", () => {
    const pairs: [string, string][] = [
      ['o', 'circle'],
      ['s', 'square'],
      ['^', 'triangle'],
      ['D', 'diamond'],
      ['d', 'diamond'],
      ['x', 'cross'],
      ['X', 'cross'],
      ['+', 'plus'],
      ['P', 'plus'],
      ['*', 'star'],
      ['', 'none'],
      ['none', 'none'],
    ];
    for (const [code, name] of pairs) {
      expect(resolveMarker('op', 'marker', code)).toBe(name);
      expect(resolveMarker('op', 'marker', name)).toBe(name);
    }
  });

  it("marker: 'x' draws crosses (it drew nothing before) and no marker writes 'undefined'", () => {
    const x = linePlot({ y: [1, 2, 3], marker: 'x' as never });
    const cross = linePlot({ y: [1, 2, 3], marker: 'cross' });
    expect(x).toBe(cross);
    expect((x.match(/stroke-linecap="round"/g) ?? []).length).toBeGreaterThanOrEqual(3);
    for (const m of ['o', 's', '^', 'D', 'x', '+', '*', 'circle', 'star']) {
      expect(linePlot({ y: [1, 2], marker: m as never })).not.toContain('undefined');
    }
  });

  it('refuses other markers in every plot with a typed error listing the accepted names', () => {
    const runs: [string, () => unknown][] = [
      ['linePlot: series[0].marker', () => linePlot({ y: [1, 2], marker: 'v' as never })],
      [
        'functionPlot: path[0].marker',
        () => functionPlot((x) => x, { domain: [0, 1], path: { x: [0.5], marker: 'h' as never } }),
      ],
      [
        'contourPlot: trajectories[0].marker',
        () =>
          contourPlot(bowl, {
            ...ranges,
            trajectories: [{ x: [1, 0], y: [1, 0], marker: 'triangle-up' as never }],
          }),
      ],
      [
        'animateTrajectory: path.marker',
        () =>
          animateTrajectory({
            f: (x) => x,
            domain: [0, 1],
            path: { x: [0.5], marker: 7 as never },
          }),
      ],
    ];
    for (const [prefix, run] of runs) {
      const e = thrown(run);
      expect(e).toBeInstanceOf(RangeError);
      expect(e).toBeInstanceOf(GdError);
      expect(e.message.startsWith(prefix)).toBe(true);
      expect(e.message).toContain(
        "is not a marker gd draws; use one of 'circle' ('o'), 'square' ('s'), 'triangle' ('^'), 'diamond' ('D', 'd'), 'cross' ('x', 'X'), 'plus' ('+', 'P'), 'star' ('*'), 'none'",
      );
    }
  });
});

describe('path shapes', () => {
  it('functionPlot and animateTrajectory accept the same shapes: array, { x }, or a list of them', () => {
    const f = (x: number) => x * x;
    const opts = { domain: [-3, 3] as [number, number] };
    const xs = [3, 1.8, 1.08];
    const asObject = functionPlot(f, { ...opts, path: { x: xs } });
    expect(functionPlot(f, { ...opts, path: xs })).toBe(asObject);
    expect(functionPlot(f, { ...opts, path: Float64Array.from(xs) })).toBe(asObject);
    expect(functionPlot(f, { ...opts, path: [xs] })).toBe(asObject);
    expect(functionPlot(f, { ...opts, path: [{ x: xs }] })).toBe(asObject);
    const two = functionPlot(f, { ...opts, path: [xs, { x: [-3, -2], label: 'b' }] });
    expect((two.match(/class="path"/g) ?? []).length).toBe(2);
    expect(toPathList('op', 'path', [[1], [2]]).map((p) => Array.from(p.x))).toEqual([[1], [2]]);
    expect(animateTrajectory({ f, ...opts, path: xs })).toEqual(
      animateTrajectory({ f, ...opts, path: { x: xs } }),
    );
  });

  it('refuses other shapes naming both accepted forms', () => {
    for (const bad of [{ y: [1] }, 'abc', [1, 'a'], { x: 'abc' }, null]) {
      const e = thrown(() => functionPlot((x) => x, { domain: [0, 1], path: bad as never }));
      expect(e).toBeInstanceOf(TypeError);
      expect(e).toBeInstanceOf(GdError);
      expect(e.message).toMatch(/^functionPlot: path/);
    }
    expect(() =>
      functionPlot((x) => x, { domain: [0, 1], path: { x: [0.5], colour: 'red' } as never }),
    ).toThrow(/functionPlot: unknown option 'colour' in path/);
  });
});

describe('option names and enumerated values', () => {
  it('refuses unknown option names with a hint for a different case', () => {
    const e = thrown(() => linePlot({ y: [1] }, { xlabel: 'step' } as never));
    expect(e).toBeInstanceOf(TypeError);
    expect(e).toBeInstanceOf(GdError);
    expect(e.message).toMatch(
      /^linePlot: unknown option 'xlabel' in options; did you mean 'xLabel'\?/,
    );
    expect(() => linePlot({ y: [1], colour: 'red' } as never)).toThrow(
      /linePlot: unknown option 'colour' in series\[0\]/,
    );
    expect(() => functionPlot((x) => x, { domain: [0, 1], x_lim: [0, 1] } as never)).toThrow(
      /did you mean 'xLim'/,
    );
    expect(() => contourPlot(bowl, { ...ranges, colourmap: 'viridis' } as never)).toThrow(
      /contourPlot: unknown option 'colourmap'/,
    );
    expect(() =>
      contourPlot(bowl, { ...ranges, trajectories: [{ x: [0], y: [0], lable: 'a' }] } as never),
    ).toThrow(/contourPlot: unknown option 'lable' in trajectories\[0\]/);
    expect(() => checkKeys('op', 'options', 3, ['a'])).toThrow(/op: options must be an object/);
  });

  it('checks scales, step styles, level scales and dashes', () => {
    expect(() => linePlot({ y: [1, 2] }, { yScale: 'logarithmic' } as never)).toThrow(
      "linePlot: yScale must be one of 'linear', 'log', got 'logarithmic'",
    );
    expect(() => functionPlot((x) => x + 2, { domain: [0, 1], yScale: 'ln' } as never)).toThrow(
      /functionPlot: yScale must be one of/,
    );
    expect(() => linePlot({ y: [1, 2], step: 'mid' } as never)).toThrow(
      /series\[0\]\.step must be one of 'pre', 'post'/,
    );
    expect(() => contourPlot(bowl, { ...ranges, levelScale: 'exp' } as never)).toThrow(
      /contourPlot: levelScale must be one of 'linear', 'log'/,
    );
    expect(() => linePlot({ y: [1, 2], dash: 'dash' })).toThrow(
      /linePlot: series\[0\]\.dash must be 'solid', 'dashed', 'dotted', 'dashdot' or an SVG dasharray/,
    );
    expect(linePlot({ y: [1, 2], dash: '4 2' })).toContain('stroke-dasharray="4 2"');
    expect(() => checkDash('op', 'dash', '4,2,1')).not.toThrow();
    expect(() => checkDash('op', 'dash', 4)).toThrow(RangeError);
    expect(oneOf('op', 'x', 'log', ['linear', 'log'])).toBe('log');
  });
});
