import { GdRangeError, GdTypeError } from '@gd/errors';
import { paddedDomain } from './axes';
import { type ContourPlotOptions, type Trajectory, contourPlot } from './contour-plot';
import { assertFinite, assertPositiveInt, assertRange } from './errors';
import { formatValue } from './format';
import { type FunctionPlotOptions, functionPlot, sampleFunction } from './function-plot';
import { type Grid2D, sampleGrid } from './grid';
import type { LegendLocation } from './legend';
import { extent } from './plot-common';
import { type PathObject, resolveMarker, toPathObject } from './options';

/** A 1-D run to animate: x_k on the curve y = f(x) (the gradient-descent lecture's Logger.gif). */
export interface FunctionAnimation extends Omit<FunctionPlotOptions, 'path'> {
  f: (x: number) => number;
  /**
   * Iterates x₀, x₁, … — as an array, or as `{ x, label?, … }` like {@link functionPlot}'s `path`.
   */
  path: ArrayLike<number> | PathObject;
  /** Legend label of the path. */
  label?: string;
  /** Maximum number of frames (default 60); long runs are subsampled evenly, ends kept. */
  frames?: number;
}

/** A 2-D run to animate over contours (the Momentum vs Adam vs SGD comparison). */
export interface ContourAnimation extends Omit<ContourPlotOptions, 'trajectories'> {
  f: ((x: number, y: number) => number) | Grid2D;
  trajectories: Trajectory[];
  /** Maximum number of frames (default 60). */
  frames?: number;
}

/**
 * Iterate indices shown in each frame: $k_j = \mathrm{round}(j (n − 1)/(m − 1))$ for
 * m = min(n, frames) frames, so the first and last iterates are always shown.
 *
 * @example
 * ```js
 * frameIndices(5, 3); // [0, 2, 4]
 * ```
 */
export function frameIndices(n: number, frames: number): number[] {
  const m = Math.min(n, frames);
  if (m <= 1) return [n - 1];
  const out: number[] = [];
  for (let k = 0; k < m; k++) out.push(Math.round((k * (n - 1)) / (m - 1)));
  return out;
}

function legendLocOf(svg: string): LegendLocation | undefined {
  const m = /class="legend" data-loc="([a-z ]+)"/.exec(svg);
  return m ? (m[1] as LegendLocation) : undefined;
}

/**
 * Builds the frames (SVG strings) of an optimisation run for `animateGif` (in `@gd/viz/node`): frame k draws the
 * iterates up to step ⌊k (n − 1)/(m − 1)⌉ of n, for m = min(n, frames) frames, with axes, levels and
 * legend fixed across frames so that only the path moves. Pass `{ f, path }` for a 1-D run on a
 * curve, `{ f, trajectories }` for 2-D runs over contours.
 *
 * @example
 * ```js
 * const xs = [3]; for (let k = 0; k < 30; k++) xs.push(xs[k] - 0.1 * 2 * xs[k]);
 * const frames = animateTrajectory({ f: (x) => x * x, domain: [-3.5, 3.5], path: xs });
 * frames.length; // 31
 * ```
 */
export function animateTrajectory(run: FunctionAnimation): string[];
export function animateTrajectory(run: ContourAnimation): string[];
export function animateTrajectory(run: FunctionAnimation | ContourAnimation): string[] {
  const op = 'animateTrajectory';
  if (!run || typeof run !== 'object')
    throw new GdTypeError(`${op}: expected { f, path } or { f, trajectories }`);
  const maxFrames = run.frames ?? 60;
  assertPositiveInt(op, 'frames', maxFrames);
  if ('path' in run && run.path !== undefined) {
    const { f, path: given, label: runLabel, frames: _frames, ...plot } = run;
    if (typeof f !== 'function')
      throw new GdTypeError(`${op}: f must be a function (x: number) => number`);
    const { x: path, y: givenY, ...pathStyle } = toPathObject(op, 'path', given);
    const label = runLabel ?? pathStyle.label;
    if (pathStyle.marker !== undefined) resolveMarker(op, 'path.marker', pathStyle.marker);
    if (path.length === 0)
      throw new GdRangeError(`${op}: path is empty; give at least one iterate`);
    assertFinite(op, 'path', path);
    assertRange(op, 'domain', plot.domain);
    const fx = f as (x: number) => number;
    const curve = sampleFunction(fx, plot.domain, plot.samples ?? 400);
    if (givenY !== undefined && givenY.length !== path.length) {
      throw new GdRangeError(
        `${op}: path has ${path.length} x values but ${givenY.length} y values; they must match`,
      );
    }
    const pathY = givenY === undefined ? Array.from(path, (v) => fx(v)) : Array.from(givenY);
    const e = extent([curve.y, pathY], plot.yScale === 'log');
    if (!e) throw new GdRangeError(`${op}: f has no finite values on the domain`);
    const yLim = plot.yLim ?? paddedDomain(op, e[0], e[1], plot.yScale ?? 'linear');
    const full = functionPlot(fx, {
      ...plot,
      yLim,
      path: { ...pathStyle, x: path, y: givenY, label },
    });
    const legend = plot.legend ?? legendLocOf(full) ?? 'best';
    return frameIndices(path.length, maxFrames).map((k) => {
      const xs = Array.from(path).slice(0, k + 1);
      const caption = `step ${k}: x = ${formatValue(path[k])}, f(x) = ${formatValue(pathY[k])}`;
      return functionPlot(fx, {
        ...plot,
        yLim,
        legend,
        title: plot.title ? `${plot.title} — ${caption}` : caption,
        path: { ...pathStyle, x: xs, y: givenY && pathY.slice(0, k + 1), label },
      });
    });
  }
  if ('trajectories' in run && Array.isArray(run.trajectories)) {
    const { f, trajectories, frames: _frames, ...plot } = run;
    if (trajectories.length === 0) throw new GdRangeError(`${op}: trajectories is empty`);
    let grid: Grid2D;
    if (typeof f === 'function') {
      if (!plot.xRange || !plot.yRange)
        throw new GdRangeError(`${op}: xRange and yRange are required when f is a function`);
      grid = sampleGrid(f, plot.xRange, plot.yRange, plot.samples ?? 121);
    } else {
      grid = f;
    }
    const full = contourPlot(grid, { ...plot, trajectories });
    const legend = plot.legend ?? legendLocOf(full) ?? 'best';
    const n = Math.max(...trajectories.map((t) => t.x.length));
    return frameIndices(n, maxFrames).map((k) => {
      const cut = trajectories.map((t) => ({
        ...t,
        marker: t.marker ?? (t.x.length <= 150 ? 'circle' : 'none'),
        x: Array.from(t.x).slice(0, k + 1),
        y: Array.from(t.y).slice(0, k + 1),
      }));
      const caption = `step ${k}`;
      return contourPlot(grid, {
        ...plot,
        legend,
        title: plot.title ? `${plot.title} — ${caption}` : caption,
        trajectories: cut,
      });
    });
  }
  throw new GdTypeError(`${op}: expected { f, path } (1-D) or { f, trajectories } (2-D)`);
}
