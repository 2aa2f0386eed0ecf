import { Tensor, allocate } from '@gd/tensor';

/**
 * Copies rows `indices` of `t` (along axis 0) into one new tensor of shape
 * [indices.length, ...rest] — each row is one `TypedArray.set` of a contiguous block (short rows
 * are copied element by element). With
 * `squeeze`, a single row comes back without the leading axis (as `x[i]`).
 */
export function sliceRows(t: Tensor, indices: ArrayLike<number>, squeeze = false): Tensor {
  const rowSize = t.shape[0] === 0 ? 0 : t.size / t.shape[0];
  const out = allocate(t.dtype, indices.length * rowSize);
  const src = t.data;
  if (rowSize >= 16) {
    for (let k = 0; k < indices.length; k++) {
      const start = indices[k] * rowSize;
      out.set(src.subarray(start, start + rowSize), k * rowSize);
    }
  } else {
    // Short rows (labels, tabular features): a view per row would cost more than the copy.
    for (let k = 0, o = 0; k < indices.length; k++) {
      const start = indices[k] * rowSize;
      for (let j = 0; j < rowSize; j++, o++) out[o] = src[start + j];
    }
  }
  const rest = t.shape.slice(1);
  return new Tensor(out, squeeze && indices.length === 1 ? rest : [indices.length, ...rest]);
}
