import { GdRangeError, GdTypeError } from '@gd/errors';
import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type ResvgRenderOptions, Resvg } from '@resvg/resvg-js';
import * as gifencModule from 'gifenc';

// gifenc's Node entry is CommonJS without named-export hints, so under Node's ESM loader its
// functions sit on the default export; bundlers that pick its ESM build expose them directly.
const { GIFEncoder, applyPalette, quantize } =
  'GIFEncoder' in gifencModule && typeof gifencModule.GIFEncoder === 'function'
    ? gifencModule
    : gifencModule.default;

export * from './index';

/** Options of {@link toPng} and {@link rasterize}. */
export interface RasterOptions {
  /** Output width in px; height follows the SVG's aspect ratio. Default: the SVG's own width. */
  width?: number;
  /** Zoom factor (e.g. 2 for a high-DPI image); ignored when `width` is given. Default 1. */
  scale?: number;
  /** Font settings passed to resvg; by default system fonts with DejaVu Sans preferred. */
  font?: ResvgRenderOptions['font'];
  /**
   * TTF/OTF files loaded besides the system fonts, e.g. a CJK font for Japanese labels
   * (`@expo-google-fonts/noto-sans-jp`): characters the SVG's font lacks are drawn with the first
   * loaded font that has them instead of as boxes. Default none.
   */
  fontFiles?: string[];
}

/** RGBA pixels of a rendered SVG, row-major, 4 bytes per pixel. */
export interface RgbaImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

function resvgOptions(op: string, o: RasterOptions): ResvgRenderOptions {
  let fitTo: ResvgRenderOptions['fitTo'] = { mode: 'original' };
  if (o.width !== undefined) {
    if (!Number.isInteger(o.width) || o.width < 1 || o.width > 16384) {
      throw new GdRangeError(
        `${op}: width must be an integer in [1, 16384] px, got ${String(o.width)}`,
      );
    }
    fitTo = { mode: 'width', value: o.width };
  } else if (o.scale !== undefined) {
    if (!Number.isFinite(o.scale) || o.scale <= 0 || o.scale > 16) {
      throw new GdRangeError(`${op}: scale must be a number in (0, 16], got ${String(o.scale)}`);
    }
    fitTo = { mode: 'zoom', value: o.scale };
  }
  return {
    fitTo,
    font: {
      ...(o.font ?? {
        loadSystemFonts: true,
        defaultFontFamily: 'DejaVu Sans',
        sansSerifFamily: 'DejaVu Sans',
      }),
      ...(o.fontFiles ? { fontFiles: [...(o.font?.fontFiles ?? []), ...o.fontFiles] } : {}),
    },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  };
}

function checkSvg(op: string, svg: unknown): asserts svg is string {
  if (typeof svg !== 'string' || !svg.trimStart().startsWith('<svg')) {
    throw new GdTypeError(
      `${op}: expected an SVG string starting with <svg, got ${typeof svg === 'string' ? JSON.stringify(svg.slice(0, 30)) : typeof svg}`,
    );
  }
}

/**
 * Renders an SVG string to RGBA pixels with resvg (used by {@link toPng} and {@link animateGif};
 * handy for pixel tests).
 *
 * @example
 * ```js
 * const { width, height, pixels } = rasterize(linePlot({ y: [1, 2, 3] }), { width: 320 });
 * ```
 */
export function rasterize(svg: string, options: RasterOptions = {}): RgbaImage {
  checkSvg('rasterize', svg);
  const img = new Resvg(svg, resvgOptions('rasterize', options)).render();
  return { width: img.width, height: img.height, pixels: new Uint8Array(img.pixels) };
}

/**
 * Renders an SVG string to a PNG with resvg, using the system fonts (DejaVu Sans preferred).
 *
 * Output size: `width` px wide if given, else the SVG size × `scale` (default 1).
 *
 * @example
 * ```js
 * const png = toPng(svg, { scale: 2 }); // Uint8Array holding a PNG file
 * ```
 */
export function toPng(svg: string, options: RasterOptions = {}): Uint8Array {
  checkSvg('toPng', svg);
  return new Uint8Array(new Resvg(svg, resvgOptions('toPng', options)).render().asPng());
}

/** Options of {@link animateGif}. */
export interface GifOptions extends RasterOptions {
  /** Frames per second (default 10, as the gradient-descent lecture's `logger.gif(..., fps=10)`). */
  fps?: number;
  /** Loop count: 0 = forever (default), −1 = play once, n = n repeats. */
  repeat?: number;
  /** Extra time the last frame stays on screen, in ms (default 1000). */
  holdLast?: number;
  /** Palette size, 2 … 256 (default 256); fewer colours give smaller files. */
  colors?: number;
}

