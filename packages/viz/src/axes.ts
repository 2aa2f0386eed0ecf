import { GdRangeError } from '@gd/errors';
import { scaleLinear, scaleLog } from 'd3-scale';
import { fmt, formatPow10, formatTick, formatValue } from './format';
import { el, esc } from './svg';
import { type Theme, textWidth } from './theme';

/** Axis scale type: `'log'` is base 10. */
export type ScaleType = 'linear' | 'log';

/** A tick: data value, label ('' for minor ticks). */
export interface Tick {
  value: number;
  label: string;
  minor: boolean;
}

/**
 * The plotted range for data spanning [lo, hi]: widened by `margin` of the span on each side
 * (matplotlib's default `axes.xmargin = 0.05`), in log space for log axes.
 */
export function paddedDomain(
  op: string,
  lo: number,
  hi: number,
  scale: ScaleType,
  margin = 0.05,
): [number, number] {
  if (scale === 'log') {
    if (!(lo > 0)) {
      throw new GdRangeError(
        `${op}: a log axis needs positive values, got minimum ${lo}; use a linear axis or drop values ≤ 0`,
      );
    }
    const a = Math.log10(lo);
    const b = Math.log10(hi);
    // stay inside the normal float64 range so every tick and pixel is finite
    const clampExp = (e: number) => Math.min(307, Math.max(-307, e));
    if (a === b) return [10 ** clampExp(a - 0.5), 10 ** clampExp(a + 0.5)];
    const m = (b - a) * margin;
    return [10 ** clampExp(a - m), 10 ** clampExp(b + m)];
  }
  const ref = Math.max(Math.abs(lo), Math.abs(hi));
  if (!(hi - lo > ref * 1e-12) || hi - lo < 1e-250) {
    // a constant (or numerically constant, or subnormal) range: widen by 10 % of the value, or ±1
    const c = (lo + hi) / 2;
    const d = ref >= 1e-250 ? ref * 0.1 : 1;
    return [c - d, c + d];
  }
  const m = (hi - lo) * margin;
  return [lo - m, hi + m];
}

/** Ticks for a domain: d3's 1-2-5 "nice" values, or powers of ten (with minor 2…9) on log axes. */
export function ticksFor(domain: [number, number], scale: ScaleType, count: number): Tick[] {
  const [lo, hi] = domain[0] <= domain[1] ? domain : [domain[1], domain[0]];
  if (scale === 'log') {
    if (!(lo > 0) || !Number.isFinite(hi)) {
      throw new GdRangeError(`log axis: the range must be positive and finite, got [${lo}, ${hi}]`);
    }
    const k0 = Math.floor(Math.log10(lo) + 1e-9);
    const k1 = Math.ceil(Math.log10(hi) - 1e-9);
    const decades = k1 - k0;
    const out: Tick[] = [];
    if (decades >= 1 && !(decades === 1 && (lo > 10 ** k0 * 1.0001 || hi < 10 ** k1 * 0.9999))) {
      const every = Math.max(1, Math.ceil(decades / Math.max(2, count)));
      for (let k = k0; k <= k1; k++) {
        const v = 10 ** k;
        if (v >= lo * 0.9999 && v <= hi * 1.0001 && (k - k0) % every === 0) {
          out.push({ value: v, label: formatPow10(k), minor: false });
        }
        if (every === 1) {
          for (let m = 2; m <= 9; m++) {
            const mv = m * 10 ** k;
            if (mv >= lo && mv <= hi) out.push({ value: mv, label: '', minor: true });
          }
        }
      }
      const majors = out.filter((t) => !t.minor).length;
      if (majors === 2 && every === 1) {
        // under ~2 decades two labels are too few to read values off; label 2× and 5× as well
        for (const t of out) {
          const k = Math.floor(Math.log10(t.value) + 1e-9);
          const m = Math.round(t.value / 10 ** k);
          if (t.minor && (m === 2 || m === 5)) t.label = `${m}×${formatPow10(k)}`;
        }
      }
      if (majors >= 2) return out;
    }
    const s = scaleLog().domain([lo, hi]);
    return s.ticks(count).map((v) => ({ value: v, label: formatValue(v, 3), minor: false }));
  }
  const s = scaleLinear().domain([lo, hi]);
  const values = s.ticks(count);
  const step = values.length > 1 ? values[1] - values[0] : Math.abs(hi - lo) || 1;
  const axisMag = Math.max(...values.map(Math.abs));
  return values.map((v) => ({ value: v, label: formatTick(v, step, axisMag), minor: false }));
}

