import { GdRangeError, GdTypeError } from '@gd/errors';
import { contours } from 'd3-contour';
import { makeFrame } from './axes';
import { COLORBAR_SPACE, drawColorbar } from './colorbar';
import { type Colormap, colormap, lighten } from './colormap';
import { assertFinite, assertPositiveInt } from './errors';
import { fmt, formatValue } from './format';
import { type Grid2D, atIndex, checkGrid, gridExtent, sampleGrid } from './grid';
import { type LegendEntry, type LegendLocation, drawLegend } from './legend';
import { marker } from './markers';
import { type MarkerName, PLOT_KEYS, checkKeys, oneOf, resolveMarker } from './options';
import { type PlotOptions, assemble, setup } from './plot-common';
import { el, pathFrom } from './svg';

/** An optimizer's iterates (x_k, y_k) drawn over a contour plot. */
export interface Trajectory {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  label?: string;
  color?: string;
  /**
   * Marker at each iterate (default `'circle'` when there are ≤ 150 iterates, else `'none'`): a gd
   * name or its matplotlib code (`'o'`, `'x'`…).
   */
  marker?: MarkerName;
}

const TRAJECTORY_KEYS = ['x', 'y', 'label', 'color', 'marker'];

/** The option names of {@link contourPlot}. */
const CONTOUR_PLOT_KEYS = [
  ...PLOT_KEYS,
  'xRange',
  'yRange',
  'samples',
  'xLabel',
  'yLabel',
  'levels',
  'levelScale',
  'filled',
  'lines',
  'colormap',
  'colorbar',
  'colorbarLabel',
  'trajectories',
  'minimum',
  'legend',
  'equalAspect',
];

/** Options of {@link contourPlot}. */
export interface ContourPlotOptions extends PlotOptions {
  /** x range when the first argument is a function. */
  xRange?: [number, number];
  /** y range when the first argument is a function. */
  yRange?: [number, number];
  /** Grid points per axis when sampling a function (default 121). */
  samples?: number | [number, number];
  xLabel?: string;
  yLabel?: string;
  /** Number of levels (default 12) or explicit level values. */
  levels?: number | number[];
  /** Spacing of generated levels: `'linear'` (default) or `'log'` (for valleys like Rosenbrock's). */
  levelScale?: 'linear' | 'log';
  /** Fill the bands between levels, like `contourf` (default true). */
  filled?: boolean;
  /** Draw the level lines, like `contour` (default true). */
  lines?: boolean;
  /** Colour map of the levels (default `'viridis'`). */
  colormap?: Colormap;
  /** Colour bar beside the plot (default: true when filled). */
  colorbar?: boolean;
  /** Label of the colour bar. */
  colorbarLabel?: string;
  /** Optimizer paths drawn as polylines with start (○) and end (★) markers. */
  trajectories?: Trajectory[];
  /** Mark a known minimum with a black ×. */
  minimum?: [number, number];
  /** Legend position (default `'best'`). */
  legend?: LegendLocation;
  /** Same scale on x and y, like `plt.axis('equal')` (default false). */
  equalAspect?: boolean;
}

/**
 * `n` levels evenly spaced strictly inside [lo, hi]: $l_i = lo + (hi − lo)\,i/(n + 1)$, or the same
 * in log₁₀ for `'log'` (a non-positive lo is replaced by hi·10⁻⁴).
 *
 * @example
 * ```js
 * contourLevels(0, 4, 3, 'linear'); // [1, 2, 3]
 * ```
 */
export function contourLevels(
  lo: number,
  hi: number,
  n: number,
  scale: 'linear' | 'log',
): number[] {
  const out: number[] = [];
  if (scale === 'log') {
    const a = Math.log10(lo > 0 ? lo : hi * 1e-4);
    const b = Math.log10(hi);
    for (let i = 1; i <= n; i++) out.push(10 ** (a + ((b - a) * i) / (n + 1)));
  } else {
    for (let i = 1; i <= n; i++) out.push(lo + ((hi - lo) * i) / (n + 1));
  }
  return out;
}

/** Removes the pieces of a d3-contour ring that run along the grid border, leaving isolines. */
function isolines(ring: number[][], nx: number, ny: number): number[][][] {
  const onBorder = (p: number[]) => p[0] === 0 || p[0] === nx || p[1] === 0 || p[1] === ny;
  const out: number[][][] = [];
  let cur: number[][] = [];
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    if (onBorder(p)) {
      if (cur.length > 1) out.push(cur);
      cur = [];
    } else {
      cur.push(p);
    }
  }
  if (cur.length > 1) {
    // a ring entirely inside the grid is closed; join its ends so the line has no gap
    if (out.length === 0 && cur.length === ring.length) cur.push(cur[0]);
    out.push(cur);
  }
  return out;
}

