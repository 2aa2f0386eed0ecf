import { fmt } from './format';
import { el, esc } from './svg';
import { type Theme, textWidth } from './theme';

/**
 * A text label with an optional arrow to a point, like matplotlib's
 * `annotate(text, xy=xy, xytext=xyText, arrowprops=dict(arrowstyle='->'))`.
 */
export interface Annotation {
  /** Label; `\n` starts a new line. */
  text: string;
  /** The point the arrow points at, in data coordinates. */
  xy: [number, number];
  /** Where the text's lower-left corner (last line's baseline) goes, in data coordinates. Default `xy`. */
  xyText?: [number, number];
  /** Draw the arrow (default true when `xyText` differs from `xy`). */
  arrow?: boolean;
  color?: string;
}

/**
 * Draws annotations given the data→pixel mapping; `avoid` receives sample points of each text box
 * and arrow so a 'best' legend can keep clear of them.
 */
export function drawAnnotations(
  list: Annotation[],
  px: (v: number) => number,
  py: (v: number) => number,
  theme: Theme,
  avoid: [number, number][] = [],
): string {
  let out = '';
  const size = theme.labelSize - 1;
  const lh = size * 1.2;
  for (const a of list) {
    const color = a.color ?? theme.foreground;
    const [tx, ty] = a.xyText ? [px(a.xyText[0]), py(a.xyText[1])] : [px(a.xy[0]), py(a.xy[1])];
    const lines = a.text.split('\n');
    const w = Math.max(...lines.map((l) => textWidth(l, size)));
    const top = ty - size * 0.8 - (lines.length - 1) * lh;
    const bottom = ty + size * 0.25;
    let tspans = '';
    lines.forEach((l, i) => {
      tspans += el('tspan', { x: tx, y: ty - (lines.length - 1 - i) * lh }, esc(l));
    });
    let g = el('text', { 'font-size': size, fill: color }, tspans);
    for (let u = 0; u <= 6; u++) {
      for (let v = 0; v <= 2; v++) {
        // weighted: hiding text is worse than hiding a few curve samples
        for (let rep = 0; rep < 4; rep++)
          avoid.push([tx + (w * u) / 6, top + ((bottom - top) * v) / 2]);
      }
    }
    const ax = px(a.xy[0]);
    const ay = py(a.xy[1]);
    const wantArrow = a.arrow ?? a.xyText !== undefined;
    if (wantArrow) {
      const cx = tx + w / 2;
      const cy = (top + bottom) / 2;
      let dx = ax - cx;
      let dy = ay - cy;
      const len = Math.hypot(dx, dy);
      if (len > 1e-9) {
        dx /= len;
        dy /= len;
        // leave the text box: distance to the box edge along the direction, plus a 3 px gap
        const hw = w / 2 + 3;
        const hh = (bottom - top) / 2 + 3;
        const tEdge = Math.min(
          Math.abs(dx) > 1e-9 ? hw / Math.abs(dx) : Number.POSITIVE_INFINITY,
          Math.abs(dy) > 1e-9 ? hh / Math.abs(dy) : Number.POSITIVE_INFINITY,
        );
        const sx = cx + dx * tEdge;
        const sy = cy + dy * tEdge;
        const ex = ax - dx * 2;
        const ey = ay - dy * 2;
        if ((ex - sx) * dx + (ey - sy) * dy > 4) {
          const head = 8;
          const ang = Math.atan2(dy, dx);
          const h1 = [ex - head * Math.cos(ang - 0.42), ey - head * Math.sin(ang - 0.42)];
          const h2 = [ex - head * Math.cos(ang + 0.42), ey - head * Math.sin(ang + 0.42)];
          for (let u = 0; u <= 8; u++)
            avoid.push([sx + ((ex - sx) * u) / 8, sy + ((ey - sy) * u) / 8]);
          g += el('path', {
            d: `M${fmt(sx)},${fmt(sy)}L${fmt(ex)},${fmt(ey)}M${fmt(h1[0])},${fmt(h1[1])}L${fmt(ex)},${fmt(ey)}L${fmt(h2[0])},${fmt(h2[1])}`,
            fill: 'none',
            stroke: color,
            'stroke-width': 1.2,
            'stroke-linecap': 'round',
            'stroke-linejoin': 'round',
            class: 'arrow',
          });
        }
      }
    }
    out += el('g', { class: 'annotation' }, g);
  }
  return out;
}
