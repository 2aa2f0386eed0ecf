import { GdRangeError } from '@gd/errors';
import { ticksFor, titleText } from './axes';
import { type Colormap, colormap, lighten } from './colormap';
import { assertFinite, assertPositiveInt } from './errors';
import { fmt, formatValue } from './format';
import { type Grid2D, checkGrid, gridExtent, sampleGrid } from './grid';
import { type MarkerShape, marker } from './markers';
import { type PlotOptions, setup } from './plot-common';
import { el, esc, pathFrom, svgDocument } from './svg';
import { textWidth } from './theme';

/** A point drawn on a surface plot, e.g. the saddle's `ax.plot([0], [0], [0], 'rx')`. */
export interface SurfacePoint {
  x: number;
  y: number;
  z: number;
  color?: string;
  marker?: MarkerShape;
  /** Text drawn beside the point. */
  label?: string;
}

/** Options of {@link surfacePlot}. */
export interface SurfacePlotOptions extends PlotOptions {
  xRange?: [number, number];
  yRange?: [number, number];
  /** Samples per axis when plotting a function (default 101, as d2l's saddle). */
  samples?: number;
  /** Draw every `stride`-th grid line, like `plot_wireframe(rstride=, cstride=)`. Default: about 10 cells per side. */
  stride?: number;
  /** Camera azimuth in degrees (default −60, matplotlib's). */
  azimuth?: number;
  /** Camera elevation in degrees (default 30, matplotlib's). */
  elevation?: number;
  xLabel?: string;
  yLabel?: string;
  zLabel?: string;
  /**
   * Face filling: `'background'` (default) hides lines behind the surface (hidden-line wireframe),
   * `'colormap'` shades faces by height, `'none'` draws every line like matplotlib's plot_wireframe.
   */
  fill?: 'background' | 'colormap' | 'none';
  colormap?: Colormap;
  /** Wireframe colour (default: first palette colour). */
  color?: string;
  points?: SurfacePoint[];
}

type V3 = [number, number, number];

/**
 * Draws z = f(x, y) as a 3-D wireframe from a camera at (azimuth, elevation), with an orthographic
 * projection, the box's back panes and ticks as matplotlib's mplot3d, and faces ordered back to front
 * (painter's algorithm) so that nearer parts hide farther ones.
 *
 * Screen coordinates of a point p (scaled to the box [−1, 1]² × [−¾, ¾]) for azimuth φ, elevation θ:
 * $X = −p_x \sin φ + p_y \cos φ$, $Y = −p_x \sin θ \cos φ − p_y \sin θ \sin φ + p_z \cos θ$, depth
 * $= p_x \cos θ \cos φ + p_y \cos θ \sin φ + p_z \sin θ$. Defaults: φ = −60°, θ = 30°.
 *
 * @example
 * ```js
 * const svg = surfacePlot((x, y) => x * x - y * y, {
 *   xRange: [-1, 1], yRange: [-1, 1], points: [{ x: 0, y: 0, z: 0, marker: 'cross', color: '#D55E00' }],
 * });
 * ```
 */
