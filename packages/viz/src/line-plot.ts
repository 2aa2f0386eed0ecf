import { GdRangeError, GdTypeError } from '@gd/errors';
import { curveLinear, curveStepAfter, curveStepBefore, line } from 'd3-shape';
import { type ScaleType, makeFrame, paddedDomain } from './axes';
import { assertRange } from './errors';
import { formatValue } from './format';
import { type LegendEntry, type LegendLocation, drawLegend } from './legend';
import { type MarkerShape, marker } from './markers';
import { type MarkerName, PLOT_KEYS, checkDash, checkKeys, oneOf, resolveMarker } from './options';
import { type PlotOptions, assemble, dashArray, extent, setup } from './plot-common';
import { el } from './svg';

/** One line of a {@link linePlot}. */
export interface Series {
  /** y values; non-finite values break the line (as matplotlib does with NaN). */
  y: ArrayLike<number>;
  /** x values (default 0, 1, 2, …); must have the same length as `y`. */
  x?: ArrayLike<number>;
  /** Legend label; series without a label are left out of the legend. */
  label?: string;
  /** Colour (default: the theme palette in order). */
  color?: string;
  /** `'solid'` (default), `'dashed'`, `'dotted'`, `'dashdot'` or an SVG dasharray. */
  dash?: string;
  /** Marker at each point (default `'none'`): a gd name or its matplotlib code (`'o'`, `'x'`…). */
  marker?: MarkerName;
  /** Marker size in px (default 6). */
  markerSize?: number;
  /** Line width in px (default theme.lineWidth); 0 draws markers only. */
  lineWidth?: number;
  /** Draw as a step function like matplotlib's `drawstyle='steps-post'` (`'post'`) or `'pre'`. */
  step?: 'pre' | 'post';
}

/** Options of {@link linePlot}. */
export interface LinePlotOptions extends PlotOptions {
  xLabel?: string;
  yLabel?: string;
  /** `'linear'` (default) or `'log'` (base 10). */
  xScale?: ScaleType;
  yScale?: ScaleType;
  /** Fixed x range, like `plt.xlim`. Default: the data range plus 5 % margins. */
  xLim?: [number, number];
  /** Fixed y range, like `plt.ylim`. */
  yLim?: [number, number];
  /** Legend position (default `'best'`). */
  legend?: LegendLocation;
  /** Light grid lines at the major ticks (default true). */
  grid?: boolean;
}

/** Validated pixel-ready series. */
interface Prepared {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  s: Series;
  color: string;
  marker: MarkerShape;
}

const SERIES_KEYS = [
  'y',
  'x',
  'label',
  'color',
  'dash',
  'marker',
  'markerSize',
  'lineWidth',
  'step',
];

/** The option names of {@link linePlot}. */
export const LINE_PLOT_KEYS = [
  ...PLOT_KEYS,
  'xLabel',
  'yLabel',
  'xScale',
  'yScale',
  'xLim',
  'yLim',
  'legend',
  'grid',
];

/** Checks the scale options shared by linePlot and functionPlot. */
export function checkScales(op: string, o: { xScale?: unknown; yScale?: unknown }): void {
  if (o.xScale !== undefined) oneOf(op, 'xScale', o.xScale, ['linear', 'log']);
  if (o.yScale !== undefined) oneOf(op, 'yScale', o.yScale, ['linear', 'log']);
}

function prepare(op: string, series: Series[], palette: readonly string[]): Prepared[] {
  if (series.length === 0)
    throw new GdRangeError(`${op}: no series given; pass at least one { y: [...] }`);
  return series.map((s, i) => {
    if (!s || s.y === undefined || typeof s.y.length !== 'number') {
      throw new GdTypeError(`${op}: series[${i}].y must be an array of numbers`);
    }
    checkKeys(op, `series[${i}]`, s, SERIES_KEYS);
    checkDash(op, `series[${i}].dash`, s.dash);
    if (s.step !== undefined) oneOf(op, `series[${i}].step`, s.step, ['pre', 'post']);
    const m = resolveMarker(op, `series[${i}].marker`, s.marker ?? 'none');
    if (s.y.length === 0)
      throw new GdRangeError(
        `${op}: series[${i}]${s.label ? ` (${s.label})` : ''} is empty; give it at least one point`,
      );
    const x = s.x ?? Array.from({ length: s.y.length }, (_, k) => k);
    if (x.length !== s.y.length) {
      throw new GdRangeError(
        `${op}: series[${i}] has ${x.length} x values but ${s.y.length} y values; they must match`,
      );
    }
    return { x, y: s.y, s, color: s.color ?? palette[i % palette.length], marker: m };
  });
}

/** Pixel points of a series, split at non-finite (or, on log axes, non-positive) values. */
function segments(
  p: Prepared,
  px: (v: number) => number,
  py: (v: number) => number,
  xLog: boolean,
  yLog: boolean,
): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let i = 0; i < p.y.length; i++) {
    const xv = p.x[i];
    const yv = p.y[i];
    const ok = Number.isFinite(xv) && Number.isFinite(yv) && (!xLog || xv > 0) && (!yLog || yv > 0);
    if (!ok) {
      if (cur.length) out.push(cur);
      cur = [];
      continue;
    }
    cur.push([px(xv), py(yv)]);
  }
  if (cur.length) out.push(cur);
  return out;
}

/**
 * The `d` attribute of a series through d3-shape's line generator: gaps at undefined points,
 * step curves for `step`, coordinates rounded to 2 decimals so output is byte-stable.
 */
