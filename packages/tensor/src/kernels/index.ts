import type { Backend } from './backend';
import { jsBackend } from './js';

export type {
  Backend,
  BinaryCode,
  ReduceCode,
  RowCode,
  ScanCode,
  UnaryCode,
} from './backend';

let active: Backend = jsBackend;

/** The kernels ops call. */
export function backend(): Backend {
  return active;
}

/**
 * Replaces the kernels (e.g. with a WASM SIMD tier); returns the previous set so it can be
 * restored. Ops keep their semantics; only the loops change.
 */
export function setBackend(b: Backend): Backend {
  const prev = active;
  active = b;
  return prev;
}
