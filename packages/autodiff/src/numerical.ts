import { GdRangeError, GdTypeError } from '@gd/errors';
import { Tensor, allocate, isFloat } from '@gd/tensor';
import { gradients } from './functional';
import { noGrad } from './mode';
import { Var } from './var';

/** Options of {@link numericalGrad}. */
export interface NumericalGradOptions {
  /** Step h. Default 1e-5 (the lecture's value). */
  h?: number;
  /** 'central' [f(x+h) − f(x−h)]/2h (default, error O(h²)) or 'forward' [f(x+h) − f(x)]/h (O(h)). */
  method?: 'forward' | 'central';
}

// biome-ignore lint/suspicious/noExplicitAny: f may be written for Tensors or Vars.
export type ScalarFn = (x: any) => Tensor | Var | number;

function scalar(v: Tensor | Var | number, op: string): number {
  if (typeof v === 'number') return v;
  if (v.size !== 1)
    throw new GdTypeError(`${op}: f must return one element, got shape [${v.shape.join(', ')}]`);
  return v.item();
}

/**
 * The gradient of a scalar f at x by finite differences, one coordinate at a time (cs231n's
 * eval_numerical_gradient): ∂f/∂xᵢ ≈ [f(x + h·eᵢ) − f(x − h·eᵢ)] / 2h (central, default) or
 * [f(x + h·eᵢ) − f(x)] / h (forward). Costs 2n (or n + 1) evaluations of f; use it to check
 * analytic gradients, not to train. Returns a Tensor shaped like x.
 *
 * @example
 * ```ts
 * numericalGrad((x) => x.square().sum(), tensor([1, 2], { dtype: 'float64' })); // ≈ [2, 4]
 * ```
 */
export function numericalGrad(f: ScalarFn, x: Tensor, opts: NumericalGradOptions = {}): Tensor {
  const { h = 1e-5, method = 'central' } = opts;
  if (!(x instanceof Tensor)) throw new GdTypeError('numericalGrad: x must be a Tensor');
  if (!isFloat(x.dtype)) {
    throw new GdTypeError(`numericalGrad: x has dtype ${x.dtype}; use a float64 tensor`);
  }
  if (!(h > 0) || !Number.isFinite(h))
    throw new GdRangeError(`numericalGrad: h must be a positive number, got ${h}`);
  if (method !== 'central' && method !== 'forward') {
    throw new GdRangeError(
      `numericalGrad: method must be 'central' or 'forward', got '${String(method)}'`,
    );
  }
  const xc = x.clone();
  const d = xc.data;
  const out = new Tensor(allocate(x.dtype, x.size), x.shape);
  noGrad(() => {
    const fx = method === 'forward' ? scalar(f(xc), 'numericalGrad') : 0;
    for (let i = 0; i < d.length; i++) {
      const old = d[i];
      d[i] = old + h;
      const fp = scalar(f(xc), 'numericalGrad');
      if (method === 'central') {
        d[i] = old - h;
        const fm = scalar(f(xc), 'numericalGrad');
        out.data[i] = (fp - fm) / (2 * h);
      } else out.data[i] = (fp - fx) / h;
      d[i] = old; // restore (very important, as the lecture says)
    }
  });
  return out;
}

/** Options of {@link gradCheck}. */
export interface GradCheckOptions {
  /** Finite-difference step. Default 1e-6. */
  eps?: number;
  /** Absolute tolerance. Default 1e-5. */
  atol?: number;
  /** Relative tolerance. Default 1e-3. */
  rtol?: number;
}

/** Result of {@link gradCheck}. */
export interface GradCheckResult {
  /** Every entry satisfies |analytic − numerical| ≤ atol + rtol·|numerical|. */
  ok: boolean;
  /** max |analytic − numerical| over all Jacobian entries. */
  maxAbsError: number;
  /** max |analytic − numerical| / |numerical| over entries with a non-zero numerical value. */
  maxRelError: number;
  /** The entry furthest outside the tolerance (or closest to it when all pass); null with no entries. */
  worst: {
    input: number;
    inputIndex: number;
    outputIndex: number;
    analytic: number;
    numerical: number;
  } | null;
}

// biome-ignore lint/suspicious/noExplicitAny: f is called with Vars for float inputs and as given otherwise.
export type CheckedFn = (...args: any[]) => Var | Tensor;

let warnedFloat32 = false;

/**
 * Compares the analytic Jacobian of f (by backward passes) with central differences for every
 * float input, as torch.autograd.gradcheck: passes when every entry satisfies
 * |a − n| ≤ atol + rtol·|n|. Use float64 inputs (float32 triggers a one-time warning: its
 * rounding swamps eps = 1e-6). `inputs` is a list of Tensors (integer ones are passed through
 * unchecked) or a single Tensor; at least one must be float.
 *
 * @example
 * ```ts
 * gradCheck((x) => x.tanh().mul(x), [randn([3], { dtype: 'float64' })]).ok; // true
 * ```
 */