function pathD(segs: [number, number][][], step?: 'pre' | 'post'): string {
  const gen = line<[number, number]>()
    .curve(step === 'post' ? curveStepAfter : step === 'pre' ? curveStepBefore : curveLinear)
    .digits(2);
  let d = '';
  for (const seg of segs) d += gen(seg) ?? '';
  return d;
}

/**
 * Draws series into a frame; shared with {@link functionPlot}. Returns the data SVG, the pixel
 * points and the drawn polylines (for the legend placement).
 */
export function drawSeries(
  prepared: Prepared[],
  px: (v: number) => number,
  py: (v: number) => number,
  xLog: boolean,
  yLog: boolean,
  defaultWidth: number,
): { svg: string; points: [number, number][]; lines: [number, number][][] } {
  let svg = '';
  const points: [number, number][] = [];
  const lines: [number, number][][] = [];
  prepared.forEach((p, i) => {
    const segs = segments(p, px, py, xLog, yLog);
    const lw = p.s.lineWidth ?? defaultWidth;
    let g = '';
    if (lw > 0) {
      g += el('path', {
        d: pathD(segs, p.s.step),
        fill: 'none',
        stroke: p.color,
        'stroke-width': lw,
        'stroke-dasharray': dashArray(p.s.dash, lw),
        'stroke-linejoin': 'round',
        'stroke-linecap': 'round',
      });
    }
    if (lw > 0) lines.push(...segs);
    const m = p.marker;
    for (const seg of segs) {
      for (const pt of seg) {
        points.push(pt);
        if (m !== 'none') g += marker(m, pt[0], pt[1], p.s.markerSize ?? 6, p.color);
      }
    }
    svg += el('g', { class: 'series', 'data-index': i, 'data-label': p.s.label }, g);
  });
  return { svg, points, lines };
}

/** Shared by linePlot and functionPlot: the legend entries of labelled series. */
export function seriesLegend(prepared: Prepared[], defaultWidth: number): LegendEntry[] {
  return prepared
    .filter((p) => p.s.label)
    .map((p) => ({
      label: p.s.label as string,
      color: p.color,
      line: (p.s.lineWidth ?? defaultWidth) > 0,
      dash: dashArray(p.s.dash, p.s.lineWidth ?? defaultWidth),
      marker: p.marker,
    }));
}

export { prepare as prepareSeries };

/**
 * Plots one or more series of (x, y) points as lines, like `plt.plot`: loss and accuracy curves,
 * learning-rate schedules. Linear or log axes with 1-2-5 ticks, legend, markers, step lines.
 *
 * The y axis maps data to pixels as $p_y = b - (y - y_0)/(y_1 - y_0) · h$ (log axes use $\log_{10} y$).
 * Defaults: 640 × 400 px, 5 % data margins, legend `'best'`, grid on, Okabe–Ito colours.
 *
 * @example
 * ```js
 * const svg = linePlot(
 *   [{ y: trainAcc, label: 'training set' }, { y: testAcc, label: 'test set' }],
 *   { title: 'accuracy', xLabel: 'count', yLabel: 'accuracy', yLim: [0, 1], legend: 'lower right' },
 * );
 * ```
 */
export function linePlot(series: Series | Series[], options: LinePlotOptions = {}): string {
  const op = 'linePlot';
  checkKeys(op, 'options', options, LINE_PLOT_KEYS);
  checkScales(op, options);
  const { width, height, theme } = setup(op, options);
  const list = Array.isArray(series) ? series : [series];
  const prepared = prepare(op, list, theme.palette);
  const xs = options.xScale ?? 'linear';
  const ys = options.yScale ?? 'linear';
  if (options.xLim !== undefined) assertRange(op, 'xLim', options.xLim);
  if (options.yLim !== undefined) assertRange(op, 'yLim', options.yLim);
  const xe = extent(
    prepared.map((p) => p.x),
    xs === 'log',
  );
  const ye = extent(
    prepared.map((p) => p.y),
    ys === 'log',
  );
  if (!xe || !ye) {
    throw new GdRangeError(
      `${op}: no finite${ys === 'log' || xs === 'log' ? ' positive' : ''} points to plot`,
    );
  }
  const xDomain = options.xLim ?? paddedDomain(op, xe[0], xe[1], xs);
  const yDomain = options.yLim ?? paddedDomain(op, ye[0], ye[1], ys);
  const frame = makeFrame(
    width,
    height,
    { domain: xDomain, scale: xs, label: options.xLabel },
    { domain: yDomain, scale: ys, label: options.yLabel },
    theme,
    { title: options.title, grid: options.grid },
  );
  const { svg, points, lines } = drawSeries(
    prepared,
    frame.x,
    frame.y,
    xs === 'log',
    ys === 'log',
    theme.lineWidth,
  );
  const legend = drawLegend(
    seriesLegend(prepared, theme.lineWidth),
    frame,
    theme,
    options.legend ?? 'best',
    points,
    lines,
  );
  const title = options.title ?? 'Line plot';
  const desc =
    options.description ??
    `Line plot of ${prepared.length} series${options.xLabel ? ` against ${options.xLabel}` : ''}: ${prepared
      .map((p) => {
        const e = extent([p.y]);
        return `${p.s.label ?? 'unlabelled'} (${p.y.length} points, y from ${e ? formatValue(e[0]) : 'n/a'} to ${e ? formatValue(e[1]) : 'n/a'})`;
      })
      .join('; ')}.`;
  return assemble(width, height, theme, title, desc, frame, svg, legend);
}
