import { GdRangeError } from '@gd/errors';
import { fmt } from './format';
import { el, pathFrom } from './svg';

/** Marker shapes, named like matplotlib's `marker=` codes. */
export type MarkerShape =
  | 'circle'
  | 'square'
  | 'triangle'
  | 'diamond'
  | 'cross'
  | 'plus'
  | 'star'
  | 'none';

/** SVG for one marker of `size` px (diameter-ish) centred on (x, y). */
export function marker(
  shape: MarkerShape,
  x: number,
  y: number,
  size: number,
  fill: string,
  stroke = fill,
  strokeWidth = 1,
): string {
  const r = size / 2;
  switch (shape) {
    case 'none':
      return '';
    case 'circle':
      return el('circle', { cx: x, cy: y, r, fill, stroke, 'stroke-width': strokeWidth });
    case 'square':
      return el('rect', {
        x: x - r,
        y: y - r,
        width: size,
        height: size,
        fill,
        stroke,
        'stroke-width': strokeWidth,
      });
    case 'triangle':
      return el('path', {
        d: pathFrom(
          [
            [x, y - r * 1.15],
            [x + r, y + r * 0.85],
            [x - r, y + r * 0.85],
          ],
          true,
        ),
        fill,
        stroke,
        'stroke-width': strokeWidth,
      });
    case 'diamond':
      return el('path', {
        d: pathFrom(
          [
            [x, y - r * 1.2],
            [x + r, y],
            [x, y + r * 1.2],
            [x - r, y],
          ],
          true,
        ),
        fill,
        stroke,
        'stroke-width': strokeWidth,
      });
    case 'cross':
      return el('path', {
        d: `M${fmt(x - r)},${fmt(y - r)}L${fmt(x + r)},${fmt(y + r)}M${fmt(x - r)},${fmt(y + r)}L${fmt(x + r)},${fmt(y - r)}`,
        fill: 'none',
        stroke: fill,
        'stroke-width': Math.max(2, strokeWidth),
        'stroke-linecap': 'round',
      });
    case 'plus':
      return el('path', {
        d: `M${fmt(x - r)},${fmt(y)}L${fmt(x + r)},${fmt(y)}M${fmt(x)},${fmt(y - r)}L${fmt(x)},${fmt(y + r)}`,
        fill: 'none',
        stroke: fill,
        'stroke-width': Math.max(2, strokeWidth),
        'stroke-linecap': 'round',
      });
    case 'star': {
      const pts: [number, number][] = [];
      for (let k = 0; k < 10; k++) {
        const a = -Math.PI / 2 + (k * Math.PI) / 5;
        const rr = k % 2 === 0 ? r * 1.25 : r * 0.5;
        pts.push([x + rr * Math.cos(a), y + rr * Math.sin(a)]);
      }
      return el('path', { d: pathFrom(pts, true), fill, stroke, 'stroke-width': strokeWidth });
    }
    default:
      // Public options are resolved by resolveMarker first; never write "undefined" into SVG.
      throw new GdRangeError(`marker: unknown shape ${JSON.stringify(shape)}`);
  }
}