/**
 * Encodes SVG frames as an animated GIF: each frame is rendered to RGBA with resvg, then all
 * frames share one palette (quantised with gifenc from the first and last frame, so colours do
 * not flicker between frames).
 *
 * Frame delay = 1000 / fps ms (default fps 10); the last frame is held `holdLast` ms longer
 * (default 1000); 256 colours; loops forever by default.
 *
 * @example
 * ```js
 * const gif = animateGif(animateTrajectory({ f: (x) => x * x, domain: [-3, 3], path: xs }), { fps: 10 });
 * ```
 */
export function animateGif(frames: string[], options: GifOptions = {}): Uint8Array {
  const op = 'animateGif';
  if (!Array.isArray(frames) || frames.length === 0) {
    throw new GdRangeError(`${op}: frames must be a non-empty array of SVG strings`);
  }
  const fps = options.fps ?? 10;
  if (!Number.isFinite(fps) || fps <= 0 || fps > 100) {
    throw new GdRangeError(`${op}: fps must be in (0, 100], got ${String(fps)}`);
  }
  const holdLast = options.holdLast ?? 1000;
  const colors = options.colors ?? 256;
  if (!Number.isInteger(colors) || colors < 2 || colors > 256) {
    throw new GdRangeError(`${op}: colors must be an integer in [2, 256], got ${String(colors)}`);
  }
  const images = frames.map((f, i) => {
    checkSvg(`${op}: frames[${i}]`, f);
    return rasterize(f, options);
  });
  const { width, height } = images[0];
  images.forEach((im, i) => {
    if (im.width !== width || im.height !== height) {
      throw new GdRangeError(
        `${op}: frames[${i}] is ${im.width}×${im.height} px but frame 0 is ${width}×${height}; all frames must have the same size`,
      );
    }
  });
  const first = images[0].pixels;
  const last = images[images.length - 1].pixels;
  const sample = new Uint8Array(first.length + last.length);
  sample.set(first, 0);
  sample.set(last, first.length);
  // one palette slot is kept for "unchanged since the previous frame" (transparent): runs of it
  // compress far better than repeating the static axes in every frame
  const palette = quantize(sample, colors - 1);
  const keep = palette.length;
  palette.push([255, 0, 255]);
  const delay = Math.round(1000 / fps);
  const gif = GIFEncoder();
  let previous: Uint8Array | null = null;
  images.forEach((im, i) => {
    const index = applyPalette(im.pixels, palette.slice(0, keep));
    let out = index;
    if (previous) {
      out = new Uint8Array(index.length);
      for (let k = 0; k < index.length; k++) out[k] = index[k] === previous[k] ? keep : index[k];
    }
    gif.writeFrame(out, width, height, {
      palette: i === 0 ? palette : undefined,
      delay: i === images.length - 1 ? delay + holdLast : delay,
      repeat: options.repeat ?? 0,
      transparent: previous !== null,
      transparentIndex: keep,
      dispose: 1,
    });
    previous = index;
  });
  gif.finish();
  return gif.bytes();
}

/** Writes `data` to `path` atomically: a temporary file in the same directory, then a rename. */
function writeAtomic(op: string, path: string, data: string | Uint8Array): void {
  if (typeof path !== 'string' || path.length === 0)
    throw new GdTypeError(`${op}: path must be a non-empty string`);
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file was never created
    }
    throw err;
  }
}

/**
 * Writes an SVG string to a file atomically.
 *
 * @example
 * ```js
 * saveSvg('loss.svg', linePlot({ y: losses }));
 * ```
 */
export function saveSvg(path: string, svg: string): void {
  checkSvg('saveSvg', svg);
  writeAtomic('saveSvg', path, svg);
}

/**
 * Renders an SVG to PNG ({@link toPng}) and writes it atomically.
 *
 * @example
 * ```js
 * savePng('loss.png', linePlot({ y: losses }), { scale: 2 });
 * ```
 */
export function savePng(path: string, svg: string, options: RasterOptions = {}): void {
  writeAtomic('savePng', path, toPng(svg, options));
}

/**
 * Encodes frames as a GIF ({@link animateGif}) and writes it atomically.
 *
 * @example
 * ```js
 * saveGif('gd.gif', animateTrajectory({ f: (x) => x * x, domain: [-3, 3], path: xs }), { fps: 10 });
 * ```
 */
export function saveGif(path: string, frames: string[], options: GifOptions = {}): void {
  writeAtomic('saveGif', path, animateGif(frames, options));
}
