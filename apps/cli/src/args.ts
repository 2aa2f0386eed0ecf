/** Parsers for option values: strict numbers, lists, `name=value` pairs and `name:key=value` specs. */
import { UsageError } from './errors';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A finite number, or a UsageError naming the option. */
export function number(option: string, raw: string): number {
  const s = raw.trim();
  if (!NUMBER.test(s))
    throw new UsageError(`${option} must be a number, got '${raw}'`, `e.g. ${option} 0.01`);
  return Number(s);
}

/** A number ≥ 0. */
export function nonNegative(option: string, raw: string): number {
  const v = number(option, raw);
  if (v < 0) throw new UsageError(`${option} must be ≥ 0, got ${raw}`, `e.g. ${option} 0.01`);
  return v;
}

/** A positive number. */
export function positive(option: string, raw: string): number {
  const v = number(option, raw);
  if (v <= 0) throw new UsageError(`${option} must be > 0, got ${raw}`, `e.g. ${option} 0.01`);
  return v;
}

/** An integer ≥ `min`. */
export function integer(option: string, raw: string, min = 1): number {
  const v = number(option, raw);
  if (!Number.isInteger(v) || v < min)
    throw new UsageError(`${option} must be an integer ≥ ${min}, got '${raw}'`);
  return v;
}

/** A comma-separated list of numbers (`0.9,0.999`). */
export function numberList(option: string, raw: string, length?: number): number[] {
  const parts = raw.split(',').filter((p) => p.trim() !== '');
  const values = parts.map((p) => number(option, p));
  if (values.length === 0 || (length !== undefined && values.length !== length))
    throw new UsageError(
      `${option} takes ${length ?? 'one or more'} comma-separated numbers, got '${raw}'`,
    );
  return values;
}

/** A comma-separated list of words (`sgd,adam`). */
export function wordList(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * `name=value` assignments from one or more option occurrences (`--x0 x=1 --x0 y=2`, or
 * `--at x=1,y=2`); a bare value is returned under the key `''`.
 */
export function assignments(option: string, raws: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const raw of raws)
    for (const part of raw.split(',')) {
      const p = part.trim();
      if (p === '') continue;
      const eq = p.indexOf('=');
      const key = eq < 0 ? '' : p.slice(0, eq).trim();
      const value = number(option, eq < 0 ? p : p.slice(eq + 1));
      if (eq >= 0 && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(key))
        throw new UsageError(`${option}: '${key}' is not a variable name`, `e.g. ${option} x=1`);
      out.set(key, value);
    }
  return out;
}

/** A value of a `key=value` spec entry: a number, a list `[a,b]`, `true`/`false` or a word. */
export type SpecValue = number | boolean | string | number[];

/**
 * Parses `name:key=value,key=[a,b],…` (the form of `--schedule steplr:stepSize=30,gamma=0.1`).
 */
export function parseSpec(
  option: string,
  raw: string,
): { name: string; options: Map<string, SpecValue> } {
  const colon = raw.indexOf(':');
  const name = (colon < 0 ? raw : raw.slice(0, colon)).trim().toLowerCase();
  const options = new Map<string, SpecValue>();
  if (colon >= 0) {
    const body = raw.slice(colon + 1);
    let depth = 0;
    let start = 0;
    const entries: string[] = [];
    for (let i = 0; i <= body.length; i++) {
      const c = body[i];
      if (c === '[' || c === '(') depth++;
      else if (c === ']' || c === ')') depth--;
      else if ((c === ',' && depth === 0) || i === body.length) {
        entries.push(body.slice(start, i));
        start = i + 1;
      }
    }
    for (const entry of entries) {
      if (entry.trim() === '') continue;
      const eq = entry.indexOf('=');
      if (eq < 0)
        throw new UsageError(
          `${option}: expected key=value in '${entry}'`,
          `e.g. ${option} steplr:stepSize=30,gamma=0.1`,
        );
      const key = entry.slice(0, eq).trim();
      const v = entry.slice(eq + 1).trim();
      if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key))
        throw new UsageError(`${option}: '${key}' is not an option name`);
      if (v.startsWith('[') && v.endsWith(']'))
        options.set(key, numberList(option, v.slice(1, -1)));
      else if (v === 'true' || v === 'false') options.set(key, v === 'true');
      else if (NUMBER.test(v)) options.set(key, Number(v));
      else options.set(key, v);
    }
  }
  return { name, options };
}
