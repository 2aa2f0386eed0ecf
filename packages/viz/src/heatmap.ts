import { GdRangeError } from '@gd/errors';
import { makeFrame } from './axes';
import { COLORBAR_SPACE, drawColorbar } from './colorbar';
import { type Colormap, colormap } from './colormap';
import { assertRange } from './errors';
import { formatValue } from './format';
import { type Grid2D, checkGrid, gridExtent } from './grid';
import { type PlotOptions, assemble, setup } from './plot-common';
import { el } from './svg';

/** Options of {@link heatmap}. */
export interface HeatmapOptions extends PlotOptions {
  xLabel?: string;
  yLabel?: string;
  /** Colour map (default `'coolwarm'`: blue = low, red = high, as cs231n's loss slices). */
  colormap?: Colormap;
  /** Value range mapped to the colour map ends (default: the data range). */
  vRange?: [number, number];
  /** Centre of a diverging map: vRange becomes symmetric around it (default: none). */
  center?: number;
  /** Colour bar (default true). */
  colorbar?: boolean;
  colorbarLabel?: string;
}

/**
 * Draws a grid of values as coloured cells with a colour bar, like `plt.imshow(z, origin='lower',
 * extent=...)` / `pcolormesh`: cell (i, j) is centred at (x[i], y[j]) and coloured
 * cmap((z − v₀)/(v₁ − v₀)).
 *
 * Accepts a {@link Grid2D} (e.g. from `landscape2d` or `sampleGrid`) or a plain matrix `number[][]`
 * (rows drawn top to bottom, like `imshow`). Default colour map `'coolwarm'`.
 *
 * @example
 * ```js
 * const svg = heatmap(sampleGrid((a, b) => a * a + 2 * b * b, [-1, 1], [-1, 1], 41), { title: 'loss' });
 * ```
 */
export function heatmap(data: Grid2D | number[][], options: HeatmapOptions = {}): string {
  const op = 'heatmap';
  const { width, height, theme } = setup(op, options, 560, 460);
  let grid: Grid2D;
  let matrix = false;
  if (Array.isArray(data)) {
    if (data.length === 0 || !Array.isArray(data[0]) || data[0].length === 0) {
      throw new GdRangeError(`${op}: matrix is empty; pass rows of numbers`);
    }
    const cols = data[0].length;
    data.forEach((row, r) => {
      if (!Array.isArray(row) || row.length !== cols) {
        throw new GdRangeError(
          `${op}: matrix row ${r} has ${row?.length} values but row 0 has ${cols}; rows must have equal length`,
        );
      }
    });
    matrix = true;
    grid = {
      x: Array.from({ length: cols }, (_, i) => i),
      y: Array.from({ length: data.length }, (_, j) => j),
      z: [...data].reverse(),
    };
  } else {
    checkGrid(op, data);
    grid = data;
  }
  const nx = grid.x.length;
  const ny = grid.y.length;
  const [zlo, zhi] = gridExtent(op, grid);
  let [vlo, vhi] = options.vRange ?? [zlo, zhi];
  if (options.vRange) assertRange(op, 'vRange', options.vRange);
  if (options.center !== undefined) {
    const r = Math.max(Math.abs(vhi - options.center), Math.abs(options.center - vlo));
    vlo = options.center - r;
    vhi = options.center + r;
  }
  if (vlo === vhi) {
    vlo -= 0.5;
    vhi += 0.5;
  }
  const cmap = colormap(options.colormap ?? 'coolwarm');
  const color = (v: number) => cmap((v - vlo) / (vhi - vlo));
  // cell boundaries halfway between centres; a single row or column gets unit width
  const edge = (a: number[], i: number) => {
    const n = a.length;
    if (i <= 0) return a[0] - (n > 1 ? (a[1] - a[0]) / 2 : 0.5);
    if (i >= n) return a[n - 1] + (n > 1 ? (a[n - 1] - a[n - 2]) / 2 : 0.5);
    return (a[i - 1] + a[i]) / 2;
  };
  const showBar = options.colorbar ?? true;
  const frame = makeFrame(
    width,
    height,
    {
      domain: [edge(grid.x, 0), edge(grid.x, nx)],
      label: options.xLabel,
      indexLabel: matrix ? (v) => String(v) : undefined,
    },
    {
      domain: [edge(grid.y, 0), edge(grid.y, ny)],
      label: options.yLabel,
      // rows are drawn top to bottom, so row r sits at y = rows − 1 − r
      indexLabel: matrix ? (v) => String(ny - 1 - v) : undefined,
    },
    theme,
    { title: options.title, grid: false, extraRight: showBar ? COLORBAR_SPACE : 0 },
  );
  let cells = '';
  for (let j = 0; j < ny; j++) {
    const y0 = frame.y(edge(grid.y, j + 1));
    const y1 = frame.y(edge(grid.y, j));
    // merge horizontal runs of the same colour: smaller SVG, no seams between equal cells
    let i = 0;
    while (i < nx) {
      const v = grid.z[j][i];
      const c = Number.isFinite(v) ? color(v) : theme.background;
      let e = i + 1;
      while (
        e < nx &&
        (Number.isFinite(grid.z[j][e]) ? color(grid.z[j][e]) : theme.background) === c
      )
        e++;
      const x0 = frame.x(edge(grid.x, i));
      const x1 = frame.x(edge(grid.x, e));
      cells += el('rect', { x: x0, y: y0, width: x1 - x0 + 0.3, height: y1 - y0 + 0.3, fill: c });
      i = e;
    }
  }
  const data0 = el('g', { class: 'cells', 'shape-rendering': 'crispEdges' }, cells);
  const overlay = showBar
    ? drawColorbar(
        frame.right + 14,
        frame.top,
        frame.bottom,
        [vlo, vhi],
        'linear',
        color,
        theme,
        options.colorbarLabel,
      )
    : '';
  const title = options.title ?? 'Heatmap';
  const desc =
    options.description ??
    `Heatmap of ${matrix ? `a ${(data as number[][]).length} × ${(data as number[][])[0].length} matrix` : `${nx} × ${ny} grid values`}, values from ${formatValue(zlo)} to ${formatValue(zhi)}${options.colormap === undefined ? ' (blue = low, red = high)' : ''}.`;
  return assemble(width, height, theme, title, desc, frame, data0, overlay);
}
