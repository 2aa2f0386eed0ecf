import { GdTypeError } from '@gd/errors';
import {
  type DType,
  DTypeError,
  type NestedArray,
  Tensor,
  type TypedArray,
  isFloat,
  tensor,
  versionClock,
} from '@gd/tensor';
import { astype, setDispatchHook } from '@gd/tensor';
import type { BackwardFn, Grad, Operand } from './engine';
import { type BackwardOptions, backward } from './backward';
import * as IP from './in-place';
import { VAR_METHODS, type VarMethods } from './generated/var-methods';
import { varOpImpl } from './registry';

// The op methods (`v.add(w)`, `v.sum()`, …) are declared by the generated VarMethods and installed
// on the prototype below from the op table, calling the registered autodiff op of each name.
export interface Var extends VarMethods {}

/**
 * A value recorded for reverse-mode differentiation: a node holding `value` (a Tensor) and,
 * after {@link Var.backward}, `grad` (∂loss/∂value, accumulated until zeroed). It has the same op
 * methods as Tensor; each op on a Var that requires grad records its inputs and backward rule.
 *
 * Leaves are made with {@link variable}; ops make interior nodes. Optimizers update a leaf in
 * place through `value.data`.
 *
 * @example
 * ```ts
 * const x = variable(tensor(3, { dtype: 'float64' }));
 * const y = x.pow(2).add(x.neg().exp()); // x² + e⁻ˣ
 * y.backward();
 * x.grad.item(); // 6 − e⁻³
 * ```
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the op methods are installed at runtime
export class Var {
  /** The forward value. Optimizers may write into `value.data` in place. */
  value: Tensor;
  /** ∂(what backward was called on)/∂value, accumulated over backward calls; null until then. */
  grad: Tensor | null = null;
  /** Whether ops on this Var are recorded so that gradients can flow back to it. */
  requiresGrad: boolean;
  /** @internal The recorded gradient left by a backward with createGraph (see {@link Var.gradVar}). */
  gradRec: Var | null = null;

  /** @internal Name of the op that made this node ('leaf' for leaves). */
  op = 'leaf';
  /** @internal Backward rule; null for leaves, constants and released nodes. */
  backFn: BackwardFn | null = null;
  /** @internal First input. */
  x0: Operand | null = null;
  /** @internal Second input. */
  x1: Operand | null = null;
  /** @internal Further inputs (concat, stack, where…). */
  xs: readonly Operand[] | null = null;
  /** @internal Op options the backward rule needs (axes, shapes…). */
  aux: unknown = null;
  /** @internal Gradient gathered for this node during a sweep. */
  pending: Grad | null = null;
  /** @internal Sweep bookkeeping (epoch marks instead of Sets). */
  visitMark = 0;
  /** @internal */
  targetMark = 0;
  /** @internal */
  childIdx = 0;
  /** @internal Saved inputs were freed by a backward without retainGraph. */
  released = false;
  /** @internal Stack trace of the creating call, recorded in anomaly mode. */
  trace: string | null = null;
  /** @internal In-place clock when this node was made (see in-place.ts). */
  recordedAt = versionClock.now;

  /** Wraps `value` (not copied). Prefer {@link variable}. */
  constructor(value: Tensor, requiresGrad = true) {
    if (requiresGrad && !isFloat(value.dtype)) {
      throw new DTypeError(
        `variable: only float32/float64 tensors can require gradients, got ${value.dtype}; cast with astype('float64') or pass { requiresGrad: false }`,
      );
    }
    this.value = value;
    this.requiresGrad = requiresGrad;
  }

  /** Size of each axis. */
  get shape(): readonly number[] {
    return this.value.shape;
  }
  /** Element type. */
  get dtype(): DType {
    return this.value.dtype;
  }
  /** Number of elements. */
  get size(): number {
    return this.value.size;
  }
  /** Number of axes. */
  get ndim(): number {
    return this.value.ndim;
  }
  /** The value's elements. */
  get data(): TypedArray {
    return this.value.data;
  }
  /** True for a Var not made by a recorded op (a leaf of the graph). */
  get isLeaf(): boolean {
    return this.backFn === null && !this.released;
  }

  /** The single element as a number. */
  item(): number {
    return this.value.item();
  }
  /** The value as nested arrays. */
  toArray(): NestedArray {
    return this.value.toArray();
  }
  /** Text of the value, marked as a Var. */
  toString(): string {
    return `Var(${this.value.toString()}${this.requiresGrad ? ', requiresGrad' : ''})`;
  }

  /**
   * Backpropagates from this Var: adds ∂self/∂leaf (times `gradOutput`) into every leaf's
   * `.grad` (PyTorch semantics: accumulate until zeroed). A scalar needs no `gradOutput`
   * (it defaults to 1); a non-scalar needs one of its shape. The graph's saved inputs are freed
   * afterwards unless `retainGraph` is true (default: `createGraph`).
   *
   * With `createGraph: true` (PyTorch's `create_graph`) the backward pass is itself recorded:
   * each leaf's `.grad` is then the value of a Var, {@link Var.gradVar}, that can be
   * differentiated again (and accumulation is out of place, `grad ← grad + g`, so earlier
   * gradients are not overwritten).
   *
   * @example
   * ```ts
   * const w = variable(tensor([1, 2]));
   * w.mul(w).sum().backward(); // w.grad = [2, 4]
   *
   * const x = variable(tensor(2, { dtype: 'float64' }));
   * x.pow(3).backward(undefined, { createGraph: true }); // x.grad = 3x² = 12
   * gradients(x.gradVar!, [x]);                          // [6x] = [12]
   * ```
   */
  backward(gradOutput?: Tensor | number, opts: BackwardOptions = {}): void {
    backward(this, gradOutput, opts);
  }

  /**
   * The gradient as a recorded Var after `backward(…, { createGraph: true })`: its value is
   * `.grad` and its graph leads back to the leaves, so it can be differentiated again (the
   * counterpart of a PyTorch `.grad` that has a `grad_fn`). Null when the last backward did not
   * create a graph, or after `.grad` was replaced or zeroed.
   *
   * @example
   * ```ts
   * const x = variable(tensor(2, { dtype: 'float64' }));
   * x.pow(3).backward(undefined, { createGraph: true });
   * x.gradVar!.backward(); // x.grad = 3x² + 6x = 24 (accumulated, as PyTorch)
   * ```
   */
  get gradVar(): Var | null {
    const r = this.gradRec;
    return r !== null && r.value === this.grad ? r : null;
  }

  // In-place updates of .value (PyTorch's trailing underscore), checked in in-place.ts: refused
  // outside noGrad on a Var that requires grad. They return this Var.
  /**
   * value ← value + other, in place (PyTorch's `add_`); other broadcasts to the value's shape. Refused outside `noGrad` when this Var requires grad (InPlaceError). Returns this Var.
   * @example `noGrad(() => w.add_(1))`
   */
  add_(other: IP.InPlaceOperand): this {
    return IP.add_(this, other) as this;
  }
  /**
   * value ← value − other, in place (PyTorch's `sub_`), the hand-written step $w \leftarrow w - \eta g$. Refused outside `noGrad` when this Var requires grad (InPlaceError). Returns this Var.
   * @example `noGrad(() => w.sub_(w.grad.mul(0.1)))`
   */
  sub_(other: IP.InPlaceOperand): this {
    return IP.sub_(this, other) as this;
  }
  /**
   * value ← value · other, in place (PyTorch's `mul_`). Refused outside `noGrad` when this Var requires grad (InPlaceError). Returns this Var.
   * @example `noGrad(() => w.mul_(2))`
   */
  mul_(other: IP.InPlaceOperand): this {
    return IP.mul_(this, other) as this;
  }
  /**
   * value ← value / other, in place (PyTorch's `div_`; refused on int32, whose true quotient is a float). Refused outside `noGrad` when this Var requires grad (InPlaceError). Returns this Var.
   * @example `noGrad(() => w.div_(4))`
   */
  div_(other: IP.InPlaceOperand): this {
    return IP.div_(this, other) as this;
  }
  /**
   * value ← min(max(value, lo), hi), in place (PyTorch's `clamp_`); a bound may be null, NaN stays NaN. Refused outside `noGrad` when this Var requires grad (InPlaceError). Returns this Var.
   * @example `noGrad(() => w.clamp_(0, 1))`
   */
  clamp_(lo?: number | null, hi?: number | null): this {
    return IP.clamp_(this, lo, hi) as this;
  }
  /**
   * Sets every element to `value`, in place (PyTorch's `fill_`; truncated for int32). Refused outside `noGrad` when this Var requires grad (InPlaceError). Returns this Var.
   * @example `noGrad(() => w.fill_(0.5))`
   */
  fill_(value: number | boolean): this {
    return IP.fill_(this, value) as this;
  }
  /**
   * Sets every element to 0, in place (PyTorch's `zero_`). Refused outside `noGrad` when this Var requires grad (InPlaceError). Returns this Var.
   * @example `noGrad(() => w.zero_())`
   */
  zero_(): this {
    return IP.zero_(this) as this;
  }
  /**
   * Copies `src` into the value, in place (PyTorch's `copy_`): src broadcasts to the value's shape and dtype. Refused outside `noGrad` when this Var requires grad (InPlaceError). Returns this Var.
   * @example `noGrad(() => w.copy_(tensor([1, 2])))`
   */
  copy_(src: IP.InPlaceOperand): this {
    return IP.copy_(this, src) as this;
  }

  /** A new leaf sharing this Var's value, that records nothing (torch's `detach`). */
  detach(): Var {
    return new Var(this.value, false);
  }
  /** @internal Frees the saved inputs after a backward pass without retainGraph. */
  release(): void {
    this.backFn = null;
    this.x0 = null;
    this.x1 = null;
    this.xs = null;
    this.aux = null;
    this.released = true;
  }

  /** Sets `.grad` to null (what optimizers' zeroGrad does). */
  zeroGrad(): void {
    this.grad = null;
  }

  /** A differentiable copy with its own buffer (torch's `clone()`); the gradient passes through. */
  clone(): Var {
    return this.copy();
  }
}

