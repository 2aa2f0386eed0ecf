import { GdRangeError, GdTypeError } from '@gd/errors';
import type { Parameter } from './parameter';
import { checkBoolean, checkNumber, nonNegative } from './validate';

function gradsOf(
  owner: string,
  params: Iterable<Parameter> | Parameter,
): Float32Array[] | Float64Array[] {
  const list =
    Symbol.iterator in Object(params)
      ? [...(params as Iterable<Parameter>)]
      : [params as Parameter];
  const out: Array<Float32Array | Float64Array> = [];
  list.forEach((p, i) => {
    if (p === null || typeof p !== 'object' || !('grad' in p)) {
      throw new GdTypeError(
        `${owner}: params[${i}] is not a parameter (an object with value and grad)`,
      );
    }
    if (p.grad !== null) out.push(p.grad.data as Float32Array | Float64Array);
  });
  return out as Float32Array[] | Float64Array[];
}

/** Options of {@link clipGradNorm}. */
export interface ClipGradNormOptions {
  /** Throw when the total norm is NaN or ±Infinity instead of scaling by it. Default false. */
  errorIfNonfinite?: boolean;
}

/**
 * Rescales the gradients of `params` in place so that their global norm is at most `maxNorm`,
 * as torch.nn.utils.clip_grad_norm_, and returns the total norm before clipping:
 *
 * $N = \left(Σ_p \lVert g_p \rVert_q^q\right)^{1/q}$ (for q = Infinity, $N = \max |g|$);
 * every $g ← g · \min(1, \text{maxNorm}/(N + 10^{-6}))$.
 *
 * Parameters without a gradient are skipped. Defaults: normType 2, errorIfNonfinite false.
 *
 * @example
 * ```ts
 * loss.backward();
 * const norm = clipGradNorm(model.parameters(), 1.0); // total norm before clipping
 * opt.step();
 * ```
 */
export function clipGradNorm(
  params: Iterable<Parameter> | Parameter,
  maxNorm: number,
  normType = 2,
  { errorIfNonfinite = false }: ClipGradNormOptions = {},
): number {
  nonNegative('clipGradNorm', 'maxNorm', maxNorm);
  const q = checkNumber('clipGradNorm', 'normType', normType);
  if (!(q > 0)) {
    throw new GdRangeError(`clipGradNorm: normType must be > 0 (or Infinity), got ${normType}`);
  }
  checkBoolean('clipGradNorm', 'errorIfNonfinite', errorIfNonfinite);
  const grads = gradsOf('clipGradNorm', params);
  if (grads.length === 0) return 0;
  let total: number;
  if (q === Number.POSITIVE_INFINITY) {
    total = 0;
    for (const g of grads) {
      for (let i = 0; i < g.length; i++) {
        const a = Math.abs(g[i]);
        if (a > total || Number.isNaN(a)) total = a;
        if (Number.isNaN(total)) break;
      }
    }
  } else {
    // The norm of the per-tensor norms, as PyTorch computes it.
    let acc = 0;
    for (const g of grads) {
      let s = 0;
      if (q === 2) {
        for (let i = 0; i < g.length; i++) s += g[i] * g[i];
        const norm = Math.sqrt(s);
        acc += norm * norm;
      } else if (q === 1) {
        for (let i = 0; i < g.length; i++) s += Math.abs(g[i]);
        acc += s;
      } else {
        for (let i = 0; i < g.length; i++) s += Math.abs(g[i]) ** q;
        acc += (s ** (1 / q)) ** q;
      }
    }
    total = q === 2 ? Math.sqrt(acc) : q === 1 ? acc : acc ** (1 / q);
  }
  if (errorIfNonfinite && !Number.isFinite(total)) {
    throw new GdRangeError(
      `clipGradNorm: the total norm of order ${normType} of the gradients is ${total}, so they cannot be clipped; check the loss for NaN/Infinity or pass { errorIfNonfinite: false }`,
    );
  }
  const coef = Math.min(maxNorm / (total + 1e-6), 1);
  if (coef !== 1) {
    for (const g of grads) for (let i = 0; i < g.length; i++) g[i] = g[i] * coef;
  }
  return total;
}

/**
 * Clamps every gradient element of `params` in place to $[−\text{clipValue}, \text{clipValue}]$,
 * as torch.nn.utils.clip_grad_value_. Parameters without a gradient are skipped.
 *
 * @example
 * ```ts
 * loss.backward();
 * clipGradValue([w, b], 0.5);
 * ```
 */
export function clipGradValue(params: Iterable<Parameter> | Parameter, clipValue: number): void {
  const c = nonNegative('clipGradValue', 'clipValue', clipValue);
  for (const g of gradsOf('clipGradValue', params)) {
    for (let i = 0; i < g.length; i++) {
      g[i] = Math.min(Math.max(g[i], -c), c);
    }
  }
}
