import type { TypedArray } from '../dtype';
import type { Backend, BinaryCode, ReduceCode, ScanCode, UnaryCode } from './backend';
import { binaryF32, binaryScalarF32, reduceF32, unaryF32 } from './f32';
import { binaryF64, binaryScalarF64, reduceF64, unaryF64 } from './f64';
import { gemm } from './gemm';

// Each entry point sends float32 and float64 arrays to their own monomorphic loops (f32.ts,
// f64.ts) and everything else (int32, bool, mixed kinds, rarely used codes) to the generic loops
// below.

function unary(code: UnaryCode, x: TypedArray, out: TypedArray): void {
  if (x instanceof Float32Array && out instanceof Float32Array) {
    if (unaryF32(code, x, out)) return;
  } else if (x instanceof Float64Array && out instanceof Float64Array) {
    if (unaryF64(code, x, out)) return;
  }
  unaryGeneric(code, x, out);
}

function binary(code: BinaryCode, a: TypedArray, b: TypedArray, out: TypedArray): void {
  if (a instanceof Float32Array && b instanceof Float32Array && out instanceof Float32Array) {
    if (binaryF32(code, a, b, out)) return;
  } else if (
    a instanceof Float64Array &&
    b instanceof Float64Array &&
    out instanceof Float64Array
  ) {
    if (binaryF64(code, a, b, out)) return;
  }
  binaryGeneric(code, a, b, out);
}

function binaryScalar(
  code: BinaryCode,
  a: TypedArray,
  s: number,
  out: TypedArray,
  left: boolean,
): void {
  if (a instanceof Float32Array && out instanceof Float32Array) {
    if (binaryScalarF32(code, a, s, out, left)) return;
  } else if (a instanceof Float64Array && out instanceof Float64Array) {
    if (binaryScalarF64(code, a, s, out, left)) return;
  }
  binaryScalarGeneric(code, a, s, out, left);
}

function reduce(
  code: ReduceCode,
  x: TypedArray,
  outer: number,
  inner: number,
  out: TypedArray,
): void {
  if (x instanceof Float32Array && out instanceof Float32Array) {
    if (reduceF32(code, x, outer, inner, out)) return;
  } else if (x instanceof Float64Array && out instanceof Float64Array) {
    if (reduceF64(code, x, outer, inner, out)) return;
  }
  reduceGeneric(code, x, outer, inner, out);
}

function unaryGeneric(code: UnaryCode, x: TypedArray, out: TypedArray): void {
  const n = x.length;
  // One loop per code: a shared loop with a callback would make its call site megamorphic.
  switch (code) {
    case 'neg':
      for (let i = 0; i < n; i++) out[i] = -x[i];
      return;
    case 'abs':
      for (let i = 0; i < n; i++) out[i] = Math.abs(x[i]);
      return;
    case 'sign':
      for (let i = 0; i < n; i++) out[i] = Math.sign(x[i]);
      return;
    case 'exp':
      for (let i = 0; i < n; i++) out[i] = Math.exp(x[i]);
      return;
    case 'log':
      for (let i = 0; i < n; i++) out[i] = Math.log(x[i]);
      return;
    case 'log1p':
      for (let i = 0; i < n; i++) out[i] = Math.log1p(x[i]);
      return;
    case 'expm1':
      for (let i = 0; i < n; i++) out[i] = Math.expm1(x[i]);
      return;
    case 'sqrt':
      for (let i = 0; i < n; i++) out[i] = Math.sqrt(x[i]);
      return;
    case 'rsqrt':
      for (let i = 0; i < n; i++) out[i] = 1 / Math.sqrt(x[i]);
      return;
    case 'square':
      for (let i = 0; i < n; i++) out[i] = x[i] * x[i];
      return;
    case 'sin':
      for (let i = 0; i < n; i++) out[i] = Math.sin(x[i]);
      return;
    case 'cos':
      for (let i = 0; i < n; i++) out[i] = Math.cos(x[i]);
      return;
    case 'tan':
      for (let i = 0; i < n; i++) out[i] = Math.tan(x[i]);
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) out[i] = Math.tanh(x[i]);
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) {
        const v = x[i];
        // Two branches keep exp's argument non-positive, so large |v| never overflows.
        if (v >= 0) out[i] = 1 / (1 + Math.exp(-v));
        else {
          const e = Math.exp(v);
          out[i] = e / (1 + e);
        }
      }
      return;
    case 'relu':
      // Math.max lets NaN through, as torch.relu does.
      for (let i = 0; i < n; i++) out[i] = Math.max(x[i], 0);
      return;
    case 'floor':
      for (let i = 0; i < n; i++) out[i] = Math.floor(x[i]);
      return;
    case 'ceil':
      for (let i = 0; i < n; i++) out[i] = Math.ceil(x[i]);
      return;
    case 'round':
      // Round half to even, as NumPy and PyTorch do.
      for (let i = 0; i < n; i++) {
        const v = x[i];
        const r = Math.round(v);
        out[i] = r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
      }
      return;
    case 'reciprocal':
      for (let i = 0; i < n; i++) out[i] = 1 / x[i];
      return;
    case 'softplus':
      // PyTorch's threshold 20: above it log(1 + eˣ) is x to float precision (and eˣ may overflow).
      for (let i = 0; i < n; i++) {
        const v = x[i];
        out[i] = v > 20 ? v : Math.log1p(Math.exp(v));
      }
      return;
    case 'logicalNot':
      // NaN counts as true (non-zero), as in PyTorch and C, unlike JS truthiness.
      for (let i = 0; i < n; i++) out[i] = x[i] === 0 ? 1 : 0;
      return;
  }
}