/** Options of {@link variable}. */
export interface VariableOptions {
  /** Record ops on it so that it receives gradients. Default true. */
  requiresGrad?: boolean;
  /** Element type for nested arrays and numbers (default 'float32'), or a cast for a Tensor. */
  dtype?: DType;
}

/**
 * Makes a trainable leaf from a Tensor (wrapped without copying, like `requires_grad_()`), a
 * nested array or a number. Only float tensors can require gradients.
 *
 * @example
 * ```ts
 * const w = variable(randn([784, 10]).mul(0.01));   // w.value, w.grad
 * const x = variable(3, { dtype: 'float64' });
 * ```
 */
export function variable(
  x: Tensor | NestedArray | TypedArray | number,
  opts: VariableOptions = {},
): Var {
  const { requiresGrad = true, dtype } = opts;
  let t: Tensor;
  if (x instanceof Tensor) t = dtype === undefined || dtype === x.dtype ? x : astype(x, dtype);
  else if (x instanceof Var) {
    throw new GdTypeError('variable: got a Var; use v.detach() for a new leaf sharing its value');
  } else t = tensor(x, dtype === undefined ? {} : { dtype });
  return new Var(t, requiresGrad);
}

/** True when `x` is a {@link Var}. @example `isVar(variable(1)) // true` */
export function isVar(x: unknown): x is Var {
  return x instanceof Var;
}

/** The arguments of op `name`'s function for a method call: the receiver goes in at `self`. */
function withSelf(x: unknown, args: unknown[], self: number): unknown[] {
  if (self === 0) return [x, ...args];
  const out = args.slice(0, self);
  out.push(x, ...args.slice(self));
  return out;
}

/** Runs autodiff's op `name`, or says how to bring it into a bundle that dropped it. */
function callOp(name: string, args: unknown[]): unknown {
  const f = varOpImpl(name);
  if (f === undefined) {
    throw new GdTypeError(
      `Var.${name}: the '${name}' op is not in this bundle (the bundler dropped it as unused); import { ${name} } from '@gd/autodiff' and call ${name}(v, …)`,
    );
  }
  return f(...args);
}

for (const [name, self] of VAR_METHODS) {
  Object.defineProperty(Var.prototype, name, {
    value: function (this: Var, ...args: unknown[]): unknown {
      return callOp(name, withSelf(this, args, self));
    },
    writable: true,
    configurable: true,
  });
}

// Tensor methods given a Var (`tensor(…).mul(v)`) run autodiff's op and return a recorded Var.
setDispatchHook({ owns: (x) => x instanceof Var, call: callOp });
