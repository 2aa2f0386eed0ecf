/** One number a lecture prints, beside the one gd computes. */
export interface LectureNumber {
  /** What the number is, e.g. `x_10000 (x² + e^-x, η = 0.0005)`. */
  label: string;
  /** The value as the lecture prints it; absent when the lecture prints none. */
  lecture?: string;
  /** gd's value. */
  gd: string;
}

/** A figure of a lecture: an SVG, and the frames of an animation when the lecture animates. */
export interface Figure {
  /** File name without extension (kebab-case), e.g. `gd-x2`. */
  file: string;
  /** Caption shown under the figure. */
  caption: string;
  /** The figure as an SVG string (for an animation, its last frame). */
  svg: string;
  /** SVG frames of an animated GIF, when the lecture animates this figure. */
  frames?: string[];
}

/** What one lecture's experiments produce: its numbers beside gd's and its figures. */
export interface LectureReport {
  /** The numbers, in the order the lecture prints them. */
  numbers: LectureNumber[];
  /** The figures, in the order the lecture shows them. */
  figures: Figure[];
}

/**
 * Formats a number for the number tables: integers as is, full precision (shortest round-trip)
 * when `digits` is omitted, else `digits` significant digits.
 *
 * @example
 * ```ts
 * formatNumber(0.3517383210080008); // '0.3517383210080008'
 * formatNumber(Math.PI, 4);         // '3.142'
 * ```
 */
export function formatNumber(x: number, digits?: number): string {
  if (digits === undefined || Number.isInteger(x) || !Number.isFinite(x)) return String(x);
  return Number(x.toPrecision(digits)).toString();
}