export function surfacePlot(
  f: ((x: number, y: number) => number) | Grid2D,
  options: SurfacePlotOptions = {},
): string {
  const op = 'surfacePlot';
  const { width, height, theme } = setup(op, options, 560, 480);
  let grid: Grid2D;
  if (typeof f === 'function') {
    if (!options.xRange || !options.yRange)
      throw new GdRangeError(`${op}: xRange and yRange are required when plotting a function`);
    grid = sampleGrid(f, options.xRange, options.yRange, options.samples ?? 101);
  } else {
    grid = f;
  }
  checkGrid(op, grid);
  const az = options.azimuth ?? -60;
  const elv = options.elevation ?? 30;
  assertFinite(op, '[azimuth, elevation]', [az, elv]);
  const nx = grid.x.length;
  const ny = grid.y.length;
  const stride = options.stride ?? Math.max(1, Math.round((Math.max(nx, ny) - 1) / 10));
  assertPositiveInt(op, 'stride', stride);
  const [zlo0, zhi0] = gridExtent(op, grid);
  const [zlo, zhi] = zlo0 === zhi0 ? [zlo0 - 1, zhi0 + 1] : [zlo0, zhi0];
  const xlo = grid.x[0];
  const xhi = grid.x[nx - 1];
  const ylo = grid.y[0];
  const yhi = grid.y[ny - 1];
  const nrm = (v: number, lo: number, hi: number) => ((v - lo) / (hi - lo)) * 2 - 1;
  const toBox = (x: number, y: number, z: number): V3 => [
    nrm(x, xlo, xhi),
    nrm(y, ylo, yhi),
    nrm(z, zlo, zhi) * 0.75,
  ];
  const a = (az * Math.PI) / 180;
  const e = (elv * Math.PI) / 180;
  const [sa, ca, se, ce] = [Math.sin(a), Math.cos(a), Math.sin(e), Math.cos(e)];
  const proj = (p: V3) =>
    [-p[0] * sa + p[1] * ca, -p[0] * se * ca - p[1] * se * sa + p[2] * ce] as const;
  const depth = (p: V3) => p[0] * ce * ca + p[1] * ce * sa + p[2] * se;
  const top = options.title ? theme.titleSize + 16 : 8;
  const pad = 50;
  const corners: V3[] = [];
  for (const cx of [-1, 1])
    for (const cy of [-1, 1]) for (const cz of [-0.75, 0.75]) corners.push([cx, cy, cz]);
  const pc = corners.map(proj);
  const minX = Math.min(...pc.map((p) => p[0]));
  const maxX = Math.max(...pc.map((p) => p[0]));
  const minY = Math.min(...pc.map((p) => p[1]));
  const maxY = Math.max(...pc.map((p) => p[1]));
  const scale = Math.min(
    (width - 2 * pad) / (maxX - minX),
    (height - top - 2 * pad + 16) / (maxY - minY),
  );
  const ox = width / 2 - ((minX + maxX) / 2) * scale;
  const oy = top + 10 + (height - top) / 2 + ((minY + maxY) / 2) * scale;
  const screen = (p: V3): [number, number] => {
    const q = proj(p);
    return [ox + q[0] * scale, oy - q[1] * scale];
  };
  const fg = theme.foreground;
  // back panes: the walls whose outward normal points away from the camera, and the floor seen from above
  const xBack = ce * ca > 0 ? -1 : 1;
  const yBack = ce * sa > 0 ? -1 : 1;
  const zBack = se >= 0 ? -0.75 : 0.75;
  const xFront = -xBack;
  const yFront = -yBack;
  const paneFill = '#f2f2f2';
  const xt = ticksFor([xlo, xhi], 'linear', 5).filter(
    (t) => t.value >= xlo - 1e-12 && t.value <= xhi + 1e-12,
  );
  const yt = ticksFor([ylo, yhi], 'linear', 5).filter(
    (t) => t.value >= ylo - 1e-12 && t.value <= yhi + 1e-12,
  );
  const zt = ticksFor([zlo, zhi], 'linear', 5).filter(
    (t) => t.value >= zlo - 1e-12 && t.value <= zhi + 1e-12,
  );
  let back = '';
  const pane = (pts: V3[]) =>
    el('path', {
      d: pathFrom(pts.map(screen), true),
      fill: paneFill,
      stroke: '#d0d0d0',
      'stroke-width': 0.8,
    });
  back += pane([
    [xBack, -1, -0.75],
    [xBack, 1, -0.75],
    [xBack, 1, 0.75],
    [xBack, -1, 0.75],
  ]);
  back += pane([
    [-1, yBack, -0.75],
    [1, yBack, -0.75],
    [1, yBack, 0.75],
    [-1, yBack, 0.75],
  ]);
  back += pane([
    [-1, -1, zBack],
    [1, -1, zBack],
    [1, 1, zBack],
    [-1, 1, zBack],
  ]);
  let gl = '';
  const seg = (p: V3, q: V3) => {
    const [a1, b1] = screen(p);
    const [a2, b2] = screen(q);
    return `M${fmt(a1)},${fmt(b1)}L${fmt(a2)},${fmt(b2)}`;
  };
  for (const t of xt) {
    const bx = nrm(t.value, xlo, xhi);
    gl += seg([bx, yBack, -0.75], [bx, yBack, 0.75]) + seg([bx, -1, zBack], [bx, 1, zBack]);
  }
  for (const t of yt) {
    const by = nrm(t.value, ylo, yhi);
    gl += seg([xBack, by, -0.75], [xBack, by, 0.75]) + seg([-1, by, zBack], [1, by, zBack]);
  }
  for (const t of zt) {
    const bz = nrm(t.value, zlo, zhi) * 0.75;
    gl += seg([xBack, -1, bz], [xBack, 1, bz]) + seg([-1, yBack, bz], [1, yBack, bz]);
  }
  back += el('path', { d: gl, stroke: '#dcdcdc', 'stroke-width': 0.8, fill: 'none' });
  // tick labels sit outside the box along the axis' outward direction; a label that would
  // overlap one already placed (at the shared corners) is dropped, as matplotlib's would crowd
  let labels = '';
  const placed: [number, number, number, number][] = [];
  const place = (
    cx: number,
    cy: number,
    text: string,
    size: number,
    cls?: string,
    force = false,
  ) => {
    const w = textWidth(text, size);
    const box: [number, number, number, number] = [
      cx - w / 2 - 2,
      cy - size * 0.6,
      cx + w / 2 + 2,
      cy + size * 0.6,
    ];
    if (
      !force &&
      placed.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])
    )
      return;
    placed.push(box);
    labels += el(
      'text',
      {
        x: cx,
        y: cy + size * 0.35,
        'text-anchor': 'middle',
        'font-size': size,
        fill: fg,
        class: cls,
      },
      esc(text),
    );
  };
  const outward = (v: V3): [number, number] => {
    const o = screen([0, 0, 0]);
    const q = screen(v);
    const dx = q[0] - o[0];
    const dy = q[1] - o[1];
    const len = Math.hypot(dx, dy) || 1;
    return [dx / len, dy / len];
  };
  const xOut = outward([0, yFront, 0]);
  const yOut = outward([xFront, 0, 0]);
  const at = (p: V3, dir: [number, number], dist: number): [number, number] => {
    const [sx, sy] = screen(p);
    return [sx + dir[0] * dist, sy + dir[1] * dist];
  };
  for (const t of xt) {
    const [cx, cy] = at([nrm(t.value, xlo, xhi), yFront, zBack], xOut, 16);
    place(cx, cy, t.label, theme.tickSize);
  }
  for (const t of yt) {
    const [cx, cy] = at([xFront, nrm(t.value, ylo, yhi), zBack], yOut, 16);
    place(cx, cy, t.label, theme.tickSize);
  }
  // the z axis sits on the vertical edge that is furthest left on screen among the back ones
  const zEdges: [number, number][] = [
    [xBack, yFront],
    [xFront, yBack],
  ];
  const zEdge = zEdges.reduce((best, c) =>
    screen([c[0], c[1], 0])[0] < screen([best[0], best[1], 0])[0] ? c : best,
  );
  let zw = 0;
  for (const t of zt) zw = Math.max(zw, textWidth(t.label, theme.tickSize));
  for (const t of zt) {
    const [sx, sy] = screen([zEdge[0], zEdge[1], nrm(t.value, zlo, zhi) * 0.75]);
    place(sx - 8 - zw / 2, sy, t.label, theme.tickSize);
  }
  {
    const [cx, cy] = at([0, yFront, zBack], xOut, 40);
    place(cx, cy, options.xLabel ?? 'x', theme.labelSize, 'x-label', true);
    const [dx, dy] = at([xFront, 0, zBack], yOut, 40);
    place(dx, dy, options.yLabel ?? 'y', theme.labelSize, 'y-label', true);
    const [sx, sy] = screen([zEdge[0], zEdge[1], 0]);
    place(sx - 20 - zw, sy, options.zLabel ?? 'z', theme.labelSize, 'z-label', true);
  }
  // faces: stride × stride blocks of the grid, each outlined along the fine samples
  const fill = options.fill ?? 'background';
  const cmap = colormap(options.colormap ?? 'viridis');
  const lineColor = options.color ?? theme.palette[0];
  const is: number[] = [];
  for (let i = 0; i < nx - 1; i += stride) is.push(i);
  is.push(nx - 1);
  const js: number[] = [];
  for (let j = 0; j < ny - 1; j += stride) js.push(j);
  js.push(ny - 1);
  const P = (i: number, j: number): V3 => toBox(grid.x[i], grid.y[j], grid.z[j][i]);
  // a face with a non-finite sample anywhere in its block is left out (a gap, as matplotlib's
  // wireframe leaves at NaN) rather than drawn at some made-up height
  const holeFree = (i0: number, i1: number, j0: number, j1: number): boolean => {
    for (let j = j0; j <= j1; j++)
      for (let i = i0; i <= i1; i++) if (!Number.isFinite(grid.z[j][i])) return false;
    return true;
  };
  const faces: { d: number; svg: string }[] = [];
  for (let bj = 0; bj < js.length - 1; bj++) {
    for (let bi = 0; bi < is.length - 1; bi++) {
      const i0 = is[bi];
      const i1 = is[bi + 1];
      const j0 = js[bj];
      const j1 = js[bj + 1];
      if (!holeFree(i0, i1, j0, j1)) continue;
      const ring: V3[] = [];
      for (let i = i0; i < i1; i++) ring.push(P(i, j0));
      for (let j = j0; j < j1; j++) ring.push(P(i1, j));
      for (let i = i1; i > i0; i--) ring.push(P(i, j1));
      for (let j = j1; j > j0; j--) ring.push(P(i0, j));
      let dsum = 0;
      let zsum = 0;
      for (const p of ring) {
        dsum += depth(p);
        zsum += p[2];
      }
      const zMean = zsum / ring.length;
      const faceFill =
        fill === 'none'
          ? 'none'
          : fill === 'colormap'
            ? lighten(cmap((zMean / 0.75 + 1) / 2), 0.15)
            : theme.background;
      faces.push({
        d: dsum / ring.length,
        svg: el('path', {
          d: pathFrom(ring.map(screen), true),
          fill: faceFill,
          stroke: fill === 'colormap' ? '#333333' : lineColor,
          'stroke-width': fill === 'colormap' ? 0.6 : 1,
          'stroke-linejoin': 'round',
        }),
      });
    }
  }
  if (fill !== 'none') faces.sort((p, q) => p.d - q.d);
  let pts = '';
  for (const p of options.points ?? []) {
    assertFinite(op, 'points', [p.x, p.y, p.z]);
    const [sx, sy] = screen(toBox(p.x, p.y, p.z));
    const c = p.color ?? theme.palette[1];
    pts += marker(p.marker ?? 'cross', sx, sy, 10, c);
    if (p.label)
      pts += el(
        'text',
        { x: sx + 9, y: sy - 7, 'font-size': theme.tickSize, fill: c },
        esc(p.label),
      );
  }
  let body = el('g', { class: 'panes' }, back) + el('g', { class: 'tick-labels' }, labels);
  body += el(
    'g',
    { class: 'surface', 'data-faces': faces.length },
    faces.map((q) => q.svg).join(''),
  );
  body += el('g', { class: 'points' }, pts);
  if (options.title)
    body += titleText(
      options.title,
      width / 2,
      Math.max(theme.titleSize + 4, oy - maxY * scale - 24),
      theme,
      width,
    );
  const title = options.title ?? 'Surface plot';
  const desc =
    options.description ??
    `Wireframe of z over [${formatValue(xlo)}, ${formatValue(xhi)}] × [${formatValue(ylo)}, ${formatValue(yhi)}], z from ${formatValue(zlo0)} to ${formatValue(zhi0)}, seen from azimuth ${formatValue(az)}°, elevation ${formatValue(elv)}°.`;
  return svgDocument(width, height, title, desc, body, theme.background, theme.fontFamily);
}
