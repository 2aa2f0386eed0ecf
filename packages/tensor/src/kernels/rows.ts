/**
 * Reference row-wise kernels (softmax family, arg-reductions, centred sums of squares) and the
 * ternary select, used when the active backend does not provide its own. Each works on contiguous
 * rows and accumulates in float64 whatever the storage type.
 */
import type { TypedArray } from '../dtype';
import type { RowCode } from './backend';
import { expF32 } from './exp32';
import { backend } from './index';

function softmaxRows(
  x: TypedArray,
  outer: number,
  inner: number,
  out: TypedArray,
  log: boolean,
): void {
  for (let o = 0, base = 0; o < outer; o++, base += inner) {
    let m = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < inner; i++) {
      const v = x[base + i];
      if (v > m || Number.isNaN(v)) m = v;
    }
    // Subtracting the row max keeps every exponent ≤ 0: no overflow, and the largest term is 1.
    let s = 0;
    if (log) {
      for (let i = 0; i < inner; i++) s += Math.exp(x[base + i] - m);
      // (x − m) − log s, not x − (m + log s): the latter loses the low bits of log s when |m| ≫ 1.
      const ls = Math.log(s);
      for (let i = 0; i < inner; i++) out[base + i] = x[base + i] - m - ls;
    } else {
      // One exp per element: park e^(x−m) in `out`, then scale the row by 1/s.
      for (let i = 0; i < inner; i++) {
        const e = Math.exp(x[base + i] - m);
        out[base + i] = e;
        s += e;
      }
      const inv = 1 / s;
      for (let i = 0; i < inner; i++) out[base + i] *= inv;
    }
  }
}

/**
 * The float32 path of softmax / log-softmax: the shifted row x − m is formed in float32 (as
 * PyTorch's float kernels do) and exponentiated by the table-driven expF32, about 3× faster than
 * Math.exp; sums stay in float64.
 */
function softmaxRowsF32(
  x: Float32Array,
  outer: number,
  inner: number,
  out: Float32Array,
  log: boolean,
): void {
  const buf = new Float32Array(inner);
  for (let o = 0, base = 0; o < outer; o++, base += inner) {
    let m = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < inner; i++) {
      const v = x[base + i];
      if (v > m || Number.isNaN(v)) m = v;
    }
    for (let i = 0; i < inner; i++) buf[i] = x[base + i] - m;
    if (log) {
      // Keep the float32 shifted row in `out` while `buf` becomes its exponentials.
      for (let i = 0; i < inner; i++) out[base + i] = buf[i];
      expF32(buf, buf);
      let s = 0;
      for (let i = 0; i < inner; i++) s += buf[i];
      const ls = Math.log(s);
      for (let i = 0; i < inner; i++) out[base + i] -= ls;
    } else {
      expF32(buf, buf);
      let s = 0;
      for (let i = 0; i < inner; i++) s += buf[i];
      const inv = 1 / s;
      for (let i = 0; i < inner; i++) out[base + i] = buf[i] * inv;
    }
  }
}

function logsumexpRows(x: TypedArray, outer: number, inner: number, out: TypedArray): void {
  for (let o = 0, base = 0; o < outer; o++, base += inner) {
    let m = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < inner; i++) {
      const v = x[base + i];
      if (v > m || Number.isNaN(v)) m = v;
    }
    // As PyTorch: an infinite max is not subtracted (∞ − ∞ would be NaN); the sum then carries it.
    const shift = Number.isFinite(m) ? m : 0;
    let s = 0;
    for (let i = 0; i < inner; i++) s += Math.exp(x[base + i] - shift);
    out[o] = Math.log(s) + shift;
  }
}

function argRows(
  x: TypedArray,
  outer: number,
  inner: number,
  out: TypedArray,
  isMax: boolean,
): void {
  for (let o = 0, base = 0; o < outer; o++, base += inner) {
    let best = 0;
    let bv = x[base];
    if (!Number.isNaN(bv)) {
      for (let i = 1; i < inner; i++) {
        const v = x[base + i];
        if (Number.isNaN(v)) {
          best = i;
          break;
        }
        if (isMax ? v > bv : v < bv) {
          bv = v;
          best = i;
        }
      }
    }
    out[o] = best;
  }
}

function sumSquaredDeviationsRows(
  x: TypedArray,
  outer: number,
  inner: number,
  out: TypedArray,
): void {
  for (let o = 0, base = 0; o < outer; o++, base += inner) {
    let s = 0;
    for (let i = 0; i < inner; i++) s += x[base + i];
    const mu = s / inner;
    // Two passes: Σ(x − μ)² does not cancel catastrophically as Σx² − nμ² does.
    let m2 = 0;
    for (let i = 0; i < inner; i++) {
      const d = x[base + i] - mu;
      m2 += d * d;
    }
    out[o] = m2;
  }
}

/** The reference implementation of {@link Backend.rows}. */
export function jsRows(
  code: RowCode,
  x: TypedArray,
  outer: number,
  inner: number,
  out: TypedArray,
): void {
  switch (code) {
    case 'softmax':
    case 'logSoftmax':
      if (x instanceof Float32Array && out instanceof Float32Array) {
        softmaxRowsF32(x, outer, inner, out, code === 'logSoftmax');
      } else softmaxRows(x, outer, inner, out, code === 'logSoftmax');
      return;
    case 'logsumexp':
      logsumexpRows(x, outer, inner, out);
      return;
    case 'argmax':
      argRows(x, outer, inner, out, true);
      return;
    case 'argmin':
      argRows(x, outer, inner, out, false);
      return;
    case 'sumSquaredDeviations':
      sumSquaredDeviationsRows(x, outer, inner, out);
      return;
  }
}

/** The reference implementation of {@link Backend.select}. */
export function jsSelect(cond: Uint8Array, a: TypedArray, b: TypedArray, out: TypedArray): void {
  const n = out.length;
  for (let i = 0; i < n; i++) out[i] = cond[i] ? a[i] : b[i];
}

/** Runs a row-wise kernel on the active backend, or the reference one if it has none. */
export function runRows(
  code: RowCode,
  x: TypedArray,
  outer: number,
  inner: number,
  out: TypedArray,
): void {
  const k = backend();
  if (k.rows) k.rows(code, x, outer, inner, out);
  else jsRows(code, x, outer, inner, out);
}

/** Runs the select kernel on the active backend, or the reference one if it has none. */
export function runSelect(cond: Uint8Array, a: TypedArray, b: TypedArray, out: TypedArray): void {
  const k = backend();
  if (k.select) k.select(cond, a, b, out);
  else jsSelect(cond, a, b, out);
}
