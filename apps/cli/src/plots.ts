/** Writes figures by file extension (.svg, .png, .gif), atomically, and trajectory plots of runs. */
import { extname } from 'node:path';
import { animateGif, animateTrajectory, contourPlot, functionPlot, toPng } from '@gd/viz/node';
import { UsageError } from './errors';
import { writeAtomic } from './output';
import { type Problem, type RunResult, numericFunction } from './problem';

/** Extensions a figure can be written as. */
const FIGURE_EXTENSIONS = ['.svg', '.png', '.gif'];

/** Checks an output path's extension early, before any work. */
export function checkFigurePath(option: string, path: string): void {
  if (!FIGURE_EXTENSIONS.includes(extname(path).toLowerCase()))
    throw new UsageError(
      `${option} ${path}: unknown figure type`,
      'end the file name in .svg, .png or .gif',
    );
}

/**
 * Writes a figure: `.svg` as is, `.png` rasterised, `.gif` animated from `frames` (or the still
 * figure as one frame).
 */
export function writeFigure(path: string, svg: string, frames?: () => string[]): void {
  const ext = extname(path).toLowerCase();
  if (ext === '.svg') writeAtomic(path, svg);
  else if (ext === '.png') writeAtomic(path, toPng(svg, { scale: 2 }));
  else writeAtomic(path, animateGif(frames ? frames() : [svg], { fps: 12, holdLast: 1500 }));
}

/** A run to draw: its label and result. */
export interface LabelledRun {
  label: string;
  result: RunResult;
}

function padRange(
  values: Float64Array[],
  fallback: readonly [number, number] | undefined,
): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values)
    for (const x of v)
      if (Number.isFinite(x)) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
  if (fallback) {
    lo = Math.min(lo, fallback[0]);
    hi = Math.max(hi, fallback[1]);
    return [lo, hi];
  }
  if (!(hi > lo)) return [lo - 1, hi + 1];
  const m = (hi - lo) * 0.15;
  return [lo - m, hi + m];
}

/**
 * The picture of one or more runs: a function plot with the iterates for 1-D problems, a contour
 * plot with every trajectory for 2-D ones. Returns the SVG and a frame maker for GIFs.
 */
export function trajectoryFigure(
  problem: Problem,
  runs: readonly LabelledRun[],
  title: string,
): { svg: string; frames: () => string[] } {
  const f = numericFunction(problem);
  const dims = problem.expr.variables.length;
  const domain = problem.surface?.domain;
  if (dims === 1) {
    const name = problem.expr.variables[0];
    const d = padRange(
      runs.map((r) => r.result.path[0]),
      domain?.[name],
    );
    const g = (x: number) => f(x);
    const svg = functionPlot(g, {
      domain: d,
      title,
      xLabel: name,
      yLabel: 'f',
      path: runs.map((r) => ({ x: r.result.path[0], label: r.label })),
    });
    const frames = () =>
      animateTrajectory({
        f: g,
        domain: d,
        path: runs[0].result.path[0],
        label: runs[0].label,
        title,
      });
    return { svg, frames };
  }
  if (dims !== 2)
    throw new UsageError(
      `cannot draw a function of ${dims} variables`,
      'plots are drawn for 1-D and 2-D expressions; drop --plot',
    );
  const [xn, yn] = problem.expr.variables;
  const xRange = padRange(
    runs.map((r) => r.result.path[0]),
    domain?.[xn],
  );
  const yRange = padRange(
    runs.map((r) => r.result.path[1]),
    domain?.[yn],
  );
  const g = (x: number, y: number) => f(x, y);
  const trajectories = runs.map((r) => ({
    x: r.result.path[0],
    y: r.result.path[1],
    label: r.label,
  }));
  const m = problem.surface?.minimum;
  const minimum: [number, number] | undefined = m ? [m[xn], m[yn]] : undefined;
  let lo = Number.POSITIVE_INFINITY;
  for (let i = 0; i <= 20; i++)
    for (let j = 0; j <= 20; j++)
      lo = Math.min(
        lo,
        g(
          xRange[0] + ((xRange[1] - xRange[0]) * i) / 20,
          yRange[0] + ((yRange[1] - yRange[0]) * j) / 20,
        ),
      );
  const levelScale = lo >= 0 ? 'log' : 'linear';
  const common = { xRange, yRange, xLabel: xn, yLabel: yn, title, levelScale, minimum } as const;
  const svg = contourPlot(g, { ...common, trajectories, samples: 101 });
  const frames = () =>
    animateTrajectory({ f: g, ...common, trajectories, samples: 61, frames: 40 });
  return { svg, frames };
}
