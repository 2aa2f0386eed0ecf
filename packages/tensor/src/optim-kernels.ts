/**
 * Fused optimizer updates on typed arrays (PyTorch's `torch._fused_adam_` is likewise an ATen op
 * below torch.optim): one pass over a parameter, its gradient and its optimizer state. The WASM
 * kernel (./kernels/wasm/optim.ts) and the JS reference here give the same bits.
 */
import { GdRangeError, GdTypeError } from '@gd/errors';
import { DTypeError, ShapeError } from './errors';
import { backendName } from './kernels';
import { adamWasm, sgdWasm } from './kernels/wasm/optim';

type FloatArray = Float32Array | Float64Array;

/** Options of {@link fusedAdam}: one Adam step's hyperparameters and its step number. */
export interface FusedAdamOptions {
  /** The step number t ≥ 1 of this update (the power in the bias correction). */
  step: number;
  /** Learning rate α. */
  lr: number;
  /** Decay rates [β₁, β₂] of the first and second moment averages. */
  betas: readonly [number, number];
  /** ε added to the denominator. */
  eps: number;
  /** Coupled L2 penalty λ_c, added to the gradient (Adam's weightDecay). Default 0. */
  weightDecay?: number;
  /** Decoupled weight decay λ_d, $θ ← θ(1 − αλ_d)$ (AdamW's weightDecay). Default 0. */
  decoupledWeightDecay?: number;
  /** Ascend instead of descend (the gradient's sign flipped). Default false. */
  maximize?: boolean;
  /** $\sqrt{\hat v + ε}$ instead of $\sqrt{\hat v} + ε$. Default false. */
  epsInsideSqrt?: boolean;
  /**
   * Bias correction: `'step'` divides the moments by $1 − β^t$, `'constant'` by $1 − β$,
   * `'none'` not at all. Default 'step'.
   */
  biasCorrection?: 'step' | 'constant' | 'none';
}

/** Bits of {@link AdamScalars.flags}: the options that leave the default loop. */
const AMSGRAD = 1;
const EPS_INSIDE = 2;
const COUPLED = 4;
const DECOUPLED = 8;
const MAXIMIZE = 16;

/** The per-call constants of one Adam update, shared by the reference and the WASM kernel. */
export interface AdamScalars {
  beta1: number;
  beta2: number;
  /** 1 − β₁ and 1 − β₂. */
  c1: number;
  c2: number;
  /** −α / bc₁. */
  negStep: number;
  /** √bc₂ and bc₂. */
  bc2Sqrt: number;
  bc2: number;
  eps: number;
  /** −1 when maximizing, else 1. */
  sign: number;
  /** λ_c. */
  coupled: number;
  /** 1 − αλ_d. */
  decay: number;
  /** AMSGRAD | EPS_INSIDE | COUPLED | DECOUPLED | MAXIMIZE. */
  flags: number;
}

function adamScalars(o: FusedAdamOptions, amsgrad: boolean): AdamScalars {
  const { lr, eps, step } = o;
  const [beta1, beta2] = o.betas;
  const coupled = o.weightDecay ?? 0;
  const decoupled = o.decoupledWeightDecay ?? 0;
  const bc = o.biasCorrection ?? 'step';
  const bc1 = bc === 'step' ? 1 - beta1 ** step : bc === 'constant' ? 1 - beta1 : 1;
  const bc2 = bc === 'step' ? 1 - beta2 ** step : bc === 'constant' ? 1 - beta2 : 1;
  const stepSize = lr / bc1;
  return {
    beta1,
    beta2,
    c1: 1 - beta1,
    c2: 1 - beta2,
    negStep: -stepSize,
    bc2Sqrt: Math.sqrt(bc2),
    bc2,
    eps,
    sign: o.maximize ? -1 : 1,
    coupled,
    decay: 1 - lr * decoupled,
    flags:
      (amsgrad ? AMSGRAD : 0) |
      (o.epsInsideSqrt ? EPS_INSIDE : 0) |
      (coupled !== 0 ? COUPLED : 0) |
      (decoupled !== 0 ? DECOUPLED : 0) |
      (o.maximize ? MAXIMIZE : 0),
  };
}

