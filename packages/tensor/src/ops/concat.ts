import { GdRangeError, GdTypeError } from '@gd/errors';
import { type DType, allocate, promoteTypes } from '../dtype';
import { ShapeError, fmtShape } from '../errors';
import { normalizeAxis, sameShape, sizeOf } from '../shape';
import { Tensor } from '../tensor';
import { castArray } from './elementwise';
import { unsqueeze } from './shape';

function checkList(op: string, list: readonly Tensor[]): void {
  if (!Array.isArray(list) || list.length === 0) {
    throw new GdRangeError(`${op}: expected a non-empty array of tensors`);
  }
  list.forEach((t, i) => {
    if (!(t instanceof Tensor)) throw new GdTypeError(`${op}: entry ${i} is not a Tensor`);
  });
}

/**
 * Joins tensors along an existing axis (default 0), as torch.cat / np.concatenate. All must have
 * the same rank and equal sizes on the other axes; dtypes promote (float64 > float32 > int32 >
 * bool).
 *
 * @example
 * ```ts
 * concat([tensor([[1, 2]]), tensor([[3, 4], [5, 6]])]).toArray(); // [[1, 2], [3, 4], [5, 6]]
 * concat([zeros([2, 1]), ones([2, 2])], 1).shape;                   // [2, 3]
 * ```
 */
export function concat(list: readonly Tensor[], axis = 0): Tensor {
  checkList('concat', list);
  const first = list[0];
  if (first.ndim === 0) {
    throw new ShapeError('concat: 0-d tensors cannot be concatenated; use stack');
  }
  const ax = normalizeAxis('concat', axis, first.ndim);
  let dt: DType = first.dtype;
  let total = 0;
  for (const [i, t] of list.entries()) {
    const ok = t.ndim === first.ndim && t.shape.every((d, k) => k === ax || d === first.shape[k]);
    if (!ok) {
      throw new ShapeError(
        `concat: tensor ${i} has shape ${fmtShape(t.shape)}, which does not match ${fmtShape(first.shape)} outside axis ${ax}`,
      );
    }
    dt = promoteTypes(dt, t.dtype);
    total += t.shape[ax];
  }
  const outShape = [...first.shape];
  outShape[ax] = total;
  const outer = sizeOf(first.shape.slice(0, ax));
  const inner = sizeOf(first.shape.slice(ax + 1));
  const out = allocate(dt, sizeOf(outShape));
  const parts = list.map((t) => (t.dtype === dt ? t.data : castArray(t.data, dt)));
  let pos = 0;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < list.length; i++) {
      const chunk = list[i].shape[ax] * inner;
      out.set(parts[i].subarray(o * chunk, (o + 1) * chunk), pos);
      pos += chunk;
    }
  }
  return new Tensor(out, outShape);
}

/**
 * Joins tensors of one shape along a new axis (default 0), as torch.stack / np.stack.
 *
 * @example
 * ```ts
 * stack([tensor([1, 2]), tensor([3, 4])]).toArray();    // [[1, 2], [3, 4]]
 * stack([tensor([1, 2]), tensor([3, 4])], 1).toArray(); // [[1, 3], [2, 4]]
 * ```
 */
export function stack(list: readonly Tensor[], axis = 0): Tensor {
  checkList('stack', list);
  const first = list[0];
  for (const [i, t] of list.entries()) {
    if (!sameShape(t.shape, first.shape)) {
      throw new ShapeError(
        `stack: all tensors must have the same shape; tensor ${i} has ${fmtShape(t.shape)}, tensor 0 has ${fmtShape(first.shape)}`,
      );
    }
  }
  const ax = normalizeAxis('stack', axis, first.ndim + 1);
  return concat(
    list.map((t) => unsqueeze(t, ax)),
    ax,
  );
}
