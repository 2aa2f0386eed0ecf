import { GdRangeError } from '@gd/errors';
import type { Frame } from './axes';
import { fmt } from './format';
import { type MarkerShape, marker } from './markers';
import { el, esc } from './svg';
import { type Theme, textWidth } from './theme';

/** One legend row: a line sample and/or a marker, then the label. */
export interface LegendEntry {
  label: string;
  color: string;
  line?: boolean;
  dash?: string;
  marker?: MarkerShape;
}

/** Where the legend goes, as matplotlib's `loc=`; `'best'` picks the place covering the least data. */
export type LegendLocation =
  | 'best'
  | 'upper right'
  | 'upper left'
  | 'lower left'
  | 'lower right'
  | 'center left'
  | 'center right'
  | 'lower center'
  | 'upper center'
  | 'none';

type Placed = Exclude<LegendLocation, 'best' | 'none'>;

// matplotlib's order of preference for loc='best'
const ORDER: Placed[] = [
  'upper right',
  'upper left',
  'lower left',
  'lower right',
  'center left',
  'center right',
  'lower center',
  'upper center',
];

/** Whether the segment p–q meets the axis-aligned box [x0, x1] × [y0, y1] (Liang–Barsky clipping). */
export function segmentMeetsBox(
  p: readonly [number, number],
  q: readonly [number, number],
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): boolean {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  let t0 = 0;
  let t1 = 1;
  for (const [den, num] of [
    [-dx, p[0] - x0],
    [dx, x1 - p[0]],
    [-dy, p[1] - y0],
    [dy, y1 - p[1]],
  ]) {
    if (den === 0) {
      if (num < 0) return false;
    } else {
      const t = num / den;
      if (den < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/**
 * Draws a legend box inside the plot area. For `'best'`, scores each candidate box as matplotlib
 * does — the data points (in px) it would hide plus the polylines of `lines` that cross it —
 * and takes the first place with the lowest score, in matplotlib's order. Without the segments a
 * long straight piece of line (a trajectory's big jump, a line running out of `xLim`) could sit
 * under the legend. Callers add sample points of other overlays (annotation text) too.
 */
export function drawLegend(
  entries: LegendEntry[],
  frame: Frame,
  theme: Theme,
  loc: LegendLocation,
  points: ReadonlyArray<readonly [number, number]>,
  lines: ReadonlyArray<ReadonlyArray<readonly [number, number]>> = [],
): string {
  if (loc === 'none' || entries.length === 0) return '';
  const size = theme.legendSize;
  const rowH = size + 7;
  const sample = 24;
  const pad = 8;
  const w = pad * 2 + sample + 6 + Math.max(...entries.map((e) => textWidth(e.label, size)));
  const h = pad * 2 + rowH * entries.length - 7;
  const inset = 8;
  const boxAt = (l: Placed): [number, number] => [
    l.endsWith('right')
      ? frame.right - inset - w
      : l.endsWith('left')
        ? frame.left + inset
        : (frame.left + frame.right - w) / 2,
    l.startsWith('upper')
      ? frame.top + inset
      : l.startsWith('lower')
        ? frame.bottom - inset - h
        : (frame.top + frame.bottom - h) / 2,
  ];
  let chosen: Placed = 'upper right';
  if (loc === 'best') {
    let best = Number.POSITIVE_INFINITY;
    for (const l of ORDER) {
      const [bx, by] = boxAt(l);
      let n = 0;
      for (const [px, py] of points)
        if (px >= bx - 4 && px <= bx + w + 4 && py >= by - 4 && py <= by + h + 4) n++;
      // +1 per line that crosses the box, as matplotlib's Line2D.intersects_bbox
      for (const line of lines) {
        for (let k = 1; k < line.length; k++) {
          if (segmentMeetsBox(line[k - 1], line[k], bx - 4, by - 4, bx + w + 4, by + h + 4)) {
            n++;
            break;
          }
        }
      }
      if (n < best) {
        best = n;
        chosen = l;
      }
    }
  } else if (ORDER.includes(loc)) {
    chosen = loc;
  } else {
    throw new GdRangeError(
      `legend: unknown location ${JSON.stringify(loc)}; use 'best', 'none' or one of ${ORDER.join(', ')}`,
    );
  }
  const [bx, by] = boxAt(chosen);
  let body = el('rect', {
    x: bx,
    y: by,
    width: w,
    height: h,
    rx: 3,
    fill: theme.background,
    'fill-opacity': 0.85,
    stroke: '#cccccc',
    'stroke-width': 1,
  });
  entries.forEach((e, i) => {
    const cy = by + pad + i * rowH + size / 2;
    const sx = bx + pad;
    if (e.line !== false) {
      body += el('path', {
        d: `M${fmt(sx)},${fmt(cy)}h${sample}`,
        stroke: e.color,
        'stroke-width': theme.lineWidth,
        'stroke-dasharray': e.dash,
        fill: 'none',
      });
    }
    if (e.marker && e.marker !== 'none') body += marker(e.marker, sx + sample / 2, cy, 7, e.color);
    body += el(
      'text',
      { x: sx + sample + 6, y: cy + size * 0.36, 'font-size': size, fill: theme.foreground },
      esc(e.label),
    );
  });
  return el('g', { class: 'legend', 'data-loc': chosen }, body);
}