/** Splits a polyline into the runs of segments for which `drop` is false. */
function splitAt(line: number[][], drop: (p: number[], q: number[]) => boolean): number[][][] {
  const out: number[][][] = [];
  let cur: number[][] = [line[0]];
  for (let i = 1; i < line.length; i++) {
    if (drop(line[i - 1], line[i])) {
      if (cur.length > 1) out.push(cur);
      cur = [line[i]];
    } else {
      cur.push(line[i]);
    }
  }
  if (cur.length > 1) out.push(cur);
  return out;
}

/**
 * The region of the cells that touch a non-finite grid value, painted in the background colour
 * over the filled bands: each hole point is grown to its 3 × 3 neighbourhood and that mask is
 * contoured at ½, which covers every cell with a non-finite corner.
 */
function holeMask(
  bad: Uint8Array,
  nx: number,
  ny: number,
  toPx: (c: number[]) => [number, number],
  background: string,
): string {
  const grown = new Array<number>(nx * ny).fill(0);
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      if (!bad[j * nx + i]) continue;
      for (let b = Math.max(0, j - 1); b <= Math.min(ny - 1, j + 1); b++)
        for (let a = Math.max(0, i - 1); a <= Math.min(nx - 1, i + 1); a++) grown[b * nx + a] = 1;
    }
  const [mask] = contours().size([nx, ny]).thresholds([0.5])(grown);
  let d = '';
  for (const poly of mask.coordinates) for (const ring of poly) d += pathFrom(ring.map(toPx), true);
  return el('path', {
    d,
    fill: background,
    stroke: background,
    'stroke-width': 0.5,
    class: 'contour-holes',
  });
}

/** Shared by contourPlot and animateTrajectory: trajectories' SVG, legend entries and pixel points. */
function drawTrajectories(
  op: string,
  list: Trajectory[],
  px: (v: number) => number,
  py: (v: number) => number,
  palette: readonly string[],
  background: string,
  upTo?: number,
): { svg: string; legend: LegendEntry[]; points: [number, number][]; lines: [number, number][][] } {
  let svg = '';
  const legend: LegendEntry[] = [];
  const points: [number, number][] = [];
  const lines: [number, number][][] = [];
  list.forEach((t, i) => {
    if (!t || t.x === undefined || t.y === undefined)
      throw new GdTypeError(`${op}: trajectories[${i}] must be { x: number[], y: number[] }`);
    if (t.x.length !== t.y.length) {
      throw new GdRangeError(
        `${op}: trajectories[${i}] has ${t.x.length} x values but ${t.y.length} y values; they must match`,
      );
    }
    if (t.x.length === 0)
      throw new GdRangeError(`${op}: trajectories[${i}]${t.label ? ` (${t.label})` : ''} is empty`);
    checkKeys(op, `trajectories[${i}]`, t, TRAJECTORY_KEYS);
    assertFinite(op, `trajectories[${i}].x`, t.x);
    assertFinite(op, `trajectories[${i}].y`, t.y);
    const color = t.color ?? palette[i % palette.length];
    const n = upTo === undefined ? t.x.length : Math.max(1, Math.min(t.x.length, upTo));
    const pts: [number, number][] = [];
    for (let k = 0; k < n; k++) pts.push([px(t.x[k]), py(t.y[k])]);
    const m = resolveMarker(
      op,
      `trajectories[${i}].marker`,
      t.marker ?? (t.x.length <= 150 ? 'circle' : 'none'),
    );
    let g = '';
    if (pts.length > 1) {
      g += el('path', {
        d: pathFrom(pts),
        fill: 'none',
        stroke: color,
        'stroke-width': 2,
        'stroke-linejoin': 'round',
        'stroke-linecap': 'round',
      });
    }
    for (let k = 1; k < pts.length - 1; k++) g += marker(m, pts[k][0], pts[k][1], 4, color);
    g += el(
      'g',
      { class: 'start' },
      marker('circle', pts[0][0], pts[0][1], 10, background, color, 2),
    );
    if (pts.length > 1) {
      const e = pts[pts.length - 1];
      g += el('g', { class: 'end' }, marker('star', e[0], e[1], 16, color, '#ffffff', 0.8));
    }
    points.push(...pts);
    if (pts.length > 1) lines.push(pts);
    svg += el(
      'g',
      {
        class: 'trajectory',
        'data-label': t.label,
        'data-points': pts.map((p) => `${fmt(p[0])},${fmt(p[1])}`).join(' '),
      },
      g,
    );
    if (t.label) legend.push({ label: t.label, color, marker: m === 'none' ? undefined : m });
  });
  return { svg, legend, points, lines };
}