function binaryGeneric(code: BinaryCode, a: TypedArray, b: TypedArray, out: TypedArray): void {
  const n = out.length;
  switch (code) {
    case 'add':
      for (let i = 0; i < n; i++) out[i] = a[i] + b[i];
      return;
    case 'sub':
      for (let i = 0; i < n; i++) out[i] = a[i] - b[i];
      return;
    case 'mul':
      for (let i = 0; i < n; i++) out[i] = a[i] * b[i];
      return;
    case 'div':
      for (let i = 0; i < n; i++) out[i] = a[i] / b[i];
      return;
    case 'pow':
      for (let i = 0; i < n; i++) out[i] = a[i] ** b[i];
      return;
    case 'maximum':
      // Math.max/min propagate NaN, as torch.maximum/minimum do.
      for (let i = 0; i < n; i++) out[i] = Math.max(a[i], b[i]);
      return;
    case 'minimum':
      for (let i = 0; i < n; i++) out[i] = Math.min(a[i], b[i]);
      return;
    case 'equal':
      for (let i = 0; i < n; i++) out[i] = a[i] === b[i] ? 1 : 0;
      return;
    case 'notEqual':
      for (let i = 0; i < n; i++) out[i] = a[i] !== b[i] ? 1 : 0;
      return;
    case 'less':
      for (let i = 0; i < n; i++) out[i] = a[i] < b[i] ? 1 : 0;
      return;
    case 'lessEqual':
      for (let i = 0; i < n; i++) out[i] = a[i] <= b[i] ? 1 : 0;
      return;
    case 'greater':
      for (let i = 0; i < n; i++) out[i] = a[i] > b[i] ? 1 : 0;
      return;
    case 'greaterEqual':
      for (let i = 0; i < n; i++) out[i] = a[i] >= b[i] ? 1 : 0;
      return;
    case 'logicalAnd':
      for (let i = 0; i < n; i++) out[i] = a[i] !== 0 && b[i] !== 0 ? 1 : 0;
      return;
    case 'logicalOr':
      for (let i = 0; i < n; i++) out[i] = a[i] !== 0 || b[i] !== 0 ? 1 : 0;
      return;
    case 'atan2':
      for (let i = 0; i < n; i++) out[i] = Math.atan2(a[i], b[i]);
      return;
    case 'hypot':
      for (let i = 0; i < n; i++) out[i] = Math.hypot(a[i], b[i]);
      return;
    case 'logaddexp':
      for (let i = 0; i < n; i++) out[i] = logaddexp(a[i], b[i]);
      return;
  }
}

/** log(eᵃ + eᵇ) as torch.logaddexp: equal infinities give themselves (not NaN). */
function logaddexp(a: number, b: number): number {
  const m = Math.max(a, b);
  if (m === Number.POSITIVE_INFINITY || (m === Number.NEGATIVE_INFINITY && a === b)) return m;
  return m + Math.log1p(Math.exp(-Math.abs(a - b)));
}

