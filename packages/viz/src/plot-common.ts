import { GdRangeError } from '@gd/errors';
import type { Frame } from './axes';
import { fmt } from './format';
import { svgDocument } from './svg';
import { type Theme, resolveTheme } from './theme';

/** Size, text and theme options every SVG plot accepts. */
export interface PlotOptions {
  /** Figure width in px (default 640). */
  width?: number;
  /** Figure height in px (default 400). */
  height?: number;
  /** Figure title, drawn above the plot and used as the SVG `<title>`. */
  title?: string;
  /** Accessible description (`<desc>`); generated from the data when omitted. */
  description?: string;
  /** Theme overrides. */
  theme?: Partial<Theme>;
}

/** Reads and validates width/height/theme. */
export function setup(op: string, o: PlotOptions, width = 640, height = 400) {
  const w = o.width ?? width;
  const h = o.height ?? height;
  for (const [k, v] of [
    ['width', w],
    ['height', h],
  ] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 50) {
      throw new GdRangeError(`${op}: ${k} must be a finite number ≥ 50 px, got ${String(v)}`);
    }
  }
  return { width: w, height: h, theme: resolveTheme(o.theme) };
}

/** Line dash patterns by matplotlib name, or any SVG dasharray. */
export function dashArray(dash: string | undefined, lineWidth: number): string | undefined {
  if (!dash || dash === 'solid') return undefined;
  const u = Math.max(1, lineWidth);
  if (dash === 'dashed') return `${fmt(3.7 * u)} ${fmt(1.6 * u)}`;
  if (dash === 'dotted') return `${fmt(u)} ${fmt(1.65 * u)}`;
  if (dash === 'dashdot') return `${fmt(6.4 * u)} ${fmt(1.6 * u)} ${fmt(u)} ${fmt(1.6 * u)}`;
  return dash;
}

/** Assembles grid, clipped data, axes and overlays into a document. */
export function assemble(
  width: number,
  height: number,
  theme: Theme,
  title: string,
  desc: string,
  frame: Frame,
  data: string,
  overlay: string,
): string {
  const body =
    `<defs>${frame.clipDef}</defs>` +
    frame.grid +
    `<g clip-path="url(#{ID}-clip)" class="data">${data}</g>` +
    frame.axes +
    overlay;
  return svgDocument(width, height, title, desc, body, theme.background, theme.fontFamily);
}

/** Finite min/max over several arrays, skipping non-finite (and, for log axes, non-positive) values. */
export function extent(arrays: ArrayLike<number>[], positiveOnly = false): [number, number] | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (!Number.isFinite(v) || (positiveOnly && v <= 0)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}
