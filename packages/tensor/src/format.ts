import type { Tensor } from './tensor';

/** Elements shown at each end of an elided axis. */
const EDGE = 3;
/** Tensors with more elements than this are elided (NumPy's default threshold). */
const THRESHOLD = 1000;
/** Rows of the last axis wrap past this many characters (NumPy's linewidth). */
const LINE_WIDTH = 75;

/** Flat indices of the elements `format` shows, in display order (ragged by elision). */
function shownIndices(t: Tensor, elide: boolean): number[] {
  const out: number[] = [];
  const strides = t.strides;
  const walk = (axis: number, off: number): void => {
    if (axis === t.ndim) {
      out.push(off);
      return;
    }
    for (const i of axisIndices(t.shape[axis], elide)) {
      if (i >= 0) walk(axis + 1, off + i * strides[axis]);
    }
  };
  walk(0, 0);
  return out;
}

/** Indices of one axis to show; −1 marks the `...` of an elided middle. */
function axisIndices(n: number, elide: boolean): number[] {
  if (!elide || n <= 2 * EDGE) return Array.from({ length: n }, (_, i) => i);
  return [
    ...Array.from({ length: EDGE }, (_, i) => i),
    -1,
    ...Array.from({ length: EDGE }, (_, i) => n - EDGE + i),
  ];
}

/** Digits after the point that `v` needs at `precision` at most (trailing zeros dropped). */
function decimalsNeeded(v: number, precision: number): number {
  const s = v.toFixed(precision);
  const dot = s.indexOf('.');
  if (dot < 0) return 0;
  let end = s.length;
  while (end > dot + 1 && s[end - 1] === '0') end--;
  return end - dot - 1;
}

/** Mantissa digits that `v` needs in scientific notation at `precision` at most. */
function mantissaNeeded(v: number, precision: number): number {
  const m = v.toExponential(precision).split('e')[0];
  const dot = m.indexOf('.');
  if (dot < 0) return 0;
  let end = m.length;
  while (end > dot + 1 && m[end - 1] === '0') end--;
  return end - dot - 1;
}

function special(v: number): string | null {
  if (Number.isNaN(v)) return 'nan';
  if (v === Number.POSITIVE_INFINITY) return 'inf';
  if (v === Number.NEGATIVE_INFINITY) return '-inf';
  return null;
}

/**
 * One number formatter for all shown floats, chosen as NumPy does: scientific notation when the
 * largest magnitude is ≥ 1e8, the smallest non-zero is < 1e-4 or their ratio exceeds 1000;
 * otherwise integers print as `1.` and other values fixed with as many decimals as the most
 * precise element needs (at most `precision`).
 */
function floatFormatter(values: number[], precision: number): (v: number) => string {
  const finite = values.filter((v) => Number.isFinite(v));
  let maxAbs = 0;
  let minAbs = Number.POSITIVE_INFINITY;
  for (const v of finite) {
    const a = Math.abs(v);
    if (a === 0) continue;
    if (a > maxAbs) maxAbs = a;
    if (a < minAbs) minAbs = a;
  }
  if (maxAbs === 0) minAbs = 0;
  if (maxAbs > 0 && (maxAbs >= 1e8 || minAbs < 1e-4 || maxAbs / minAbs > 1000)) {
    const d = finite.reduce((acc, v) => Math.max(acc, mantissaNeeded(v, precision)), 0);
    return (v) => {
      const sp = special(v);
      if (sp) return sp;
      const [mant, e] = v.toExponential(d).split('e');
      const m = d === 0 ? `${mant}.` : mant;
      const sign = e[0] === '-' ? '-' : '+';
      const digits = e.replace(/^[+-]/, '').padStart(2, '0');
      return `${m}e${sign}${digits}`;
    };
  }
  if (finite.every((v) => Number.isInteger(v))) {
    return (v) => special(v) ?? `${Object.is(v, -0) ? '-0' : v}.`;
  }
  const d = finite.reduce((acc, v) => Math.max(acc, decimalsNeeded(v, precision)), 1);
  return (v) => special(v) ?? v.toFixed(d);
}

/**
 * Renders a tensor NumPy-style inside `tensor(...)`: one number format for every element, columns
 * right-aligned to a common width, long rows wrapped, and — once the tensor has more than 1000
 * elements — the middle of every axis longer than 6 replaced by `...`. Precision is 4 decimals
 * for float32 (PyTorch) and 8 for float64 (NumPy); non-float32 dtypes are named, and so is the
 * shape of an empty tensor that is not 1-D (`tensor([], shape=[0, 3])`).
 *
 * @example
 * ```ts
 * String(tensor([[1, 2.5], [3, 4]])); // 'tensor([[1.0, 2.5],\n        [3.0, 4.0]])'
 * ```
 */
export function format(t: Tensor): string {
  const precision = t.dtype === 'float64' ? 8 : 4;
  const elide = t.size > THRESHOLD;
  const data = t.data;
  const shown = shownIndices(t, elide).map((i) => data[i]);
  let fmt: (v: number) => string;
  if (t.dtype === 'bool') fmt = (v) => (v ? 'true' : 'false');
  else if (t.dtype === 'int32') fmt = (v) => String(v);
  else fmt = floatFormatter(shown, precision);
  const width = shown.reduce((acc, v) => Math.max(acc, fmt(v).length), 0);
  const cell = (v: number) => fmt(v).padStart(width);
  const prefix = 'tensor(';
  const strides = t.strides;
  const render = (axis: number, off: number, indent: number): string => {
    if (axis === t.ndim) return cell(data[off]);
    const idx = axisIndices(t.shape[axis], elide);
    if (axis === t.ndim - 1) {
      const parts = idx.map((i) => (i < 0 ? '...' : cell(data[off + i * strides[axis]])));
      return `[${wrap(parts, indent + 1)}]`;
    }
    const blank = '\n'.repeat(Math.max(1, t.ndim - axis - 1));
    const parts = idx.map((i) =>
      i < 0 ? '...' : render(axis + 1, off + i * strides[axis], indent + 1),
    );
    return `[${parts.join(`,${blank}${' '.repeat(indent + 1)}`)}]`;
  };
  const dt = t.dtype === 'float32' ? '' : `, dtype=${t.dtype}`;
  // An empty tensor prints as [] whatever its shape, so name the shape unless it is [0] (NumPy).
  if (t.size === 0 && t.ndim !== 1) return `${prefix}[], shape=[${t.shape.join(', ')}]${dt})`;
  const body = render(0, 0, prefix.length);
  return `${prefix}${body}${dt})`;
}

/** Joins row cells with ', ', starting a new line (indented) before LINE_WIDTH is exceeded. */
function wrap(parts: string[], indent: number): string {
  let out = '';
  let lineLen = indent;
  for (let i = 0; i < parts.length; i++) {
    const piece = i < parts.length - 1 ? `${parts[i]},` : parts[i];
    if (i > 0) {
      if (lineLen + 1 + piece.length > LINE_WIDTH) {
        out += `\n${' '.repeat(indent)}`;
        lineLen = indent;
      } else {
        out += ' ';
        lineLen += 1;
      }
    }
    out += piece;
    lineLen += piece.length;
  }
  return out;
}
