import { defineOp } from './registry';
import { GdRangeError } from '@gd/errors';
import { allocate } from '../dtype';
import { ShapeError, fmtShape } from '../errors';
import { normalizeAxis, sizeOf } from '../shape';
import { Tensor } from '../tensor';
import { type IndexLike, toIndexTensor } from './indices';
import { checkTensor } from './check';

/**
 * Picks entries along `axis` by index, as np.take: out[..., j…, ...] = x[..., idx[j…], ...].
 * The output shape is x.shape[:axis] + indices.shape + x.shape[axis+1:]; without `axis` the
 * tensor is read flattened and the output has the indices' shape. Negative indices count from
 * the end; anything else out of range throws a RangeError.
 *
 * @example
 * ```ts
 * take(tensor([[1, 2], [3, 4], [5, 6]]), [2, 0], 0).toArray(); // [[5, 6], [1, 2]]
 * take(tensor([[1, 2], [3, 4]]), [3, -4]).toArray();           // [4, 1]
 * take(tensor([[1, 2], [3, 4]]), 1, 1).toArray();              // [2, 4]
 * ```
 */
export const take = /* @__PURE__ */ defineOp(
  'take',
  function take(x: Tensor, indices: IndexLike, axis?: number): Tensor {
    checkTensor('take', x);
    const idx = toIndexTensor('take', indices);
    const flat = axis === undefined;
    const shape = flat ? [x.size] : x.shape;
    const ax = flat ? 0 : normalizeAxis('take', axis, x.ndim);
    if (shape.length === 0) {
      throw new ShapeError('take: a 0-d tensor has no axis to take along; omit axis or reshape it');
    }
    const n = shape[ax];
    const outerN = sizeOf(shape.slice(0, ax));
    const inner = sizeOf(shape.slice(ax + 1));
    const m = idx.size;
    const id = idx.data;
    const pos = new Int32Array(m);
    for (let j = 0; j < m; j++) {
      const v = id[j];
      if (v < -n || v >= n) {
        throw new GdRangeError(
          `take: index ${v} is out of bounds for axis ${ax} with size ${n} (shape ${fmtShape(x.shape)})`,
        );
      }
      pos[j] = v < 0 ? v + n : v;
    }
    const outShape = [...shape.slice(0, ax), ...idx.shape, ...shape.slice(ax + 1)];
    const out = allocate(x.dtype, outerN * m * inner);
    const src = x.data;
    let o = 0;
    // Long rows (e.g. dataset samples) copy as blocks; short ones element by element, which avoids
    // a subarray view per index.
    const block = inner >= 32;
    for (let a = 0; a < outerN; a++) {
      const base = a * n * inner;
      for (let j = 0; j < m; j++) {
        const from = base + pos[j] * inner;
        if (block) {
          out.set(src.subarray(from, from + inner), o);
          o += inner;
        } else for (let i = 0; i < inner; i++) out[o++] = src[from + i];
      }
    }
    return new Tensor(out, outShape);
  },
);

/**
 * Selects whole slices along `axis` by a 1-D list of indices, as torch.index_select.
 *
 * @example
 * ```ts
 * indexSelect(tensor([[1, 2], [3, 4]]), 1, [1]).toArray(); // [[2], [4]]
 * ```
 */
export const indexSelect = /* @__PURE__ */ defineOp(
  'indexSelect',
  function indexSelect(x: Tensor, axis: number, indices: IndexLike): Tensor {
    const idx = toIndexTensor('indexSelect', indices);
    if (idx.ndim > 1) {
      throw new ShapeError(
        `indexSelect: indices must be 0-d or 1-D, got shape ${fmtShape(idx.shape)}`,
      );
    }
    return take(x, idx.ndim === 0 ? idx.reshape([1]) : idx, axis);
  },
);
