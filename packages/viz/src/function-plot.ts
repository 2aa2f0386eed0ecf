import { GdRangeError, GdTypeError } from '@gd/errors';
import { drawAnnotations, type Annotation } from './annotation';
import { makeFrame, paddedDomain } from './axes';
import { assertFinite, assertPositiveInt, assertRange } from './errors';
import { formatValue } from './format';
import { type LegendEntry, drawLegend } from './legend';
import {
  LINE_PLOT_KEYS,
  type LinePlotOptions,
  checkScales,
  drawSeries,
  prepareSeries,
  seriesLegend,
  type Series,
} from './line-plot';
import { marker } from './markers';
import { type MarkerName, checkKeys, resolveMarker, toPathList } from './options';
import { assemble, extent, setup } from './plot-common';
import { el, pathFrom } from './svg';

/** A 1-D optimisation path drawn as points on the curve (the gradient-descent lecture's Logger). */
export interface FunctionPath {
  /** Iterates x₀, x₁, …; drawn at (x_k, f(x_k)). */
  x: ArrayLike<number>;
  /** Heights; default f(x_k) of the first function. */
  y?: ArrayLike<number>;
  label?: string;
  color?: string;
  /**
   * Marker of the intermediate points (default `'circle'`; up to 200 evenly spaced iterates get
   * one): a gd name or its matplotlib code (`'o'`, `'x'`…).
   */
  marker?: MarkerName;
  /** Join the points with a thin line (default true). */
  line?: boolean;
}

/** Options of {@link functionPlot}. */
export interface FunctionPlotOptions extends Omit<LinePlotOptions, 'xScale'> {
  /** x range [a, b] to draw f on. */
  domain: [number, number];
  /** Number of sample points (default 400). */
  samples?: number;
  /** Legend labels of the functions, in order (default: none, no legend for curves). */
  labels?: string[];
  /** Line styles of the functions, in order. */
  styles?: Omit<Series, 'x' | 'y'>[];
  /** Text labels with arrows (d2l's "local minimum", "saddle point"…). */
  annotations?: Annotation[];
  /**
   * Optimisation paths drawn on the curve: the iterates `[x₀, x₁, …]` (as {@link animateTrajectory}
   * takes them), a {@link FunctionPath} `{ x, label, … }`, or an array of either.
   */
  path?: FunctionPath | ArrayLike<number> | Array<FunctionPath | ArrayLike<number>>;
}

const FUNCTION_PLOT_KEYS = [
  ...LINE_PLOT_KEYS.filter((k) => k !== 'xScale'),
  'domain',
  'samples',
  'labels',
  'styles',
  'annotations',
  'path',
];

/** Rejects a malformed annotation with a message naming it, before any drawing. */
function checkAnnotation(op: string, a: Annotation, i: number): void {
  const what = `annotations[${i}]`;
  if (!a || typeof a.text !== 'string')
    throw new GdTypeError(
      `${op}: ${what}.text must be a string, e.g. { text: 'minimum', xy: [0, 0] }`,
    );
  if (!Array.isArray(a.xy) || a.xy.length !== 2)
    throw new GdTypeError(
      `${op}: ${what}.xy must be the [x, y] point the label refers to, got ${String(a.xy)}`,
    );
  assertFinite(op, `${what}.xy`, a.xy);
  if (a.xyText !== undefined) {
    if (!Array.isArray(a.xyText) || a.xyText.length !== 2)
      throw new GdTypeError(
        `${op}: ${what}.xyText must be the [x, y] position of the text, got ${String(a.xyText)}`,
      );
    assertFinite(op, `${what}.xyText`, a.xyText);
  }
}

/**
 * Samples f at `n` evenly spaced points of [a, b], both ends included: $x_i = a + (b − a)\,i/(n − 1)$
 * (np.linspace).
 *
 * @example
 * ```js
 * sampleFunction((x) => x * x, [0, 2], 5); // { x: [0, 0.5, 1, 1.5, 2], y: [0, 0.25, 1, 2.25, 4] }
 * ```
 */
export function sampleFunction(
  f: (x: number) => number,
  domain: [number, number],
  n: number,
): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = domain[0] + ((domain[1] - domain[0]) * i) / (n - 1);
    x.push(v);
    y.push(f(v));
  }
  return { x, y };
}

/**
 * Plots y = f(x) over a domain, with d2l-style annotations and 1-D optimisation paths drawn as
 * points $(x_k, f(x_k))$ on the curve, start hollow and end filled.
 *
 * Defaults: 400 samples, 640 × 400 px, start marker a hollow circle, end marker a star.
 *
 * @example
 * ```js
 * const svg = functionPlot((x) => x * Math.cos(Math.PI * x), {
 *   domain: [-1, 2], xLabel: 'x', yLabel: 'f(x)',
 *   annotations: [{ text: 'local minimum', xy: [-0.3, -0.25], xyText: [-0.77, -1.0] }],
 * });
 * ```
 */
