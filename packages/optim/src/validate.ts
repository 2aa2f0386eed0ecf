import { GdRangeError, GdTypeError } from '@gd/errors';

/**
 * Constructor-time checks of hyperparameters. Each throws a `TypeError` for a value of the wrong
 * type and a `RangeError` naming the optimizer, the option and the bad value otherwise, as
 * `Adam: betas[1] must be in [0, 1), got 1.5`.
 */

function fmt(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `'${v}'`;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** Throws a TypeError unless `v` is a number (NaN is rejected as a RangeError). */
export function checkNumber(owner: string, name: string, v: unknown): number {
  if (typeof v !== 'number') {
    throw new GdTypeError(`${owner}: ${name} must be a number, got ${fmt(v)}`);
  }
  if (Number.isNaN(v)) throw new GdRangeError(`${owner}: ${name} must be a number, got NaN`);
  return v;
}

/** Requires `v >= 0`. */
export function nonNegative(owner: string, name: string, v: unknown): number {
  const x = checkNumber(owner, name, v);
  if (!(x >= 0)) throw new GdRangeError(`${owner}: ${name} must be >= 0, got ${fmt(v)}`);
  return x;
}

/** Requires `v > 0`. */
export function positive(owner: string, name: string, v: unknown): number {
  const x = checkNumber(owner, name, v);
  if (!(x > 0)) throw new GdRangeError(`${owner}: ${name} must be > 0, got ${fmt(v)}`);
  return x;
}

/** Requires `v` in the interval `[lo, hi)` (or `[lo, hi]` when `closed`). */
export function inInterval(
  owner: string,
  name: string,
  v: unknown,
  lo: number,
  hi: number,
  closed = false,
): number {
  const x = checkNumber(owner, name, v);
  const ok = x >= lo && (closed ? x <= hi : x < hi);
  if (!ok) {
    throw new GdRangeError(
      `${owner}: ${name} must be in [${lo}, ${hi}${closed ? ']' : ')'}, got ${fmt(v)}`,
    );
  }
  return x;
}

/** Requires a positive integer. */
export function positiveInteger(owner: string, name: string, v: unknown): number {
  const x = checkNumber(owner, name, v);
  if (!Number.isInteger(x) || x < 1) {
    throw new GdRangeError(`${owner}: ${name} must be a positive integer, got ${fmt(v)}`);
  }
  return x;
}

/** Requires a boolean. */
export function checkBoolean(owner: string, name: string, v: unknown): boolean {
  if (typeof v !== 'boolean') {
    throw new GdTypeError(`${owner}: ${name} must be true or false, got ${fmt(v)}`);
  }
  return v;
}

/** Requires one of the listed strings. */
export function checkOneOf<T extends string>(
  owner: string,
  name: string,
  v: unknown,
  allowed: readonly T[],
): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new GdRangeError(
      `${owner}: ${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${fmt(v)}`,
    );
  }
  return v as T;
}

/** Requires a pair of numbers `[a, b]`, returned for further checks. */
export function checkPair(owner: string, name: string, v: unknown): [number, number] {
  if (!Array.isArray(v) || v.length !== 2) {
    throw new GdTypeError(`${owner}: ${name} must be a pair [a, b] of numbers, got ${fmt(v)}`);
  }
  return [checkNumber(owner, `${name}[0]`, v[0]), checkNumber(owner, `${name}[1]`, v[1])];
}

/** The prefix of messages about one set of options: `Adam` or `Adam: param group 1`. */
export function owner(name: string, where: string): string {
  return where === 'options' ? name : `${name}: ${where}`;
}