/** Axis description for a cartesian frame. */
export interface AxisOptions {
  domain: [number, number];
  scale?: ScaleType;
  label?: string;
  /** Explicit tick values (labels formatted automatically). */
  ticks?: number[];
  /** Keep only integer ticks and label them with this function (matrix row/column indices). */
  indexLabel?: (v: number) => string;
}

function axisTicks(a: AxisOptions, scale: ScaleType, count: number): Tick[] {
  const t = a.ticks ? explicitTicks(a.ticks, scale) : ticksFor(a.domain, scale, count);
  if (!a.indexLabel) return t;
  const label = a.indexLabel;
  return t.filter((k) => Number.isInteger(k.value)).map((k) => ({ ...k, label: label(k.value) }));
}

/** The mapping from data to pixels plus the axes' SVG, shared by every 2-D plot. */
export interface Frame {
  /** Plot area in px. */
  left: number;
  top: number;
  right: number;
  bottom: number;
  x(v: number): number;
  y(v: number): number;
  xTicks: Tick[];
  yTicks: Tick[];
  /** Grid lines (drawn under the data). */
  grid: string;
  /** Spines, ticks, tick labels, axis labels, title (drawn over the data). */
  axes: string;
  /** `<clipPath>` definition for the plot area; reference with `clip-path="url(#{ID}-clip)"`. */
  clipDef: string;
}

function explicitTicks(values: number[], scale: ScaleType): Tick[] {
  const sorted = [...values].sort((a, b) => a - b);
  let step = Number.POSITIVE_INFINITY;
  for (let i = 1; i < sorted.length; i++) step = Math.min(step, sorted[i] - sorted[i - 1]);
  if (!Number.isFinite(step) || step === 0) step = Math.abs(sorted[0] ?? 1) || 1;
  const axisMag = Math.max(...values.map(Math.abs));
  return values.map((v) => ({
    value: v,
    label: scale === 'log' ? formatValue(v, 3) : formatTick(v, step, axisMag),
    minor: false,
  }));
}

/**
 * Lays out a matplotlib-style frame: margins sized to the tick labels, four spines, outward
 * ticks on the bottom and left, a light grid, axis labels and a title.
 */
