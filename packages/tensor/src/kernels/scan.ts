import type { TypedArray } from '../dtype';
import type { ScanCode } from './backend';
import { backend } from './index';
import { scan } from './js';

/**
 * Runs an inclusive scan (cumsum, cumprod) on the active backend, or on the reference loops of
 * the js tier when that backend has no `scan` (see {@link Backend.scan} for the layout).
 */
export function runScan(
  code: ScanCode,
  x: TypedArray,
  outer: number,
  n: number,
  inner: number,
  out: TypedArray,
): void {
  const k = backend();
  if (k.scan) k.scan(code, x, outer, n, inner, out);
  else scan(code, x, outer, n, inner, out);
}