/**
 * The reference Adam loop (the `'js'` tier, and the fallback): float64 arithmetic, each stored
 * value rounded once to the arrays' dtype and read back as stored — the operation order the WASM
 * kernel reproduces bit for bit.
 */
export function adamReference(
  p: FloatArray,
  g: FloatArray,
  m: FloatArray,
  v: FloatArray,
  vmax: FloatArray | null,
  s: AdamScalars,
): void {
  const { beta1, beta2, c1, c2, negStep, bc2Sqrt, bc2, eps, sign, coupled, decay, flags } = s;
  const n = p.length;
  if (flags === 0) {
    // The default configuration, kept free of per-element branches.
    for (let i = 0; i < n; i++) {
      const gi = g[i];
      m[i] = m[i] * beta1 + c1 * gi;
      v[i] = v[i] * beta2 + c2 * gi * gi;
      p[i] = p[i] + (negStep * m[i]) / (Math.sqrt(v[i]) / bc2Sqrt + eps);
    }
    return;
  }
  const inside = (flags & EPS_INSIDE) !== 0;
  const withCoupled = (flags & COUPLED) !== 0;
  const withDecoupled = (flags & DECOUPLED) !== 0;
  for (let i = 0; i < n; i++) {
    let gi = sign * g[i];
    if (withCoupled) gi = gi + coupled * p[i];
    if (withDecoupled) p[i] = p[i] * decay;
    m[i] = m[i] * beta1 + c1 * gi;
    v[i] = v[i] * beta2 + c2 * gi * gi;
    let vi = v[i];
    if (vmax !== null) {
      vmax[i] = Math.max(vmax[i], vi);
      vi = vmax[i];
    }
    const denom = inside ? Math.sqrt(vi / bc2 + eps) : Math.sqrt(vi) / bc2Sqrt + eps;
    p[i] = p[i] + (negStep * m[i]) / denom;
  }
}

/** Below this many elements the reference loop beats the copies into WASM memory. */
const SMALL = 48;

function checkArray(op: string, name: string, a: unknown, n: number): void {
  if (!(a instanceof Float32Array || a instanceof Float64Array)) {
    const got = a === null || typeof a !== 'object' ? String(a) : a.constructor.name;
    throw new DTypeError(
      `${op}: ${name} must be a Float32Array or Float64Array, got ${got}; pass a float tensor's data`,
    );
  }
  if (a.length !== n) {
    throw new ShapeError(
      `${op}: ${name} has ${a.length} elements but param has ${n}; give every state buffer the parameter's length`,
    );
  }
}

/** Whether the given arrays (nulls skipped) are all float32 or all float64, as the kernels need. */
function sameKind(
  a: FloatArray,
  b: FloatArray,
  c: FloatArray | null,
  d: FloatArray | null,
  e: FloatArray | null,
): boolean {
  const f32 = a instanceof Float32Array;
  return (
    b instanceof Float32Array === f32 &&
    (c === null || c instanceof Float32Array === f32) &&
    (d === null || d instanceof Float32Array === f32) &&
    (e === null || e instanceof Float32Array === f32)
  );
}