function binaryScalarGeneric(
  code: BinaryCode,
  a: TypedArray,
  s: number,
  out: TypedArray,
  left: boolean,
): void {
  const n = out.length;
  switch (code) {
    case 'add':
      for (let i = 0; i < n; i++) out[i] = a[i] + s;
      return;
    case 'sub':
      if (left) for (let i = 0; i < n; i++) out[i] = s - a[i];
      else for (let i = 0; i < n; i++) out[i] = a[i] - s;
      return;
    case 'mul':
      for (let i = 0; i < n; i++) out[i] = a[i] * s;
      return;
    case 'div':
      if (left) for (let i = 0; i < n; i++) out[i] = s / a[i];
      else for (let i = 0; i < n; i++) out[i] = a[i] / s;
      return;
    case 'pow':
      if (left) for (let i = 0; i < n; i++) out[i] = s ** a[i];
      else if (s === 2) for (let i = 0; i < n; i++) out[i] = a[i] * a[i];
      else for (let i = 0; i < n; i++) out[i] = a[i] ** s;
      return;
    case 'maximum':
      for (let i = 0; i < n; i++) out[i] = Math.max(a[i], s);
      return;
    case 'minimum':
      for (let i = 0; i < n; i++) out[i] = Math.min(a[i], s);
      return;
    case 'equal':
      for (let i = 0; i < n; i++) out[i] = a[i] === s ? 1 : 0;
      return;
    case 'notEqual':
      for (let i = 0; i < n; i++) out[i] = a[i] !== s ? 1 : 0;
      return;
    // Ordered comparisons with the scalar on the left are the mirrored comparison on the right.
    case 'less':
      if (left) for (let i = 0; i < n; i++) out[i] = s < a[i] ? 1 : 0;
      else for (let i = 0; i < n; i++) out[i] = a[i] < s ? 1 : 0;
      return;
    case 'lessEqual':
      if (left) for (let i = 0; i < n; i++) out[i] = s <= a[i] ? 1 : 0;
      else for (let i = 0; i < n; i++) out[i] = a[i] <= s ? 1 : 0;
      return;
    case 'greater':
      if (left) for (let i = 0; i < n; i++) out[i] = s > a[i] ? 1 : 0;
      else for (let i = 0; i < n; i++) out[i] = a[i] > s ? 1 : 0;
      return;
    case 'greaterEqual':
      if (left) for (let i = 0; i < n; i++) out[i] = s >= a[i] ? 1 : 0;
      else for (let i = 0; i < n; i++) out[i] = a[i] >= s ? 1 : 0;
      return;
    case 'logicalAnd':
      for (let i = 0; i < n; i++) out[i] = a[i] !== 0 && s !== 0 ? 1 : 0;
      return;
    case 'logicalOr':
      for (let i = 0; i < n; i++) out[i] = a[i] !== 0 || s !== 0 ? 1 : 0;
      return;
    case 'atan2':
      if (left) for (let i = 0; i < n; i++) out[i] = Math.atan2(s, a[i]);
      else for (let i = 0; i < n; i++) out[i] = Math.atan2(a[i], s);
      return;
    case 'hypot':
      for (let i = 0; i < n; i++) out[i] = Math.hypot(a[i], s);
      return;
    case 'logaddexp':
      for (let i = 0; i < n; i++) out[i] = logaddexp(a[i], s);
      return;
  }
}

function reduceGeneric(
  code: ReduceCode,
  x: TypedArray,
  outer: number,
  inner: number,
  out: TypedArray,
): void {
  for (let o = 0, base = 0; o < outer; o++, base += inner) {
    let acc: number;
    switch (code) {
      case 'sum':
        acc = 0;
        for (let i = 0; i < inner; i++) acc += x[base + i];
        break;
      case 'prod':
        acc = 1;
        for (let i = 0; i < inner; i++) acc *= x[base + i];
        break;
      case 'max':
        acc = -Infinity;
        for (let i = 0; i < inner; i++) {
          const v = x[base + i];
          if (v > acc || Number.isNaN(v)) acc = v;
          if (Number.isNaN(acc)) break;
        }
        break;
      case 'min':
        acc = Infinity;
        for (let i = 0; i < inner; i++) {
          const v = x[base + i];
          if (v < acc || Number.isNaN(v)) acc = v;
          if (Number.isNaN(acc)) break;
        }
        break;
    }
    out[o] = acc;
  }
}

function scan(
  code: ScanCode,
  x: TypedArray,
  outer: number,
  n: number,
  inner: number,
  out: TypedArray,
): void {
  const block = n * inner;
  for (let o = 0; o < outer; o++) {
    const base = o * block;
    for (let j = 0; j < inner; j++) out[base + j] = x[base + j];
    for (let i = 1; i < n; i++) {
      const row = base + i * inner;
      if (code === 'cumsum')
        for (let j = 0; j < inner; j++) out[row + j] = out[row - inner + j] + x[row + j];
      else for (let j = 0; j < inner; j++) out[row + j] = out[row - inner + j] * x[row + j];
    }
  }
}

/** The reference kernels, in plain TypeScript on typed arrays. */
export const jsBackend: Backend = { unary, binary, binaryScalar, reduce, scan, gemm };