export function makeFrame(
  width: number,
  height: number,
  xAxis: AxisOptions,
  yAxis: AxisOptions,
  theme: Theme,
  opts: { title?: string; grid?: boolean; extraRight?: number; aspect?: number } = {},
): Frame {
  const xs = xAxis.scale ?? 'linear';
  const ys = yAxis.scale ?? 'linear';
  let top = opts.title ? theme.titleSize + 22 : 14;
  const bottom = theme.tickSize + 12 + (xAxis.label ? theme.labelSize + 12 : 0) + 6;
  const estPlotH = height - top - bottom;
  let yTicks = axisTicks(yAxis, ys, Math.max(3, Math.round(estPlotH / 55)));
  const maxLabel = Math.max(0, ...yTicks.map((t) => textWidth(t.label, theme.tickSize)));
  let left = maxLabel + 12 + (yAxis.label ? theme.labelSize + 12 : 0) + 6;
  let right = 18 + (opts.extraRight ?? 0);
  const xLast = xAxis.domain[1];
  right = Math.max(
    right,
    textWidth(formatValue(xLast, 3), theme.tickSize) / 2 + 6 + (opts.extraRight ?? 0),
  );
  let plotW = width - left - right;
  let plotH = height - top - bottom;
  if (plotW < 20 || plotH < 20) {
    throw new GdRangeError(
      `plot: width ${width} × height ${height} leaves no room for the axes; use at least 200 × 150`,
    );
  }
  if (opts.aspect !== undefined) {
    // a fixed plotH / plotW (matplotlib's set_aspect): shrink the longer side and centre the box
    if (!(opts.aspect > 0) || !Number.isFinite(opts.aspect)) {
      throw new GdRangeError(`plot: aspect must be a positive finite number, got ${opts.aspect}`);
    }
    if (plotH / plotW > opts.aspect) {
      const h = plotW * opts.aspect;
      top += (plotH - h) / 2;
      plotH = h;
      yTicks = axisTicks(yAxis, ys, Math.max(3, Math.round(plotH / 55)));
    } else {
      const w = plotH / opts.aspect;
      left += (plotW - w) / 2;
      plotW = w;
    }
  }
  const x0 = left;
  const x1 = left + plotW;
  const y0 = top;
  const y1 = top + plotH;
  const xScale =
    xs === 'log'
      ? scaleLog().domain(xAxis.domain).range([x0, x1])
      : scaleLinear().domain(xAxis.domain).range([x0, x1]);
  const yScale =
    ys === 'log'
      ? scaleLog().domain(yAxis.domain).range([y1, y0])
      : scaleLinear().domain(yAxis.domain).range([y1, y0]);
  const xTicks = axisTicks(xAxis, xs, Math.max(3, Math.round(plotW / 80)));
  const fg = theme.foreground;
  const inX = (v: number) => {
    const p = xScale(v);
    return p >= x0 - 0.5 && p <= x1 + 0.5;
  };
  const inY = (v: number) => {
    const p = yScale(v);
    return p >= y0 - 0.5 && p <= y1 + 0.5;
  };
  let grid = '';
  if (opts.grid !== false) {
    let d = '';
    for (const t of xTicks)
      if (!t.minor && inX(t.value)) d += `M${fmt(xScale(t.value))},${fmt(y0)}V${fmt(y1)}`;
    for (const t of yTicks)
      if (!t.minor && inY(t.value)) d += `M${fmt(x0)},${fmt(yScale(t.value))}H${fmt(x1)}`;
    if (d)
      grid = el('path', { d, stroke: theme.grid, 'stroke-width': 1, fill: 'none', class: 'grid' });
  }
  let tickPath = '';
  let labels = '';
  for (const t of xTicks) {
    if (!inX(t.value)) continue;
    const px = xScale(t.value);
    tickPath += `M${fmt(px)},${fmt(y1)}v${t.minor ? 2.5 : 4.5}`;
    if (t.label) {
      labels += el(
        'text',
        {
          x: px,
          y: y1 + 7 + theme.tickSize,
          'text-anchor': 'middle',
          'font-size': theme.tickSize,
          fill: fg,
        },
        t.label,
      );
    }
  }
  for (const t of yTicks) {
    if (!inY(t.value)) continue;
    const py = yScale(t.value);
    tickPath += `M${fmt(x0)},${fmt(py)}h${t.minor ? -2.5 : -4.5}`;
    if (t.label) {
      labels += el(
        'text',
        {
          x: x0 - 8,
          y: py + theme.tickSize * 0.35,
          'text-anchor': 'end',
          'font-size': theme.tickSize,
          fill: fg,
        },
        t.label,
      );
    }
  }
  let axes =
    el('rect', {
      x: x0,
      y: y0,
      width: plotW,
      height: plotH,
      fill: 'none',
      stroke: fg,
      'stroke-width': 1,
      class: 'spines',
    }) +
    el('path', { d: tickPath, stroke: fg, 'stroke-width': 1, fill: 'none', class: 'ticks' }) +
    el('g', { class: 'tick-labels' }, labels);
  if (xAxis.label) {
    axes += el(
      'text',
      {
        x: (x0 + x1) / 2,
        y: y1 + theme.tickSize + 14 + theme.labelSize,
        'text-anchor': 'middle',
        'font-size': theme.labelSize,
        fill: fg,
        class: 'x-label',
      },
      esc(xAxis.label),
    );
  }
  if (yAxis.label) {
    const lx = x0 - maxLabel - 14 - theme.labelSize * 0.3;
    const ly = (y0 + y1) / 2;
    axes += el(
      'text',
      {
        x: lx,
        y: ly,
        transform: `rotate(-90 ${fmt(lx)} ${fmt(ly)})`,
        'text-anchor': 'middle',
        'font-size': theme.labelSize,
        fill: fg,
        class: 'y-label',
      },
      esc(yAxis.label),
    );
  }
  if (opts.title) {
    axes += titleText(opts.title, (x0 + x1) / 2, top - 12, theme, width);
  }
  const clipDef = el(
    'clipPath',
    { id: '{ID}-clip' },
    el('rect', { x: x0, y: y0, width: plotW, height: plotH }),
  );
  return {
    left: x0,
    top: y0,
    right: x1,
    bottom: y1,
    x: (v) => xScale(v),
    y: (v) => yScale(v),
    xTicks,
    yTicks,
    grid,
    axes,
    clipDef,
  };
}

/**
 * The figure title, centred above the plot area. Given the figure width, a title too long for it
 * is set in a smaller font (down to 8 px) instead of running off both edges.
 */
export function titleText(
  title: string,
  cx: number,
  baseline: number,
  theme: Theme,
  figureWidth?: number,
): string {
  let size = theme.titleSize;
  if (figureWidth !== undefined) {
    const room = 2 * Math.min(cx, figureWidth - cx) - 16;
    // bold glyphs run about 10 % wider than textWidth's regular-weight estimate
    const need = textWidth(title, size) * 1.1;
    if (need > room) size = Math.max(8, Math.floor((size * room * 10) / need) / 10);
  }
  return el(
    'text',
    {
      x: cx,
      y: baseline,
      'text-anchor': 'middle',
      'font-size': size,
      'font-weight': 'bold',
      fill: theme.foreground,
      class: 'title',
    },
    esc(title),
  );
}
