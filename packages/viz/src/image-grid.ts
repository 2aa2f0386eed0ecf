import { GdRangeError, GdTypeError } from '@gd/errors';
import { titleText } from './axes';
import { assertPositiveInt } from './errors';
import { el, esc, svgDocument } from './svg';
import { resolveTheme, type Theme, textWidth } from './theme';
import type { PlotOptions } from './plot-common';

/** A grayscale image: `data` row-major, `height` × `width` values. */
export interface GrayImage {
  data: ArrayLike<number>;
  width: number;
  height: number;
}

/** Options of {@link imageGrid}. */
export interface ImageGridOptions extends PlotOptions {
  /** Images per row (default: ⌈√n⌉, at most 10). */
  columns?: number;
  /** True labels, one per image (numbers are looked up in `classNames` when given). */
  labels?: ArrayLike<number | string>;
  /** Predicted labels; shown in blue when right, in vermillion with "(truth)" underneath when wrong. */
  predictions?: ArrayLike<number | string>;
  /** Class names, e.g. Fashion-MNIST's ['T-shirt/top', 'Trouser', …]. */
  classNames?: string[];
  /** Pixel value range mapped to black..white (default [0, 1] if all values ≤ 1, else [0, 255]). */
  vRange?: [number, number];
  /** Cell size in px of each image (default 84). */
  cellSize?: number;
  /** White digits on black (default, as `imshow(cmap='gray')`) or `'inverted'` black on white. */
  mode?: 'normal' | 'inverted';
}

function nameOf(v: number | string, classNames?: string[]): string {
  return typeof v === 'number' && classNames && classNames[v] !== undefined
    ? classNames[v]
    : String(v);
}

function shade(v: number, lo: number, hi: number, inverted: boolean): number {
  const t = Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
  return Math.round((inverted ? 1 - t : t) * 255);
}

function gray(level: number): string {
  const h = level.toString(16).padStart(2, '0');
  return `#${h}${h}${h}`;
}

/**
 * Shows grayscale images (dataset samples: MNIST digits, Fashion-MNIST) in a grid, each with its
 * label or "prediction (truth)" above it, like a matplotlib subplot grid of `imshow(cmap='gray')`.
 * Pixels are quantised to 256 grey levels and drawn as merged horizontal runs, so output stays
 * small and the figure needs no raster images.
 *
 * Defaults: ⌈√n⌉ columns (max 10), 84 px cells, value range [0, 1] or [0, 255] by data.
 *
 * @example
 * ```js
 * const svg = imageGrid(images.map((d) => ({ data: d, width: 28, height: 28 })), {
 *   labels: [7, 2, 1], predictions: [7, 3, 1],
 * });
 * ```
 */
