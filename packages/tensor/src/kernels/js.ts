import type { TypedArray } from '../dtype';
import type { Backend, BinaryCode, ReduceCode, ScanCode, UnaryCode } from './backend';
import { binaryF32, binaryScalarF32, reduceF32, unaryF32 } from './f32';
import { binaryF64, binaryScalarF64, reduceF64, unaryF64 } from './f64';
import { gemm } from './gemm';
import { binaryAny, binaryScalarAny, reduceAny, scanAny, unaryAny } from './generic';

// Each entry point sends float32 and float64 arrays to their own monomorphic loops (f32.ts,
// f64.ts) for the hot codes, and everything else (other codes, int32, bool, mixed kinds,
// comparisons) to the generic loops (generic.ts). All three files are generated from one template, scripts/gen-kernels.mjs, which
// also says why the float classes get copies of their own rather than one shared loop.

function unary(code: UnaryCode, x: TypedArray, out: TypedArray): void {
  if (x instanceof Float32Array && out instanceof Float32Array) {
    const f = unaryF32[code];
    if (f) {
      f(x, out);
      return;
    }
  } else if (x instanceof Float64Array && out instanceof Float64Array) {
    const f = unaryF64[code];
    if (f) {
      f(x, out);
      return;
    }
  }
  unaryAny[code](x, out);
}

function binary(code: BinaryCode, a: TypedArray, b: TypedArray, out: TypedArray): void {
  if (a instanceof Float32Array && b instanceof Float32Array && out instanceof Float32Array) {
    const f = binaryF32[code];
    if (f) {
      f(a, b, out);
      return;
    }
  } else if (
    a instanceof Float64Array &&
    b instanceof Float64Array &&
    out instanceof Float64Array
  ) {
    const f = binaryF64[code];
    if (f) {
      f(a, b, out);
      return;
    }
  }
  binaryAny[code](a, b, out);
}

function binaryScalar(
  code: BinaryCode,
  a: TypedArray,
  s: number,
  out: TypedArray,
  left: boolean,
): void {
  if (a instanceof Float32Array && out instanceof Float32Array) {
    const f = binaryScalarF32[code];
    if (f) {
      f(a, s, out, left);
      return;
    }
  } else if (a instanceof Float64Array && out instanceof Float64Array) {
    const f = binaryScalarF64[code];
    if (f) {
      f(a, s, out, left);
      return;
    }
  }
  binaryScalarAny[code](a, s, out, left);
}

function reduce(
  code: ReduceCode,
  x: TypedArray,
  outer: number,
  inner: number,
  out: TypedArray,
): void {
  if (x instanceof Float32Array && out instanceof Float32Array) {
    const f = reduceF32[code];
    if (f) {
      f(x, outer, inner, out);
      return;
    }
  } else if (x instanceof Float64Array && out instanceof Float64Array) {
    const f = reduceF64[code];
    if (f) {
      f(x, outer, inner, out);
      return;
    }
  }
  reduceAny[code](x, outer, inner, out);
}

/** The reference implementation of {@link Backend.scan}; one generic loop serves every dtype. */
export function scan(
  code: ScanCode,
  x: TypedArray,
  outer: number,
  n: number,
  inner: number,
  out: TypedArray,
): void {
  scanAny[code](x, outer, n, inner, out);
}

/** The reference kernels, in plain TypeScript on typed arrays. */
export const jsBackend: Backend = { unary, binary, binaryScalar, reduce, gemm, scan };
