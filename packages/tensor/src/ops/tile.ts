import { defineOp } from './registry';
import { GdRangeError } from '@gd/errors';
import { fmtShape } from '../errors';
import type { Tensor } from '../tensor';
import { broadcastTo, reshape } from './shape';
import { checkTensor } from './check';

/**
 * Repeats `x` `reps[i]` times along each axis, as np.tile: when `reps` is longer than the rank,
 * `x` gets leading axes of size 1; when shorter, `reps` gets leading ones.
 * out.shape[i] = x.shape[i] · reps[i].
 *
 * @example
 * ```ts
 * tile(tensor([1, 2]), [2]).toArray();    // [1, 2, 1, 2]
 * tile(tensor([1, 2]), [2, 1]).toArray(); // [[1, 2], [1, 2]]
 * ```
 */
export const tile = /* @__PURE__ */ defineOp(
  'tile',
  function tile(x: Tensor, reps: number | readonly number[]): Tensor {
    checkTensor('tile', x);
    const r = typeof reps === 'number' ? [reps] : [...reps];
    if (r.some((v) => !Number.isInteger(v) || v < 0)) {
      throw new GdRangeError(`tile: reps ${fmtShape(r)} must be non-negative integers`);
    }
    const d = Math.max(x.ndim, r.length);
    const xs = [...new Array(d - x.ndim).fill(1), ...x.shape];
    const rs = [...new Array(d - r.length).fill(1), ...r];
    // Interleave a repeat axis before each axis: [1, x0, 1, x1, …] broadcast to [r0, x0, r1, x1, …].
    const inter: number[] = [];
    const target: number[] = [];
    for (let i = 0; i < d; i++) {
      inter.push(1, xs[i]);
      target.push(rs[i], xs[i]);
    }
    const b = broadcastTo(reshape(x, inter), target);
    return reshape(
      b,
      xs.map((v, i) => v * rs[i]),
    );
  },
);