export function gradCheck(
  f: CheckedFn,
  inputs: readonly Tensor[] | Tensor,
  opts: GradCheckOptions = {},
): GradCheckResult {
  const { eps = 1e-6, atol = 1e-5, rtol = 1e-3 } = opts;
  const xs = checkInputs(inputs);
  if (!(eps > 0) || !Number.isFinite(eps))
    throw new GdRangeError(`gradCheck: eps must be a positive number, got ${eps}`);
  for (const [name, v] of [
    ['atol', atol],
    ['rtol', rtol],
  ] as const) {
    if (!(v >= 0) || !Number.isFinite(v))
      throw new GdRangeError(`gradCheck: ${name} must be a non-negative number, got ${v}`);
  }
  const diff = xs.map((x) => isFloat(x.dtype));
  if (!diff.includes(true)) {
    throw new GdTypeError(
      `gradCheck: no input is a float tensor (dtypes ${xs.map((x) => x.dtype).join(', ') || 'none'}), so there is nothing to check; pass at least one float64 tensor`,
    );
  }
  if (!warnedFloat32 && xs.some((x, i) => diff[i] && x.dtype === 'float32')) {
    warnedFloat32 = true;
    console.warn(
      'gradCheck: float32 xs give unreliable finite differences at eps=1e-6; use float64 (as torch.autograd.gradcheck recommends)',
    );
  }
  const leaves = xs.map((x, i) => (diff[i] ? new Var(x, true) : x));
  const out = f(...leaves);
  const m = out.size;
  // analytic[k][j * n + i] = ∂out_j/∂x_k,i
  const analytic = xs.map((x) => new Float64Array(m * x.size));
  if (out instanceof Var && out.requiresGrad) {
    const targets = leaves.filter((l): l is Var => l instanceof Var);
    for (let j = 0; j < m; j++) {
      const seed = new Tensor(allocate(out.dtype, m), out.shape);
      seed.data[j] = 1;
      const gs = gradients(out, targets, { gradOutput: seed, retainGraph: true });
      let t = 0;
      xs.forEach((x, k) => {
        if (!diff[k]) return;
        const g = gs[t++] as Tensor;
        for (let i = 0; i < x.size; i++) analytic[k][j * x.size + i] = g.data[i];
      });
    }
  }
  const result: GradCheckResult = { ok: true, maxAbsError: 0, maxRelError: 0, worst: null };
  let worstExcess = Number.NEGATIVE_INFINITY;
  noGrad(() => {
    xs.forEach((x, k) => {
      if (!diff[k]) return;
      const xc = x.clone();
      const args = xs.map((y, i) => (i === k ? xc : y));
      for (let i = 0; i < x.size; i++) {
        const old = xc.data[i];
        xc.data[i] = old + eps;
        const fp = valueData(f(...args));
        xc.data[i] = old - eps;
        const fm = valueData(f(...args));
        xc.data[i] = old;
        for (let j = 0; j < m; j++) {
          const num = (fp[j] - fm[j]) / (2 * eps);
          const ana = analytic[k][j * x.size + i];
          const err = Math.abs(ana - num);
          const tol = atol + rtol * Math.abs(num);
          if (!(err <= tol)) result.ok = false;
          if (err > result.maxAbsError || Number.isNaN(err)) result.maxAbsError = err;
          if (num !== 0) result.maxRelError = Math.max(result.maxRelError, err / Math.abs(num));
          const excess = Number.isNaN(err) ? Number.POSITIVE_INFINITY : err - tol;
          if (excess > worstExcess) {
            worstExcess = excess;
            result.worst = {
              input: k,
              inputIndex: i,
              outputIndex: j,
              analytic: ana,
              numerical: num,
            };
          }
        }
      }
    });
  });
  return result;
}

/** The inputs as a list of Tensors (a single Tensor is one input, as torch.autograd.gradcheck). */
function checkInputs(inputs: unknown): readonly Tensor[] {
  if (inputs instanceof Tensor) return [inputs];
  if (!Array.isArray(inputs)) {
    throw new GdTypeError(
      'gradCheck: inputs must be a Tensor or an array of Tensors, e.g. [tensor([1, 2], { dtype: "float64" })]',
    );
  }
  inputs.forEach((x, i) => {
    if (!(x instanceof Tensor)) {
      const what = x instanceof Var ? 'a Var; pass its .value' : `${typeof x} ${String(x)}`;
      throw new GdTypeError(`gradCheck: inputs[${i}] must be a Tensor, got ${what}`);
    }
  });
  return inputs;
}

function valueData(v: Var | Tensor): Float64Array {
  const t = v instanceof Var ? v.value : v;
  return Float64Array.from(t.data);
}
