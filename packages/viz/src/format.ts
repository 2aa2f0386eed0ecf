import { GdRangeError } from '@gd/errors';

/**
 * Fixed number formatting for SVG coordinates: two decimals, trailing zeros dropped, never `-0`.
 * Keeps the output byte-identical across runs and platforms (no locale, no exponent forms).
 */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) throw new GdRangeError(`fmt: cannot write the non-finite number ${v}`);
  const s = (Math.round(v * 100) / 100).toFixed(2);
  const t = s.replace(/\.?0+$/, '');
  return t === '-0' ? '0' : t;
}

const MINUS = '\u2212';

/**
 * Formats tick values so that neighbouring ticks `step` apart are distinguishable, as matplotlib's
 * ScalarFormatter does: as many decimals as the step needs, a typographic minus sign, and
 * scientific notation (`1e-5`) for very large or very small magnitudes (≥ 10⁵ or < 10⁻⁴).
 *
 * `axisMag`, the largest |tick| of the axis, makes that choice once per axis, so one axis never
 * mixes `20000` with `1e5`. Default: |v|.
 *
 * @example
 * ```js
 * formatTick(0.25, 0.05); // '0.25'
 * formatTick(20000, 20000, 1e5); // '2e4'
 * ```
 */
export function formatTick(v: number, step: number, axisMag = Math.abs(v)): string {
  if (v === 0 || Math.abs(v) < Math.abs(step) * 1e-9) return '0';
  const mag = Math.abs(v);
  let s: string;
  if (axisMag >= 1e5 || axisMag < 1e-4) {
    const digits = Math.max(0, Math.ceil(Math.log10(mag / Math.abs(step)) - 1e-9));
    s = v
      // up to 15 digits (what float64 holds), so close ticks on a large offset stay distinct
      .toExponential(Math.min(digits, 15))
      .replace(/\.?0+e/, 'e')
      .replace('e+', 'e');
  } else {
    const decimals = Math.max(0, Math.min(10, -Math.floor(Math.log10(Math.abs(step)) + 1e-9)));
    s = v.toFixed(decimals);
  }
  return s.replace('-', MINUS);
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '\u207b',
  '0': '\u2070',
  '1': '\u00b9',
  '2': '\u00b2',
  '3': '\u00b3',
  '4': '\u2074',
  '5': '\u2075',
  '6': '\u2076',
  '7': '\u2077',
  '8': '\u2078',
  '9': '\u2079',
};

/** Writes 10^k with Unicode superscripts (`10⁻³`), the way matplotlib labels a log axis. */
export function formatPow10(k: number): string {
  return `10${String(k)
    .split('')
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join('')}`;
}

/** Formats a value for human-facing labels (legend, frame captions): up to `digits` significant digits. */
export function formatValue(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const mag = Math.abs(v);
  if (mag >= 1e5 || mag < 1e-3) return v.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  return String(Number(v.toPrecision(digits))).replace('-', MINUS);
}