export function functionPlot(
  f: ((x: number) => number) | Array<(x: number) => number>,
  options: FunctionPlotOptions,
): string {
  const op = 'functionPlot';
  checkKeys(op, 'options', options, FUNCTION_PLOT_KEYS);
  if (options) checkScales(op, { yScale: options.yScale });
  const { width, height, theme } = setup(op, options);
  const fns = Array.isArray(f) ? f : [f];
  if (fns.length === 0) throw new GdRangeError(`${op}: no function given`);
  fns.forEach((g, i) => {
    if (typeof g !== 'function')
      throw new GdTypeError(`${op}: f[${i}] must be a function (x: number) => number`);
  });
  if (!options || options.domain === undefined)
    throw new GdRangeError(`${op}: options.domain [a, b] is required`);
  assertRange(op, 'domain', options.domain);
  const n = options.samples ?? 400;
  assertPositiveInt(op, 'samples', n, 2);
  if (options.yLim !== undefined) assertRange(op, 'yLim', options.yLim);
  const ys = options.yScale ?? 'linear';
  const series: Series[] = fns.map((g, i) => {
    const s = sampleFunction(g, options.domain, n);
    return { ...(options.styles?.[i] ?? {}), x: s.x, y: s.y, label: options.labels?.[i] };
  });
  const prepared = prepareSeries(op, series, theme.palette);
  const paths = toPathList(op, 'path', options.path);
  const pathMarkers = paths.map((p, i) =>
    resolveMarker(op, `path[${i}].marker`, p.marker ?? 'circle'),
  );
  const pathPts = paths.map((p, i) => {
    if (!p || p.x === undefined || p.x.length === 0)
      throw new GdRangeError(`${op}: path[${i}].x is empty; give at least one iterate`);
    assertFinite(op, `path[${i}].x`, p.x);
    const y = p.y ?? Array.from(p.x, (v) => fns[0](v));
    if (y.length !== p.x.length) {
      throw new GdRangeError(
        `${op}: path[${i}] has ${p.x.length} x values but ${y.length} y values; they must match`,
      );
    }
    return { x: p.x, y };
  });
  (options.annotations ?? []).forEach((a, i) => {
    checkAnnotation(op, a, i);
  });
  const annYs = (options.annotations ?? []).flatMap((a) => [
    a.xy[1],
    ...(a.xyText ? [a.xyText[1]] : []),
  ]);
  const ye = extent([...prepared.map((p) => p.y), ...pathPts.map((p) => p.y), annYs], ys === 'log');
  if (!ye)
    throw new GdRangeError(`${op}: f has no finite values on [${options.domain.join(', ')}]`);
  const xDomain = options.xLim ?? paddedDomain(op, options.domain[0], options.domain[1], 'linear');
  if (options.xLim !== undefined) assertRange(op, 'xLim', options.xLim);
  const yDomain = options.yLim ?? paddedDomain(op, ye[0], ye[1], ys);
  const frame = makeFrame(
    width,
    height,
    { domain: xDomain, label: options.xLabel },
    { domain: yDomain, scale: ys, label: options.yLabel },
    theme,
    { title: options.title, grid: options.grid },
  );
  const drawn = drawSeries(prepared, frame.x, frame.y, false, ys === 'log', theme.lineWidth);
  let data = drawn.svg;
  const points = [...drawn.points];
  const lines = [...drawn.lines];
  const legendEntries: LegendEntry[] = seriesLegend(prepared, theme.lineWidth);
  paths.forEach((p, i) => {
    const color = p.color ?? theme.palette[(fns.length + i) % theme.palette.length];
    const pts: [number, number][] = [];
    for (let k = 0; k < p.x.length; k++) {
      const yv = pathPts[i].y[k];
      if (Number.isFinite(yv)) pts.push([frame.x(p.x[k]), frame.y(yv)]);
    }
    let g = '';
    if (p.line !== false && pts.length > 1) {
      lines.push(pts);
      g += el('path', {
        d: pathFrom(pts),
        fill: 'none',
        stroke: color,
        'stroke-width': 1,
        'stroke-opacity': 0.7,
      });
    }
    const m = pathMarkers[i];
    // long runs (the lecture's 10 001 updates) keep a readable, bounded number of markers
    const every = Math.max(1, Math.ceil(pts.length / 200));
    for (let k = 1; k < pts.length - 1; k += every) g += marker(m, pts[k][0], pts[k][1], 5, color);
    if (pts.length > 0) {
      g += el(
        'g',
        { class: 'path-start' },
        marker('circle', pts[0][0], pts[0][1], 9, theme.background, color, 2),
      );
      const last = pts[pts.length - 1];
      if (pts.length > 1)
        g += el(
          'g',
          { class: 'path-end' },
          marker('star', last[0], last[1], 14, color, theme.background, 0.8),
        );
    }
    points.push(...pts);
    data += el('g', { class: 'path', 'data-label': p.label }, g);
    if (p.label) legendEntries.push({ label: p.label, color, line: p.line !== false, marker: m });
  });
  const annotations = drawAnnotations(options.annotations ?? [], frame.x, frame.y, theme, points);
  const overlay =
    annotations + drawLegend(legendEntries, frame, theme, options.legend ?? 'best', points, lines);
  const title = options.title ?? 'Function plot';
  const desc =
    options.description ??
    `Plot of ${fns.length} function${fns.length > 1 ? 's' : ''} on [${formatValue(options.domain[0])}, ${formatValue(options.domain[1])}]` +
      (paths.length
        ? `, with ${paths.length} optimisation path${paths.length > 1 ? 's' : ''} (${paths.map((p) => `${p.x.length} iterates ending at x = ${formatValue(p.x[p.x.length - 1])}`).join('; ')})`
        : '') +
      ((options.annotations ?? []).length
        ? `; annotations: ${(options.annotations ?? []).map((a) => a.text.replace(/\n/g, ' ')).join(', ')}`
        : '') +
      '.';
  return assemble(width, height, theme, title, desc, frame, data, overlay);
}
