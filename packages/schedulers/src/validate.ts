import { GdRangeError, GdTypeError } from '@gd/errors';

/** Shared option checks; each error names the scheduler, the option, the value and the fix. */

function show(value: unknown): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

/** Throws unless `value` is a finite number. */
export function finite(owner: string, option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new GdTypeError(`${owner}: ${option} must be a finite number, got ${show(value)}`);
  }
  return value;
}

/** Throws unless `value` is a finite number ≥ 0. */
export function nonNegative(owner: string, option: string, value: unknown): number {
  const v = finite(owner, option, value);
  if (v < 0) throw new GdRangeError(`${owner}: ${option} must be ≥ 0, got ${v}`);
  return v;
}

/** Throws unless `value` is a finite number > 0. */
export function positive(owner: string, option: string, value: unknown): number {
  const v = finite(owner, option, value);
  if (v <= 0) throw new GdRangeError(`${owner}: ${option} must be > 0, got ${v}`);
  return v;
}

/** Throws unless `value` is an integer ≥ `min`. */
export function integer(owner: string, option: string, value: unknown, min: number): number {
  const v = finite(owner, option, value);
  if (!Number.isInteger(v) || v < min) {
    throw new GdRangeError(`${owner}: ${option} must be an integer ≥ ${min}, got ${v}`);
  }
  return v;
}

/** Throws unless `lo ≤ value ≤ hi`. */
export function inRange(
  owner: string,
  option: string,
  value: unknown,
  lo: number,
  hi: number,
): number {
  const v = finite(owner, option, value);
  if (v < lo || v > hi) {
    throw new GdRangeError(`${owner}: ${option} must be in [${lo}, ${hi}], got ${v}`);
  }
  return v;
}

/** Throws unless `value` is one of `choices`. */
export function oneOf<T extends string>(
  owner: string,
  option: string,
  value: unknown,
  choices: readonly T[],
): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new GdRangeError(
      `${owner}: ${option} must be one of ${choices.map((c) => `'${c}'`).join(', ')}, got ${show(value)}`,
    );
  }
  return value as T;
}

/** Throws unless `value` is a function. */
export function callable<F>(owner: string, option: string, value: unknown): F {
  if (typeof value !== 'function') {
    throw new GdTypeError(`${owner}: ${option} must be a function, got ${typeof value}`);
  }
  return value as F;
}

/**
 * Expands a scalar to one value per parameter group, or checks a list's length, as PyTorch's
 * `_format_param` does.
 */
export function perGroup<T>(
  owner: string,
  option: string,
  value: T | readonly T[],
  groups: number,
): T[] {
  if (Array.isArray(value)) {
    if (value.length !== groups) {
      throw new GdRangeError(
        `${owner}: expected ${groups} values for ${option} (one per parameter group), got ${value.length}`,
      );
    }
    return [...value];
  }
  return new Array<T>(groups).fill(value as T);
}

/**
 * Throws unless `milestones` are non-negative integers in order. `strict` forbids repeats
 * (SequentialLR); MultiStepLR allows them, counting a repeated milestone twice as PyTorch's
 * `Counter` does.
 */
export function milestoneList(
  owner: string,
  option: string,
  value: unknown,
  strict: boolean,
): number[] {
  if (!Array.isArray(value)) {
    throw new GdTypeError(`${owner}: ${option} must be an array of integers, got ${show(value)}`);
  }
  for (let i = 0; i < value.length; i++) {
    integer(owner, `${option}[${i}]`, value[i], 0);
    const prev = value[i - 1] as number;
    if (i > 0 && (strict ? value[i] <= prev : value[i] < prev)) {
      throw new GdRangeError(
        `${owner}: ${option} must be ${strict ? 'strictly increasing' : 'non-decreasing'}, ` +
          `got ${show(value)} (${option}[${i}] = ${value[i]} after ${prev}); sort them`,
      );
    }
  }
  return [...(value as number[])];
}