/**
 * One Adam step on a parameter in place — PyTorch's single-tensor `torch.optim.Adam` formula
 * operation for operation (AdamW's with `decoupledWeightDecay`), fused into one pass over the
 * arrays, which are updated in place:
 *
 * $g ← ±∇ + λ_c θ$; $θ ← θ(1 − αλ_d)$; $m ← β₁m + (1−β₁)g$; $v ← β₂v + (1−β₂)g²$;
 * $\hat v = \max(\hat v, v)$ when `maxExpAvgSq` is given (AMSGrad), else $\hat v = v$;
 * $θ ← θ − \frac{α}{bc₁} · \frac{m}{\sqrt{\hat v}/\sqrt{bc₂} + ε}$ with $bc_i = 1 − β_i^t$
 * (`biasCorrection: 'step'`), $1 − β_i$ (`'constant'`) or 1 (`'none'`).
 *
 * Arithmetic is float64, each stored value rounded once to the arrays' dtype. Unless the `'js'`
 * tier is active (see {@link useBackend}; `GD_BACKEND=js`), arrays of one dtype with at least 48
 * elements go through a WASM SIMD kernel, where WebAssembly SIMD runs, that gives the same bits
 * as the JS loop, about 3× faster. The arrays must be distinct, float32 or float64, and of one
 * length.
 *
 * Defaults: weightDecay 0, decoupledWeightDecay 0, maximize false, epsInsideSqrt false,
 * biasCorrection 'step'.
 *
 * @throws {DTypeError} when an array is not a Float32Array or Float64Array.
 * @throws {ShapeError} when the arrays' lengths differ.
 * @throws {RangeError} when `step` is not a positive integer.
 * @example
 * ```ts
 * const w = new Float32Array([1, 2]), g = new Float32Array([0.5, -0.5]);
 * const m = new Float32Array(2), v = new Float32Array(2);
 * fusedAdam(w, g, m, v, null, { step: 1, lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8 });
 * // w ≈ [0.999, 2.001]
 * ```
 */
export function fusedAdam(
  param: Float32Array | Float64Array,
  grad: Float32Array | Float64Array,
  expAvg: Float32Array | Float64Array,
  expAvgSq: Float32Array | Float64Array,
  maxExpAvgSq: Float32Array | Float64Array | null,
  options: FusedAdamOptions,
): void {
  const n = param?.length;
  const name = 'fusedAdam';
  checkArray(name, 'param', param, n);
  checkArray(name, 'grad', grad, n);
  checkArray(name, 'expAvg', expAvg, n);
  checkArray(name, 'expAvgSq', expAvgSq, n);
  if (maxExpAvgSq !== null) checkArray(name, 'maxExpAvgSq', maxExpAvgSq, n);
  const step = options?.step;
  if (!Number.isInteger(step) || step < 1) {
    throw new GdRangeError(`fusedAdam: step must be a positive integer (t ≥ 1), got ${step}`);
  }
  const s = adamScalars(options, maxExpAvgSq !== null);
  if (
    n >= SMALL &&
    backendName() !== 'js' &&
    sameKind(param, grad, expAvg, expAvgSq, maxExpAvgSq) &&
    adamWasm(param, grad, expAvg, expAvgSq, maxExpAvgSq, s)
  ) {
    return;
  }
  adamReference(param, grad, expAvg, expAvgSq, maxExpAvgSq, s);
}

/** Options of {@link fusedSgd}: one SGD step's hyperparameters. */
export interface FusedSgdOptions {
  /** Learning rate η. */
  lr: number;
  /** Momentum factor μ; 0 is plain gradient descent (no buffer). Default 0. */
  momentum?: number;
  /** Dampening τ of the gradient added to the momentum buffer. Default 0. */
  dampening?: number;
  /** L2 penalty λ added to the gradient. Default 0. */
  weightDecay?: number;
  /** Nesterov momentum, $d ← d + μb$. Default false. */
  nesterov?: boolean;
  /** Ascend instead of descend (the gradient's sign flipped). Default false. */
  maximize?: boolean;
  /** The buffer's first step: $b ← d$ instead of $b ← μb + (1−τ)d$ (PyTorch's). Default false. */
  isFirstStep?: boolean;
}

/** Bits of {@link SgdScalars.flags}. */
const WEIGHT_DECAY = 1;
const MOMENTUM = 2;
const FIRST_STEP = 4;
const NESTEROV = 8;

/** The per-call constants of one SGD update, shared by the reference and the WASM kernel. */
export interface SgdScalars {
  /** −η. */
  negLr: number;
  momentum: number;
  /** 1 − τ. */
  keep: number;
  weightDecay: number;
  /** −1 when maximizing, else 1. */
  sign: number;
  /** WEIGHT_DECAY | MOMENTUM | FIRST_STEP | NESTEROV | MAXIMIZE. */
  flags: number;
}

/**
 * The reference SGD loop (the `'js'` tier, and the fallback), in the operation order the WASM
 * kernel reproduces bit for bit. `buf` is null for plain gradient descent (momentum 0).
 */
