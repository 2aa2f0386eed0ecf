import { type ScaleType, ticksFor } from './axes';
import { fmt } from './format';
import { el, esc } from './svg';
import { type Theme, textWidth } from './theme';

/** Horizontal space a colour bar needs to the right of the plot area. */
export const COLORBAR_SPACE = 86;

/**
 * A vertical colour bar beside the plot area: `bands` gives discrete colours (filled contours)
 * between `edges`; otherwise a continuous ramp of `color(v)` over `domain`.
 */
export function drawColorbar(
  x: number,
  top: number,
  bottom: number,
  domain: [number, number],
  scale: ScaleType,
  color: (v: number) => string,
  theme: Theme,
  label?: string,
  bands?: { edges: number[]; colors: string[] },
): string {
  const w = 14;
  const h = bottom - top;
  if (!(domain[1] > domain[0])) {
    // a constant field: centre the single value in a unit-wide bar
    const c = domain[0];
    const d = Math.abs(c) > 0 ? Math.abs(c) * 0.1 : 1;
    domain = [c - d, c + d];
    if (bands) bands = { edges: [domain[0], domain[1]], colors: [bands.colors[0]] };
  }
  const toT = (v: number) =>
    scale === 'log'
      ? (Math.log10(v) - Math.log10(domain[0])) / (Math.log10(domain[1]) - Math.log10(domain[0]))
      : (v - domain[0]) / (domain[1] - domain[0]);
  const py = (v: number) => bottom - toT(v) * h;
  let g = '';
  if (bands) {
    for (let i = 0; i < bands.colors.length; i++) {
      const y0 = py(bands.edges[i + 1]);
      const y1 = py(bands.edges[i]);
      g += el('rect', { x, y: y0, width: w, height: Math.max(0, y1 - y0), fill: bands.colors[i] });
    }
  } else {
    const n = 64;
    for (let i = 0; i < n; i++) {
      const t0 = i / n;
      const v =
        scale === 'log'
          ? 10 **
            (Math.log10(domain[0]) +
              ((i + 0.5) / n) * (Math.log10(domain[1]) - Math.log10(domain[0])))
          : domain[0] + ((i + 0.5) / n) * (domain[1] - domain[0]);
      const ya = bottom - (t0 + 1 / n) * h;
      g += el('rect', { x, y: ya, width: w, height: h / n + 0.5, fill: color(v) });
    }
  }
  g += el('rect', {
    x,
    y: top,
    width: w,
    height: h,
    fill: 'none',
    stroke: theme.foreground,
    'stroke-width': 0.8,
  });
  const ticks = ticksFor(domain, scale, Math.max(3, Math.round(h / 50)));
  let tp = '';
  let maxW = 0;
  for (const t of ticks) {
    const yy = py(t.value);
    if (yy < top - 0.5 || yy > bottom + 0.5) continue;
    tp += `M${fmt(x + w)},${fmt(yy)}h${t.minor ? 2 : 4}`;
    if (t.label) {
      maxW = Math.max(maxW, textWidth(t.label, theme.tickSize));
      g += el(
        'text',
        {
          x: x + w + 7,
          y: yy + theme.tickSize * 0.35,
          'font-size': theme.tickSize,
          fill: theme.foreground,
        },
        t.label,
      );
    }
  }
  g += el('path', { d: tp, stroke: theme.foreground, 'stroke-width': 1, fill: 'none' });
  if (label) {
    const lx = x + w + 14 + maxW + theme.labelSize * 0.8;
    const ly = (top + bottom) / 2;
    g += el(
      'text',
      {
        x: lx,
        y: ly,
        transform: `rotate(-90 ${fmt(lx)} ${fmt(ly)})`,
        'text-anchor': 'middle',
        'font-size': theme.labelSize - 1,
        fill: theme.foreground,
      },
      esc(label),
    );
  }
  return el('g', { class: 'colorbar' }, g);
}
