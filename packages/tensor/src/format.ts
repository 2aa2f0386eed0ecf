import type { Tensor } from './tensor';

const EDGE = 3;
const THRESHOLD = 1000;

function fmtNumber(v: number, dtype: string, digits: number): string {
  if (dtype === 'bool') return v ? 'true' : 'false';
  if (dtype === 'int32') return String(v);
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return `${v}.`;
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e8)) return v.toExponential(digits);
  return String(Number(v.toPrecision(digits + 1)));
}

/**
 * Renders a tensor NumPy-style: `tensor([[1., 2.], [3., 4.]], dtype=float64)`, eliding the middle
 * of any axis longer than 6 once the tensor has more than 1000 elements.
 */
export function format(t: Tensor): string {
  const digits = t.dtype === 'float64' ? 8 : 4;
  const elide = t.size > THRESHOLD;
  const strides = t.strides;
  const cells: string[] = [];
  const render = (axis: number, off: number): string => {
    if (axis === t.ndim) return fmtNumber(t.data[off], t.dtype, digits);
    const n = t.shape[axis];
    const idx =
      elide && n > 2 * EDGE
        ? [...Array(EDGE).keys(), -1, ...Array.from({ length: EDGE }, (_, i) => n - EDGE + i)]
        : [...Array(n).keys()];
    const parts = idx.map((i) => (i < 0 ? '...' : render(axis + 1, off + i * strides[axis])));
    const sep = axis === t.ndim - 1 ? ', ' : `,\n${' '.repeat(8 + axis)}`;
    return `[${parts.join(sep)}]`;
  };
  cells.push(render(0, 0));
  const dt = t.dtype === 'float32' ? '' : `, dtype=${t.dtype}`;
  return `tensor(${cells[0]}${dt})`;
}
