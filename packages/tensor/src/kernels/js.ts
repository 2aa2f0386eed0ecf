import type { TypedArray } from '../dtype';
import type { Backend, BinaryCode, ReduceCode, UnaryCode } from './backend';
import { gemm } from './gemm';

function unary(code: UnaryCode, x: TypedArray, out: TypedArray): void {
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
      for (let i = 0; i < n; i++) out[i] = x[i] > 0 ? x[i] : 0;
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
    case 'logicalNot':
      for (let i = 0; i < n; i++) out[i] = x[i] ? 0 : 1;
      return;
  }
}

function binary(code: BinaryCode, a: TypedArray, b: TypedArray, out: TypedArray): void {
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
      for (let i = 0; i < n; i++) out[i] = maxNaN(a[i], b[i]);
      return;
    case 'minimum':
      for (let i = 0; i < n; i++) out[i] = minNaN(a[i], b[i]);
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
      for (let i = 0; i < n; i++) out[i] = a[i] && b[i] ? 1 : 0;
      return;
    case 'logicalOr':
      for (let i = 0; i < n; i++) out[i] = a[i] || b[i] ? 1 : 0;
      return;
  }
}

function binaryScalar(
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
    default: {
      // Comparisons and the rest are not hot; reuse the array kernel on a filled buffer.
      const sb = new Float64Array(n).fill(s);
      if (left) binary(code, sb, a, out);
      else binary(code, a, sb, out);
    }
  }
}

/** max that propagates NaN, as torch.maximum does (Math.max already does). */
function maxNaN(x: number, y: number): number {
  return Math.max(x, y);
}
function minNaN(x: number, y: number): number {
  return Math.min(x, y);
}

function reduce(
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

/** The reference kernels, in plain TypeScript on typed arrays. */
export const jsBackend: Backend = { unary, binary, binaryScalar, reduce, gemm };
