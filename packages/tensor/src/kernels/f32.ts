/**
 * Float32Array-only copies of the hot element-wise and reduction loops. V8 specialises a loop
 * for the typed-array kinds it has seen there; once one loop serves float32, float64 and int32
 * tensors its loads and stores go polymorphic and it runs about 2× slower (measured on this
 * code's add/mul loops). Keeping one copy per float dtype (this file and f64.ts, identical but
 * for the types and the table-driven exp, σ and tanh used here) keeps every loop monomorphic. Each function returns false for a code it
 * does not specialise, and the caller falls back to the generic loops in js.ts.
 */
import type { BinaryCode, ReduceCode, UnaryCode } from './backend';
import { expF32, sigmoidF32, tanhF32 } from './exp32';

/** out[i] = f(x[i]) on float32; false when `code` has no float32 loop here. */
export function unaryF32(code: UnaryCode, x: Float32Array, out: Float32Array): boolean {
  const n = x.length;
  switch (code) {
    case 'neg':
      for (let i = 0; i < n; i++) out[i] = -x[i];
      return true;
    case 'abs':
      for (let i = 0; i < n; i++) out[i] = Math.abs(x[i]);
      return true;
    case 'exp':
      expF32(x, out);
      return true;
    case 'log':
      for (let i = 0; i < n; i++) out[i] = Math.log(x[i]);
      return true;
    case 'sqrt':
      for (let i = 0; i < n; i++) out[i] = Math.sqrt(x[i]);
      return true;
    case 'square':
      for (let i = 0; i < n; i++) out[i] = x[i] * x[i];
      return true;
    case 'tanh':
      tanhF32(x, out);
      return true;
    case 'sigmoid':
      sigmoidF32(x, out);
      return true;
    case 'relu':
      // Math.max lets NaN through, as torch.relu does.
      for (let i = 0; i < n; i++) out[i] = Math.max(x[i], 0);
      return true;
    case 'reciprocal':
      for (let i = 0; i < n; i++) out[i] = 1 / x[i];
      return true;
    default:
      return false;
  }
}

/** out[i] = f(a[i], b[i]) on float32 (equal lengths); false when `code` is not arithmetic. */
export function binaryF32(
  code: BinaryCode,
  a: Float32Array,
  b: Float32Array,
  out: Float32Array,
): boolean {
  const n = out.length;
  switch (code) {
    case 'add':
      for (let i = 0; i < n; i++) out[i] = a[i] + b[i];
      return true;
    case 'sub':
      for (let i = 0; i < n; i++) out[i] = a[i] - b[i];
      return true;
    case 'mul':
      for (let i = 0; i < n; i++) out[i] = a[i] * b[i];
      return true;
    case 'div':
      for (let i = 0; i < n; i++) out[i] = a[i] / b[i];
      return true;
    case 'maximum':
      for (let i = 0; i < n; i++) out[i] = Math.max(a[i], b[i]);
      return true;
    case 'minimum':
      for (let i = 0; i < n; i++) out[i] = Math.min(a[i], b[i]);
      return true;
    default:
      return false;
  }
}

/** out[i] = f(a[i], s) (or f(s, a[i]) when `left`) on float32; false when not arithmetic. */
export function binaryScalarF32(
  code: BinaryCode,
  a: Float32Array,
  s: number,
  out: Float32Array,
  left: boolean,
): boolean {
  const n = out.length;
  switch (code) {
    case 'add':
      for (let i = 0; i < n; i++) out[i] = a[i] + s;
      return true;
    case 'sub':
      if (left) for (let i = 0; i < n; i++) out[i] = s - a[i];
      else for (let i = 0; i < n; i++) out[i] = a[i] - s;
      return true;
    case 'mul':
      for (let i = 0; i < n; i++) out[i] = a[i] * s;
      return true;
    case 'div':
      if (left) for (let i = 0; i < n; i++) out[i] = s / a[i];
      else for (let i = 0; i < n; i++) out[i] = a[i] / s;
      return true;
    case 'maximum':
      for (let i = 0; i < n; i++) out[i] = Math.max(a[i], s);
      return true;
    case 'minimum':
      for (let i = 0; i < n; i++) out[i] = Math.min(a[i], s);
      return true;
    default:
      return false;
  }
}

/** Row reductions on float32, accumulated in float64; false for codes left to js.ts. */
export function reduceF32(
  code: ReduceCode,
  x: Float32Array,
  outer: number,
  inner: number,
  out: Float32Array,
): boolean {
  switch (code) {
    case 'sum':
      for (let o = 0, base = 0; o < outer; o++, base += inner) {
        // Four partial sums break the add-latency chain; the order change is harmless in float64.
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        const end = base + inner;
        const end4 = base + (inner & ~3);
        let i = base;
        for (; i < end4; i += 4) {
          s0 += x[i];
          s1 += x[i + 1];
          s2 += x[i + 2];
          s3 += x[i + 3];
        }
        for (; i < end; i++) s0 += x[i];
        out[o] = s0 + s1 + (s2 + s3);
      }
      return true;
    case 'max':
      for (let o = 0, base = 0; o < outer; o++, base += inner) {
        let m = Number.NEGATIVE_INFINITY;
        const end = base + inner;
        for (let i = base; i < end; i++) {
          const v = x[i];
          if (v > m) m = v;
          else if (Number.isNaN(v)) {
            m = v;
            break;
          }
        }
        out[o] = m;
      }
      return true;
    case 'min':
      for (let o = 0, base = 0; o < outer; o++, base += inner) {
        let m = Number.POSITIVE_INFINITY;
        const end = base + inner;
        for (let i = base; i < end; i++) {
          const v = x[i];
          if (v < m) m = v;
          else if (Number.isNaN(v)) {
            m = v;
            break;
          }
        }
        out[o] = m;
      }
      return true;
    default:
      return false;
  }
}
