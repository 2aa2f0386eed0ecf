import { defineOp } from './registry';
import { allocate, floatResult } from '../dtype';
import { runRows } from '../kernels/rows';
import { type ReduceOptions, Tensor } from '../tensor';
import { castArray } from './elementwise';
import { moveReducedLast, reducePlan } from './reduce';
import { checkTensor } from './check';

/**
 * log Σ exp(x) over `axis` (all axes when omitted), computed stably as
 * m + log Σᵢ exp(xᵢ − m) with m = maxᵢ xᵢ. As PyTorch: all −∞ gives −∞, any +∞ gives +∞, an
 * empty axis gives −∞. Integer inputs give float32.
 *
 * @example
 * ```ts
 * logsumexp(tensor([1000, 1000])).item(); // 1000.6931…
 * logsumexp(tensor([[0, 0], [1, 1]]), { axis: 1 }).toArray(); // [0.693, 1.693]
 * ```
 */
export const logsumexp = /* @__PURE__ */ defineOp(
  'logsumexp',
  function logsumexp(x: Tensor, opts?: ReduceOptions): Tensor {
    checkTensor('logsumexp', x);
    const plan = reducePlan('logsumexp', x, opts);
    const dt = floatResult(x.dtype);
    const moved = moveReducedLast(x, plan.axes);
    const src = moved.dtype === dt ? moved.data : castArray(moved.data, dt);
    const out = allocate(dt, plan.outer);
    runRows('logsumexp', src, plan.outer, plan.inner, out);
    return new Tensor(out, plan.outShape);
  },
);
