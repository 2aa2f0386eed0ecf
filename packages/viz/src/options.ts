/**
 * Checks of the options users pass from plain JavaScript, where TypeScript's types do not reach:
 * unknown option names (typos such as `xlabel`), enumerated values (marker names, scales, dash
 * styles) and the shapes of optimisation paths. Every check throws a typed error naming the plot,
 * the option and what it accepts.
 */
import { GdRangeError, GdTypeError } from '@gd/errors';
import type { MarkerShape } from './markers';

/** gd's marker names and the matplotlib `marker=` codes that mean the same shape. */
const MARKERS: Record<string, MarkerShape> = {
  circle: 'circle',
  o: 'circle',
  square: 'square',
  s: 'square',
  triangle: 'triangle',
  '^': 'triangle',
  diamond: 'diamond',
  D: 'diamond',
  d: 'diamond',
  cross: 'cross',
  x: 'cross',
  X: 'cross',
  plus: 'plus',
  '+': 'plus',
  P: 'plus',
  star: 'star',
  '*': 'star',
  none: 'none',
  '': 'none',
  ' ': 'none',
};

/** The accepted marker names, for messages: `'circle' ('o')`, …. */
const MARKER_LIST = (
  ['circle', 'square', 'triangle', 'diamond', 'cross', 'plus', 'star', 'none'] as const
)
  .map((m) => {
    const codes = Object.keys(MARKERS).filter((k) => MARKERS[k] === m && k !== m && k.trim());
    return codes.length ? `'${m}' (${codes.map((c) => `'${c}'`).join(', ')})` : `'${m}'`;
  })
  .join(', ');

/**
 * A marker name: gd's (`'circle'`, `'cross'`…) or the matplotlib code for the same shape
 * (`'o'`, `'s'`, `'^'`, `'D'`/`'d'`, `'x'`/`'X'`, `'+'`/`'P'`, `'*'`, `''`).
 */
export type MarkerName =
  | MarkerShape
  | 'o'
  | 's'
  | '^'
  | 'D'
  | 'd'
  | 'x'
  | 'X'
  | '+'
  | 'P'
  | '*'
  | '';

/**
 * The shape a marker name draws; throws a RangeError (a GdError) listing the accepted names for
 * anything else, such as matplotlib's `'v'` or `'h'` that gd does not draw.
 *
 * @example
 * ```js
 * resolveMarker('linePlot', 'series[0].marker', 'x'); // 'cross'
 * ```
 */
export function resolveMarker(op: string, what: string, value: unknown): MarkerShape {
  if (typeof value === 'string' && Object.hasOwn(MARKERS, value)) return MARKERS[value];
  throw new GdRangeError(
    `${op}: ${what} ${typeof value === 'string' ? `'${value}'` : String(value)} is not a marker gd draws; use one of ${MARKER_LIST}`,
  );
}

/**
 * Checks that `value` is one of `allowed` (a scale, a step style…); throws a RangeError naming
 * them otherwise.
 *
 * @example
 * ```js
 * oneOf('linePlot', 'xScale', 'log', ['linear', 'log']); // 'log'
 * ```
 */
export function oneOf<T extends string>(
  op: string,
  what: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  throw new GdRangeError(
    `${op}: ${what} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${typeof value === 'string' ? `'${value}'` : String(value)}`,
  );
}

const DASHES = ['solid', 'dashed', 'dotted', 'dashdot'];

/**
 * Checks a line style: a matplotlib name (`'solid'`, `'dashed'`, `'dotted'`, `'dashdot'`) or an
 * SVG dasharray of non-negative numbers (`'4 2'`, `'4,2,1,2'`).
 *
 * @example
 * ```js
 * checkDash('linePlot', 'series[0].dash', '4 2'); // ok
 * ```
 */
export function checkDash(op: string, what: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value === 'string') {
    if (DASHES.includes(value)) return;
    const parts = value.trim().split(/[\s,]+/);
    if (value.trim() !== '' && parts.every((p) => /^\d*\.?\d+$/.test(p))) return;
  }
  throw new GdRangeError(
    `${op}: ${what} must be ${DASHES.map((d) => `'${d}'`).join(', ')} or an SVG dasharray such as '4 2', got ${typeof value === 'string' ? `'${value}'` : String(value)}`,
  );
}

