/**
 * Float64Array-only copies of the hot element-wise and reduction loops: the twin of f32.ts (see
 * there for why each float dtype gets its own monomorphic loops), except that exp stays
 * `Math.exp`, whose float64 accuracy PyTorch comparisons at 1e-12 rely on.
 */
import type { BinaryCode, ReduceCode, UnaryCode } from './backend';

/** out[i] = f(x[i]) on float64; false when `code` has no float64 loop here. */
export function unaryF64(code: UnaryCode, x: Float64Array, out: Float64Array): boolean {
  const n = x.length;
  switch (code) {
    case 'neg':
      for (let i = 0; i < n; i++) out[i] = -x[i];
      return true;
    case 'abs':
      for (let i = 0; i < n; i++) out[i] = Math.abs(x[i]);
      return true;
    case 'exp':
      for (let i = 0; i < n; i++) out[i] = Math.exp(x[i]);
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
      for (let i = 0; i < n; i++) out[i] = Math.tanh(x[i]);
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

/** out[i] = f(a[i], b[i]) on float64 (equal lengths); false when `code` is not arithmetic. */
export function binaryF64(
  code: BinaryCode,
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
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

/** out[i] = f(a[i], s) (or f(s, a[i]) when `left`) on float64; false when not arithmetic. */
export function binaryScalarF64(
  code: BinaryCode,
  a: Float64Array,
  s: number,
  out: Float64Array,
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

/** Row reductions on float64; false for codes left to js.ts. */
export function reduceF64(
  code: ReduceCode,
  x: Float64Array,
  outer: number,
  inner: number,
  out: Float64Array,
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
