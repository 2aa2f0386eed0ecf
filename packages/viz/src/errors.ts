import { GdRangeError } from '@gd/errors';

/** Throws a RangeError naming `op`/`what` unless every value is a finite number. */
export function assertFinite(op: string, what: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new GdRangeError(
        `${op}: ${what}[${i}] must be a finite number, got ${String(v)}; remove or replace non-finite values`,
      );
    }
  }
}

/** Checks a `[lo, hi]` range: two finite numbers with lo < hi. */
export function assertRange(op: string, what: string, r: unknown): asserts r is [number, number] {
  if (
    !Array.isArray(r) ||
    r.length !== 2 ||
    typeof r[0] !== 'number' ||
    typeof r[1] !== 'number' ||
    !Number.isFinite(r[0]) ||
    !Number.isFinite(r[1]) ||
    !(r[0] < r[1])
  ) {
    throw new GdRangeError(
      `${op}: ${what} must be [lo, hi] with finite lo < hi, got ${Array.isArray(r) ? `[${r.join(', ')}]` : String(r)}`,
    );
  }
}

/** Checks a positive integer option (sizes, step counts). */
export function assertPositiveInt(
  op: string,
  what: string,
  v: unknown,
  min = 1,
): asserts v is number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    throw new GdRangeError(`${op}: ${what} must be an integer ≥ ${min}, got ${String(v)}`);
  }
}