/**
 * Refuses option names a plot does not have (a typo would otherwise be ignored silently), with a
 * hint when only the case differs (`xlabel` → `xLabel`).
 *
 * @example
 * ```js
 * checkKeys('linePlot', 'options', { xlabel: 'x' }, ['xLabel']); // TypeError … did you mean 'xLabel'?
 * ```
 */
export function checkKeys(
  op: string,
  what: string,
  value: unknown,
  allowed: readonly string[],
): void {
  if (value === undefined) return;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new GdTypeError(
      `${op}: ${what} must be an object, got ${value === null ? 'null' : typeof value}`,
    );
  }
  for (const k of Object.keys(value)) {
    if (allowed.includes(k)) continue;
    const near = allowed.find((a) => a.toLowerCase() === k.toLowerCase().replace(/_/g, ''));
    throw new GdTypeError(
      `${op}: unknown option '${k}' in ${what}${near ? `; did you mean '${near}'?` : ''} (options: ${allowed.join(', ')})`,
    );
  }
}

/** Options of every SVG plot (PlotOptions). */
export const PLOT_KEYS = ['width', 'height', 'title', 'description', 'theme'] as const;

/** The fields of a 1-D path object. */
const PATH_KEYS = ['x', 'y', 'label', 'color', 'marker', 'line'];

/** A 1-D optimisation path as the plots take it: the iterates, or an object with them in `x`. */
export interface PathObject {
  /** Iterates x₀, x₁, … */
  x: ArrayLike<number>;
  /** Heights; default f(x_k). */
  y?: ArrayLike<number>;
  label?: string;
  color?: string;
  marker?: MarkerName;
  line?: boolean;
}

function isNumbers(v: unknown): v is ArrayLike<number> {
  if (ArrayBuffer.isView(v)) return !(v instanceof DataView);
  return Array.isArray(v) && v.every((e) => typeof e === 'number');
}

/**
 * Reads a 1-D path given in any of the accepted shapes — an array (or typed array) of iterates, or
 * `{ x: iterates, y?, label?, color?, marker?, line? }` — as the object form.
 *
 * @example
 * ```js
 * toPathObject('functionPlot', 'path', [3, 2.4, 1.9]); // { x: [3, 2.4, 1.9] }
 * ```
 */
export function toPathObject(op: string, what: string, p: unknown): PathObject {
  if (isNumbers(p)) return { x: p };
  if (p !== null && typeof p === 'object' && !Array.isArray(p) && 'x' in p) {
    checkKeys(op, what, p, PATH_KEYS);
    const o = p as PathObject;
    if (!isNumbers(o.x)) {
      throw new GdTypeError(
        `${op}: ${what}.x must be an array of numbers (the iterates x₀, x₁, …)`,
      );
    }
    if (o.y !== undefined && !isNumbers(o.y)) {
      throw new GdTypeError(`${op}: ${what}.y must be an array of numbers`);
    }
    return o;
  }
  throw new GdTypeError(
    `${op}: ${what} must be the iterates as an array of numbers ([x₀, x₁, …]) or { x: [x₀, x₁, …], label? }, got ${p === null ? 'null' : Array.isArray(p) ? 'an array that is not all numbers' : typeof p}`,
  );
}

/**
 * Reads one path or a list of paths in any accepted shape: `[x₀, x₁, …]`, `{ x }`, or an array of
 * those (`[[…], […]]`, `[{ x }, { x }]`). An array of numbers is one path.
 *
 * @example
 * ```js
 * toPathList('functionPlot', 'path', [[3, 2], { x: [-3, -2], label: 'b' }]).length; // 2
 * ```
 */
export function toPathList(op: string, what: string, p: unknown): PathObject[] {
  if (p === undefined) return [];
  if (Array.isArray(p) && !isNumbers(p)) {
    return (p as unknown[]).map((q, i) => toPathObject(op, `${what}[${i}]`, q));
  }
  return [toPathObject(op, what, p)];
}