/**
 * Contour plot of z = f(x, y) (or of a precomputed {@link Grid2D}) with filled levels, level
 * lines (d3-contour, marching squares) and optimizer trajectories, like matplotlib's
 * `contourf` + `contour` + `plot`.
 *
 * Levels default to 12 evenly spaced values strictly inside [min z, max z]; with
 * `levelScale: 'log'` they are spaced evenly in log₁₀ z. Filled bands use the colour map
 * lightened by 60 % when trajectories are drawn over them (so the paths stay readable), 20 %
 * otherwise.
 *
 * @example
 * ```js
 * const rosen = (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
 * const svg = contourPlot(rosen, {
 *   xRange: [-2, 2], yRange: [-1, 3], levelScale: 'log', minimum: [1, 1],
 *   trajectories: [{ x: xs, y: ys, label: 'SGD' }],
 * });
 * ```
 */
export function contourPlot(
  f: ((x: number, y: number) => number) | Grid2D,
  options: ContourPlotOptions = {},
): string {
  const op = 'contourPlot';
  checkKeys(op, 'options', options, CONTOUR_PLOT_KEYS);
  if (options.levelScale !== undefined)
    oneOf(op, 'levelScale', options.levelScale, ['linear', 'log']);
  const { width, height, theme } = setup(op, options, 640, 480);
  let grid: Grid2D;
  if (typeof f === 'function') {
    if (!options.xRange || !options.yRange) {
      throw new GdRangeError(`${op}: xRange and yRange are required when plotting a function`);
    }
    grid = sampleGrid(f, options.xRange, options.yRange, options.samples ?? 121);
  } else {
    grid = f;
  }
  checkGrid(op, grid);
  const nx = grid.x.length;
  const ny = grid.y.length;
  const [zlo, zhi] = gridExtent(op, grid);
  const levelScale = options.levelScale ?? 'linear';
  let levels: number[];
  if (Array.isArray(options.levels)) {
    if (options.levels.length === 0)
      throw new GdRangeError(`${op}: levels is empty; give level values or a count`);
    assertFinite(op, 'levels', options.levels);
    levels = [...options.levels].sort((a, b) => a - b);
  } else {
    const n = options.levels ?? 12;
    assertPositiveInt(op, 'levels', n);
    levels = zlo === zhi ? [zlo] : contourLevels(zlo, zhi, n, levelScale);
  }
  const filled = options.filled ?? true;
  const lines = options.lines ?? true;
  const showBar = options.colorbar ?? filled;
  const cmap = colormap(options.colormap ?? 'viridis');
  const nb = levels.length;
  const bandColor = (b: number) => {
    const c = cmap(nb === 0 ? 0 : b / nb);
    return filled ? lighten(c, (options.trajectories ?? []).length > 0 ? 0.6 : 0.2) : c;
  };
  const frame = makeFrame(
    width,
    height,
    { domain: [grid.x[0], grid.x[nx - 1]], label: options.xLabel },
    { domain: [grid.y[0], grid.y[ny - 1]], label: options.yLabel },
    theme,
    {
      title: options.title,
      grid: false,
      extraRight: showBar ? COLORBAR_SPACE : 0,
      aspect: options.equalAspect
        ? (grid.y[ny - 1] - grid.y[0]) / (grid.x[nx - 1] - grid.x[0])
        : undefined,
    },
  );
  const hole = Math.max(zhi, ...levels) + Math.abs(zhi - zlo) + 1;
  const values = new Float64Array(nx * ny);
  const bad = new Uint8Array(nx * ny);
  let holes = 0;
  let k = 0;
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      const v = grid.z[j][i];
      // d3-contour needs finite input: holes get a value above every level, and the cells
      // touching them are blanked afterwards (as matplotlib masks NaN cells)
      if (Number.isFinite(v)) values[k++] = v;
      else {
        values[k] = hole;
        bad[k++] = 1;
        holes += 1;
      }
    }
  const gen = contours().size([nx, ny]).thresholds(levels);
  const polys = gen(Array.from(values));
  const toPx = (c: number[]): [number, number] => [
    frame.x(atIndex(grid.x, c[0] - 0.5)),
    frame.y(atIndex(grid.y, c[1] - 0.5)),
  ];
  // d3-contour puts grid point (i, j) at (i + ½, j + ½); a segment lies in the cell of its midpoint
  const inHoleCell = (p: number[], q: number[]): boolean => {
    if (holes === 0) return false;
    const i = Math.max(0, Math.min(nx - 2, Math.floor((p[0] + q[0]) / 2 - 0.5)));
    const j = Math.max(0, Math.min(ny - 2, Math.floor((p[1] + q[1]) / 2 - 0.5)));
    const o = j * nx + i;
    return bad[o] + bad[o + 1] + bad[o + nx] + bad[o + nx + 1] > 0;
  };
  let data = '';
  if (filled) {
    let fills = el('rect', {
      x: frame.left,
      y: frame.top,
      width: frame.right - frame.left,
      height: frame.bottom - frame.top,
      fill: bandColor(0),
    });
    polys.forEach((mp, li) => {
      let d = '';
      for (const poly of mp.coordinates)
        for (const ring of poly) d += pathFrom(ring.map(toPx), true);
      if (d)
        fills += el('path', {
          d,
          fill: bandColor(li + 1),
          stroke: bandColor(li + 1),
          'stroke-width': 0.5,
          'data-level': mp.value,
        });
    });
    if (holes > 0) fills += holeMask(bad, nx, ny, toPx, theme.background);
    data += el('g', { class: 'contour-fills' }, fills);
  }
  if (lines) {
    let ls = '';
    polys.forEach((mp, li) => {
      let d = '';
      for (const poly of mp.coordinates) {
        for (const ring of poly)
          for (const line of isolines(ring, nx, ny))
            for (const piece of splitAt(line, inHoleCell)) d += pathFrom(piece.map(toPx));
      }
      if (d) {
        ls += el('path', {
          d,
          fill: 'none',
          stroke: filled ? '#000000' : cmap(nb <= 1 ? 0.5 : li / (nb - 1)),
          'stroke-opacity': filled ? 0.35 : 1,
          'stroke-width': filled ? 0.7 : 1.3,
          class: 'contour-line',
          'data-level': mp.value,
        });
      }
    });
    data += el('g', { class: 'contour-lines' }, ls);
  }
  const tr = drawTrajectories(
    op,
    options.trajectories ?? [],
    frame.x,
    frame.y,
    theme.palette,
    theme.background,
  );
  data += tr.svg;
  const legendEntries = [...tr.legend];
  if (options.minimum) {
    assertFinite(op, 'minimum', options.minimum);
    data += el(
      'g',
      { class: 'minimum' },
      marker('cross', frame.x(options.minimum[0]), frame.y(options.minimum[1]), 10, '#000000'),
    );
    legendEntries.push({ label: 'minimum', color: '#000000', line: false, marker: 'cross' });
  }
  const avoid = options.minimum
    ? [
        ...tr.points,
        ...Array.from(
          { length: 8 },
          () => [frame.x(options.minimum![0]), frame.y(options.minimum![1])] as [number, number],
        ),
      ]
    : tr.points;
  let overlay = drawLegend(legendEntries, frame, theme, options.legend ?? 'best', avoid, tr.lines);
  if (showBar) {
    const edges = [Math.min(zlo, levels[0]), ...levels, Math.max(zhi, levels[nb - 1])];
    const logBar = levelScale === 'log' && levels[0] > 0;
    if (logBar && edges[0] <= 0) edges[0] = levels[0] / 2;
    overlay += drawColorbar(
      frame.right + 14,
      frame.top,
      frame.bottom,
      [edges[0], edges[edges.length - 1]],
      logBar ? 'log' : 'linear',
      // level lines are coloured by their index, i.e. evenly in (log) level space
      (v) => {
        const a = logBar ? Math.log10(levels[0]) : levels[0];
        const b = logBar ? Math.log10(levels[nb - 1]) : levels[nb - 1];
        const t = logBar ? Math.log10(v) : v;
        return cmap(b > a ? (t - a) / (b - a) : 0.5);
      },
      theme,
      options.colorbarLabel,
      filled ? { edges, colors: edges.slice(1).map((_, b) => bandColor(b)) } : undefined,
    );
  }
  const title = options.title ?? 'Contour plot';
  const desc =
    options.description ??
    `Contour plot on [${formatValue(grid.x[0])}, ${formatValue(grid.x[nx - 1])}] × [${formatValue(grid.y[0])}, ${formatValue(grid.y[ny - 1])}], z from ${formatValue(zlo)} to ${formatValue(zhi)}, ${nb} levels` +
      ((options.trajectories ?? []).length
        ? `; trajectories: ${(options.trajectories ?? [])
            .map(
              (t) =>
                `${t.label ?? 'unlabelled'} (${t.x.length} points, ending at (${formatValue(t.x[t.x.length - 1])}, ${formatValue(t.y[t.y.length - 1])}))`,
            )
            .join(', ')}`
        : '') +
      '.';
  return assemble(width, height, theme, title, desc, frame, data, overlay);
}
