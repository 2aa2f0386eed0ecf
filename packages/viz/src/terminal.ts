import { GdRangeError, GdTypeError } from '@gd/errors';
import { formatValue } from './format';

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** Options of {@link sparkline}. */
export interface SparklineOptions {
  /** Value shown as the lowest bar (default: the minimum). */
  min?: number;
  /** Value shown as the highest bar (default: the maximum). */
  max?: number;
}

/**
 * A one-line chart of values with the block characters ▁▂▃▄▅▆▇█ (bar k = ⌊(v − min)/(max − min) · 7⌉);
 * non-finite values print as a space. For progress lines in the CLI.
 *
 * @example
 * ```js
 * sparkline([3, 2, 1.5, 1, 0.8]); // '█▅▃▁▁'
 * ```
 */
export function sparkline(values: ArrayLike<number>, options: SparklineOptions = {}): string {
  if (!values || typeof values.length !== 'number')
    throw new GdTypeError('sparkline: values must be an array of numbers');
  let lo = options.min ?? Number.POSITIVE_INFINITY;
  let hi = options.max ?? Number.NEGATIVE_INFINITY;
  if (options.min === undefined || options.max === undefined) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      if (options.min === undefined) lo = Math.min(lo, v);
      if (options.max === undefined) hi = Math.max(hi, v);
    }
  }
  let out = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      out += ' ';
      continue;
    }
    const t = hi > lo ? (Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo) : 0.5;
    out += BARS[Math.round(t * (BARS.length - 1))];
  }
  return out;
}

/** Options of {@link terminalChart}. */
export interface TerminalChartOptions {
  /** Plot width in character cells (default 60). */
  width?: number;
  /** Plot height in character cells (default 12). */
  height?: number;
  title?: string;
  /** Log₁₀ y axis (default false). */
  logY?: boolean;
  /** x values (default 0 … n − 1), shared by all series. */
  x?: ArrayLike<number>;
  /** Series labels, printed in a legend line. */
  labels?: string[];
  /** Colour each series with ANSI escapes (default false); braille dots of several series are only told apart by colour. */
  color?: boolean;
}

const ANSI = ['\x1b[34m', '\x1b[31m', '\x1b[32m', '\x1b[35m', '\x1b[33m', '\x1b[36m'];
const DOT = [
  [0x01, 0x08],
  [0x02, 0x10],
  [0x04, 0x20],
  [0x40, 0x80],
];

/**
 * A small line chart for the terminal drawn with braille dots (2 × 4 dots per character), with
 * y-axis labels at the top and bottom and the x range underneath — for loss curves in the CLI.
 *
 * Defaults: 60 × 12 cells, linear y.
 *
 * @example
 * ```js
 * console.log(terminalChart([losses], { title: 'loss', logY: true }));
 * ```
 */
export function terminalChart(
  series: ArrayLike<number> | ArrayLike<number>[],
  options: TerminalChartOptions = {},
): string {
  const op = 'terminalChart';
  const list: ArrayLike<number>[] =
    Array.isArray(series) && series.length > 0 && typeof series[0] !== 'number'
      ? (series as ArrayLike<number>[])
      : [series as ArrayLike<number>];
  if (list.length === 0 || list.every((s) => s.length === 0))
    throw new GdRangeError(`${op}: no values to plot`);
  const w = options.width ?? 60;
  const h = options.height ?? 12;
  if (!Number.isInteger(w) || w < 8 || !Number.isInteger(h) || h < 2) {
    throw new GdRangeError(`${op}: width must be an integer ≥ 8 and height ≥ 2, got ${w} × ${h}`);
  }
  const n = Math.max(...list.map((s) => s.length));
  const xs = options.x;
  if (xs && xs.length !== n)
    throw new GdRangeError(`${op}: x has ${xs.length} values but the longest series has ${n}`);
  const tf = (v: number) => (options.logY ? (v > 0 ? Math.log10(v) : Number.NaN) : v);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const s of list) {
    for (let i = 0; i < s.length; i++) {
      const v = tf(s[i]);
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (!(lo <= hi))
    throw new GdRangeError(`${op}: no finite${options.logY ? ' positive' : ''} values to plot`);
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const cells = new Uint8Array(w * h);
  const owner = new Int8Array(w * h).fill(-1);
  const dotsW = w * 2;
  const dotsH = h * 4;
  list.forEach((s, si) => {
    let prev: [number, number] | null = null;
    for (let i = 0; i < s.length; i++) {
      const v = tf(s[i]);
      if (!Number.isFinite(v)) {
        prev = null;
        continue;
      }
      const dx = n === 1 ? 0 : Math.round((i / (n - 1)) * (dotsW - 1));
      const dy = Math.round(((hi - v) / (hi - lo)) * (dotsH - 1));
      // join consecutive points so steep segments stay connected
      const steps = prev ? Math.max(Math.abs(dx - prev[0]), Math.abs(dy - prev[1]), 1) : 1;
      for (let k = 1; k <= steps; k++) {
        const px = prev ? Math.round(prev[0] + ((dx - prev[0]) * k) / steps) : dx;
        const py = prev ? Math.round(prev[1] + ((dy - prev[1]) * k) / steps) : dy;
        const c = Math.floor(py / 4) * w + Math.floor(px / 2);
        cells[c] |= DOT[py % 4][px % 2];
        owner[c] = si;
      }
      prev = [dx, dy];
    }
  });
  const fmtY = (v: number) => formatValue(options.logY ? 10 ** v : v, 3);
  const topL = fmtY(hi);
  const botL = fmtY(lo);
  const lw = Math.max(topL.length, botL.length);
  const lines: string[] = [];
  if (options.title) lines.push(`${' '.repeat(lw + 2)}${options.title}`);
  for (let r = 0; r < h; r++) {
    const label = r === 0 ? topL : r === h - 1 ? botL : '';
    let row = '';
    for (let c = 0; c < w; c++) {
      const bits = cells[r * w + c];
      const ch = bits ? String.fromCharCode(0x2800 + bits) : ' ';
      const o = owner[r * w + c];
      row += options.color && bits && o >= 0 ? `${ANSI[o % ANSI.length]}${ch}\x1b[0m` : ch;
    }
    lines.push(`${label.padStart(lw)} ┤${row}`);
  }
  const x0 = xs ? formatValue(xs[0], 4) : '0';
  const x1 = xs ? formatValue(xs[n - 1], 4) : String(n - 1);
  lines.push(`${' '.repeat(lw)} └${'─'.repeat(w)}`);
  lines.push(
    `${' '.repeat(lw + 2)}${x0}${' '.repeat(Math.max(1, w - x0.length - x1.length))}${x1}`,
  );
  if (options.labels?.length) {
    lines.push(
      `${' '.repeat(lw + 2)}${options.labels
        .map((l, i) => (options.color ? `${ANSI[i % ANSI.length]}━\x1b[0m ${l}` : `${i + 1}: ${l}`))
        .join('   ')}`,
    );
  }
  return lines.join('\n');
}
