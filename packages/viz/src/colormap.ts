import { GdRangeError, GdTypeError } from '@gd/errors';
import {
  interpolateBlues,
  interpolateGreys,
  interpolateMagma,
  interpolateRdBu,
  interpolateViridis,
} from 'd3-scale-chromatic';

/** A colour map: t ∈ [0, 1] → CSS colour. */
export type ColormapFn = (t: number) => string;

/** Named colour maps, as in matplotlib; `'coolwarm'` is the blue→white→red diverging map (reversed RdBu). */
export type ColormapName = 'viridis' | 'magma' | 'blues' | 'gray' | 'coolwarm';

/** A colour map by name or function. */
export type Colormap = ColormapName | ColormapFn;

const NAMED: Record<ColormapName, ColormapFn> = {
  viridis: interpolateViridis,
  magma: interpolateMagma,
  blues: interpolateBlues,
  gray: (t) => interpolateGreys(1 - t),
  coolwarm: (t) => interpolateRdBu(1 - t),
};

/** Parses `#rrggbb` or `rgb(r, g, b)` to bytes. */
export function parseColor(c: string): [number, number, number] {
  const hex = /^#([0-9a-f]{6})$/i.exec(c);
  if (hex) {
    const n = Number.parseInt(hex[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const short = /^#([0-9a-f]{3})$/i.exec(c);
  if (short) {
    const [r, g, b] = short[1].split('').map((h) => Number.parseInt(h + h, 16));
    return [r, g, b];
  }
  const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/i.exec(c);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new GdTypeError(
    `colormap: cannot parse colour ${JSON.stringify(c)}; use #rrggbb or rgb(r, g, b)`,
  );
}

/** Bytes to `#rrggbb`. */
export function toHex(rgb: readonly [number, number, number]): string {
  return `#${rgb
    .map((v) =>
      Math.max(0, Math.min(255, Math.round(v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Mixes a colour with white: `amount` 0 keeps it, 1 gives white. */
export function lighten(c: string, amount: number): string {
  const [r, g, b] = parseColor(c);
  return toHex([r + (255 - r) * amount, g + (255 - g) * amount, b + (255 - b) * amount]);
}

/**
 * Resolves a colour map (matplotlib's names via d3-scale-chromatic, or a function) to a function
 * t ↦ `#rrggbb`, with t clamped to [0, 1]. Default `'viridis'`.
 *
 * @example
 * ```js
 * colormap('coolwarm')(0); // a blue, '#053061'
 * ```
 */
export function colormap(cmap: Colormap = 'viridis'): ColormapFn {
  const fn = typeof cmap === 'function' ? cmap : NAMED[cmap];
  if (!fn) {
    throw new GdRangeError(
      `colormap: unknown colour map ${JSON.stringify(cmap)}; use one of ${Object.keys(NAMED).join(', ')} or a function`,
    );
  }
  return (t) => toHex(parseColor(fn(Number.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0)));
}