export function imageGrid(images: GrayImage[], options: ImageGridOptions = {}): string {
  const op = 'imageGrid';
  if (!Array.isArray(images) || images.length === 0)
    throw new GdRangeError(`${op}: images is empty; pass at least one { data, width, height }`);
  const theme: Theme = resolveTheme(options.theme);
  images.forEach((im, i) => {
    if (!im?.data) throw new GdTypeError(`${op}: images[${i}] must be { data, width, height }`);
    assertPositiveInt(op, `images[${i}].width`, im.width);
    assertPositiveInt(op, `images[${i}].height`, im.height);
    if (im.data.length !== im.width * im.height) {
      throw new GdRangeError(
        `${op}: images[${i}] has ${im.data.length} values but width × height = ${im.width * im.height}`,
      );
    }
  });
  const n = images.length;
  for (const [k, a] of [
    ['labels', options.labels],
    ['predictions', options.predictions],
  ] as const) {
    if (a !== undefined && a.length !== n)
      throw new GdRangeError(`${op}: ${k} has ${a.length} entries but there are ${n} images`);
  }
  const cols = options.columns ?? Math.min(10, Math.ceil(Math.sqrt(n)));
  assertPositiveInt(op, 'columns', cols);
  const rows = Math.ceil(n / cols);
  const cell = options.cellSize ?? 84;
  let maxV = 0;
  for (const im of images)
    for (let k = 0; k < im.data.length; k++) maxV = Math.max(maxV, im.data[k]);
  const [lo, hi] = options.vRange ?? (maxV <= 1 ? [0, 1] : [0, 255]);
  const inverted = options.mode === 'inverted';
  const hasText = options.labels !== undefined || options.predictions !== undefined;
  const isWrong = (i: number) =>
    options.labels !== undefined &&
    options.predictions !== undefined &&
    nameOf(options.labels[i], options.classNames) !==
      nameOf(options.predictions[i], options.classNames);
  // a wrong prediction gets a second line with the truth, so every cell reserves two lines then
  const anyWrong = images.some((_, i) => isWrong(i));
  const lineH = theme.tickSize + 3;
  const textH = hasText ? (anyWrong ? 2 * lineH + 5 : lineH + 5) : 0;
  const gap = 8;
  const top = options.title ? theme.titleSize + 22 : gap;
  const width = options.width ?? cols * (cell + gap) + gap;
  const height = options.height ?? top + rows * (cell + textH + gap);
  const right = '#0072B2';
  const wrong = '#D55E00';
  let body = '';
  images.forEach((im, idx) => {
    const r = Math.floor(idx / cols);
    const c = idx % cols;
    const x0 = gap + c * (cell + gap);
    const y0 = top + r * (cell + textH + gap) + textH;
    const s = cell / Math.max(im.width, im.height);
    const bg = shade(lo, lo, hi, inverted);
    let g = el('rect', {
      x: x0,
      y: y0,
      width: im.width * s,
      height: im.height * s,
      fill: gray(bg),
    });
    let runs = '';
    for (let yy = 0; yy < im.height; yy++) {
      let xx = 0;
      while (xx < im.width) {
        const level = shade(im.data[yy * im.width + xx], lo, hi, inverted);
        let e = xx + 1;
        while (e < im.width && shade(im.data[yy * im.width + e], lo, hi, inverted) === level) e++;
        if (level !== bg) {
          runs += el('rect', {
            x: x0 + xx * s,
            y: y0 + yy * s,
            width: (e - xx) * s + 0.25,
            height: s + 0.25,
            fill: gray(level),
          });
        }
        xx = e;
      }
    }
    g += el('g', { 'shape-rendering': 'crispEdges' }, runs);
    if (hasText) {
      const truth = options.labels ? nameOf(options.labels[idx], options.classNames) : undefined;
      const pred = options.predictions
        ? nameOf(options.predictions[idx], options.classNames)
        : undefined;
      const lines: string[] = [];
      let color = theme.foreground;
      if (pred !== undefined) {
        lines.push(pred);
        if (truth !== undefined) {
          color = truth === pred ? right : wrong;
          if (truth !== pred) lines.push(`(${truth})`);
        }
      } else if (truth !== undefined) {
        lines.push(truth);
      }
      lines.forEach((text, li) => {
        let size = theme.tickSize;
        while (size > 7 && textWidth(text, size) > cell + gap - 2) size -= 1;
        const yText = y0 - 5 - (lines.length - 1 - li) * lineH;
        g += el(
          'text',
          {
            x: x0 + cell / 2,
            y: yText,
            'text-anchor': 'middle',
            'font-size': size,
            fill: color,
            class: 'image-label',
          },
          esc(text),
        );
      });
    }
    body += el('g', { class: 'image', 'data-index': idx }, g);
  });
  if (options.title) body += titleText(options.title, width / 2, top - 12, theme, width);
  const wrongCount =
    options.labels && options.predictions
      ? Array.from(options.predictions).filter(
          (p, i) =>
            nameOf(p, options.classNames) !==
            nameOf((options.labels as ArrayLike<number | string>)[i], options.classNames),
        ).length
      : undefined;
  const desc =
    options.description ??
    `${n} grayscale images of ${images[0].width} × ${images[0].height} pixels in ${rows} rows of ${cols}` +
      (options.labels
        ? `; labels: ${Array.from(options.labels, (v) => nameOf(v, options.classNames)).join(', ')}`
        : '') +
      (wrongCount !== undefined ? `; ${wrongCount} of ${n} predictions wrong` : '') +
      '.';
  return svgDocument(
    width,
    height,
    options.title ?? 'Image grid',
    desc,
    body,
    theme.background,
    theme.fontFamily,
  );
}
