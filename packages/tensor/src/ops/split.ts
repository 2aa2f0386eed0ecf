import { defineOp } from './registry';
import { GdRangeError } from '@gd/errors';
import { ShapeError, fmtShape } from '../errors';
import { normalizeAxis } from '../shape';
import type { Tensor } from '../tensor';
import { type SliceRange, slice } from './slice';
import { checkTensor } from './check';

/**
 * Splits `x` along `axis` (default 0), as torch.split: a number gives pieces of that size (the
 * last one smaller if it does not divide), a list gives pieces of exactly those sizes (which must
 * add up to the axis size). Pieces are copies.
 *
 * @example
 * ```ts
 * split(arange(5), 2).map((t) => t.toArray());      // [[0, 1], [2, 3], [4]]
 * split(arange(5), [1, 4]).map((t) => t.toArray()); // [[0], [1, 2, 3, 4]]
 * ```
 */
export const split = /* @__PURE__ */ defineOp(
  'split',
  function split(x: Tensor, sizeOrSizes: number | readonly number[], axis = 0): Tensor[] {
    checkTensor('split', x);
    if (x.ndim === 0) throw new ShapeError('split: a 0-d tensor has no axis to split');
    const ax = normalizeAxis('split', axis, x.ndim);
    const n = x.shape[ax];
    let sizes: number[];
    if (typeof sizeOrSizes === 'number') {
      const s = sizeOrSizes;
      if (!Number.isInteger(s) || s <= 0) {
        throw new GdRangeError(`split: piece size must be a positive integer, got ${s}`);
      }
      sizes = [];
      for (let start = 0; start < n; start += s) sizes.push(Math.min(s, n - start));
      if (n === 0) sizes.push(0);
    } else {
      sizes = [...sizeOrSizes];
      const total = sizes.reduce((a, b) => a + b, 0);
      if (sizes.some((s) => !Number.isInteger(s) || s < 0) || total !== n) {
        throw new ShapeError(
          `split: sizes ${fmtShape(sizes)} must be non-negative integers adding up to ${n}, the size of axis ${ax} of ${fmtShape(x.shape)}`,
        );
      }
    }
    const pieces: Tensor[] = [];
    let start = 0;
    for (const s of sizes) {
      const spec: (SliceRange | null)[] = new Array(ax).fill(null);
      spec.push([start, start + s]);
      pieces.push(slice(x, spec));
      start += s;
    }
    return pieces;
  },
);
