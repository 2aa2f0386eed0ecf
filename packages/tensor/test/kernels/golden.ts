import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A number as the fixture generators store it: non-finite values as 'nan' / 'inf' / '-inf'. */
export type Enc = number | string;

/** Decodes one stored number. */
export function dec(v: Enc): number {
  if (v === 'nan') return Number.NaN;
  if (v === 'inf') return Number.POSITIVE_INFINITY;
  if (v === '-inf') return Number.NEGATIVE_INFINITY;
  return v as number;
}

/** Reads a JSON fixture from test/fixtures. */
export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', name), 'utf8')) as T;
}

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

/**
 * Distance in units in the last place of `dtype` between two numbers: 0 when equal (±0 equal)
 * or both NaN; Infinity when only one is NaN or infinite.
 */
export function ulps(x: number, y: number, dtype: 'float32' | 'float64'): number {
  if (x === y || (Number.isNaN(x) && Number.isNaN(y))) return 0;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return Number.POSITIVE_INFINITY;
  if (dtype === 'float32') {
    const ord = (v: number): number => {
      f32[0] = v;
      const b = i32[0];
      return b < 0 ? -(b & 0x7fffffff) : b;
    };
    return Math.abs(ord(x) - ord(y));
  }
  const ord = (v: number): bigint => {
    f64[0] = v;
    const b = i64[0];
    return b < 0n ? -(b & 0x7fffffffffffffffn) : b;
  };
  const d = ord(x) - ord(y);
  return Number(d < 0n ? -d : d);
}