export function sgdReference(
  p: FloatArray,
  g: FloatArray,
  buf: FloatArray | null,
  s: SgdScalars,
): void {
  const { negLr, momentum, keep, weightDecay: wd, sign, flags } = s;
  const n = p.length;
  if (buf === null) {
    for (let i = 0; i < n; i++) {
      let d = sign * g[i];
      if (wd !== 0) d = d + wd * p[i];
      p[i] = p[i] + negLr * d;
    }
    return;
  }
  const first = (flags & FIRST_STEP) !== 0;
  const nesterov = (flags & NESTEROV) !== 0;
  for (let i = 0; i < n; i++) {
    let d = sign * g[i];
    if (wd !== 0) d = d + wd * p[i];
    buf[i] = first ? d : buf[i] * momentum + keep * d;
    d = nesterov ? d + momentum * buf[i] : buf[i];
    p[i] = p[i] + negLr * d;
  }
}

/**
 * One SGD step on a parameter in place — torch.optim.SGD's formula operation for operation,
 * fused into one pass (PyTorch's `torch._fused_sgd_`):
 *
 * $d ← ±∇ + λθ$; with momentum $b ← d$ on the first step, then $b ← μb + (1−τ)d$;
 * $d ← d + μb$ (Nesterov) or $d ← b$; finally $θ ← θ − ηd$.
 *
 * Arithmetic is float64, each stored value rounded once to the arrays' dtype. Unless the `'js'`
 * tier is active (see {@link useBackend}), arrays of one dtype with at least 48 elements go
 * through a WASM SIMD kernel that gives the same bits as the JS loop. The arrays must be
 * distinct, float32 or float64, and of one length; `momentumBuffer` is needed when momentum ≠ 0
 * and ignored otherwise.
 *
 * Defaults: momentum 0, dampening 0, weightDecay 0, nesterov false, maximize false,
 * isFirstStep false.
 *
 * @throws {DTypeError} when an array is not a Float32Array or Float64Array.
 * @throws {ShapeError} when the arrays' lengths differ.
 * @throws {TypeError} when momentum ≠ 0 and `momentumBuffer` is null.
 * @example
 * ```ts
 * const w = new Float32Array([1, 2]), g = new Float32Array([0.5, -0.5]);
 * const b = new Float32Array(2);
 * fusedSgd(w, g, b, { lr: 0.1, momentum: 0.9, isFirstStep: true }); // w = [0.95, 2.05], b = g
 * ```
 */
export function fusedSgd(
  param: Float32Array | Float64Array,
  grad: Float32Array | Float64Array,
  momentumBuffer: Float32Array | Float64Array | null,
  options: FusedSgdOptions,
): void {
  const n = param?.length;
  const name = 'fusedSgd';
  checkArray(name, 'param', param, n);
  checkArray(name, 'grad', grad, n);
  const momentum = options.momentum ?? 0;
  const buf = momentum !== 0 ? momentumBuffer : null;
  if (momentum !== 0) {
    if (buf === null) {
      throw new GdTypeError(
        `fusedSgd: momentum ${momentum} needs a momentumBuffer; pass an array of the parameter's length (zeros, with isFirstStep: true on the first step)`,
      );
    }
    checkArray(name, 'momentumBuffer', buf, n);
  }
  const wd = options.weightDecay ?? 0;
  const s: SgdScalars = {
    negLr: -options.lr,
    momentum,
    keep: 1 - (options.dampening ?? 0),
    weightDecay: wd,
    sign: options.maximize ? -1 : 1,
    flags:
      (wd !== 0 ? WEIGHT_DECAY : 0) |
      (buf !== null ? MOMENTUM : 0) |
      (options.isFirstStep ? FIRST_STEP : 0) |
      (options.nesterov ? NESTEROV : 0) |
      (options.maximize ? MAXIMIZE : 0),
  };
  if (n >= SMALL && backendName() !== 'js' && sameKind(param, grad, buf, null, null)) {
    if (sgdWasm(param, grad, buf, s)) return;
  }
  sgdReference(param, grad, buf, s);
}
