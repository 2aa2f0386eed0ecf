import { GdTypeError } from '@gd/errors';
import { type DType, type TypedArray, dtypeOfArray } from './dtype';
import { ShapeError, fmtShape } from './errors';
import { format } from './format';
import { TENSOR_METHODS, type TensorMethods } from './generated/tensor-methods';
import { dispatchHook, opImpl } from './ops/registry';
import { sizeOf, stridesOf } from './shape';

/** A nested JS array of numbers, as `toArray()` returns and `tensor()` accepts. */
export type NestedArray = number | boolean | NestedArray[];

/** Anything an op accepts where a tensor is expected: a Tensor or a plain number (a 0-d tensor). */
export type TensorLike = Tensor | number;

/** `axis` argument of reductions: one axis, several, or all when omitted. Negative counts from the end. */
export type Axis = number | readonly number[];

/** Options of reductions. */
export interface ReduceOptions {
  /** Axis or axes to reduce; all when omitted. */
  axis?: Axis;
  /** Keep reduced axes with size 1 (NumPy's keepdims). Default false. */
  keepDims?: boolean;
}

// The op methods (`x.add(y)`, `x.sum()`, …) are declared by the generated TensorMethods and
// installed on the prototype below from the op table.
export interface Tensor extends TensorMethods {}

/**
 * An n-dimensional array: a contiguous row-major typed array (`data`) with a `shape` and `dtype`.
 * Tensors are immutable values for ops — every op returns a new tensor — while `data` stays
 * writable for in-place kernels (optimizers update parameters through it).
 *
 * @example
 * ```ts
 * const a = tensor([[1, 2], [3, 4]], { dtype: 'float64' });
 * a.shape;            // [2, 2]
 * a.add(1).toArray(); // [[2, 3], [4, 5]]
 * ```
 *
 * Every op of the op table is also a method (`x.add(y)` is `add(x, y)`); a method given an
 * autodiff `Var` where a tensor goes returns a recorded Var (see {@link setDispatchHook}).
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the op methods are installed at runtime
export class Tensor {
  /** Size of each axis; `[]` for a scalar. */
  readonly shape: readonly number[];
  /** Element type. */
  readonly dtype: DType;
  /** Row-major elements; length is `size`. */
  readonly data: TypedArray;

  /**
   * Wraps `data` (not copied) as a tensor of `shape`; the dtype follows the array type
   * (Uint8Array is bool). Prefer {@link tensor} unless you own the buffer.
   */
  constructor(data: TypedArray, shape: readonly number[]) {
    const n = sizeOf(shape);
    if (data.length !== n) {
      throw new ShapeError(
        `Tensor: data has ${data.length} elements but shape ${fmtShape(shape)} needs ${n}`,
      );
    }
    this.data = data;
    // Ops pass the frozen shape of an input straight through; only a caller's own array is copied.
    this.shape = Object.isFrozen(shape) ? shape : Object.freeze([...shape]);
    this.dtype = dtypeOfArray(data);
  }

  /** Number of elements. */
  get size(): number {
    return this.data.length;
  }
  /** Number of axes. */
  get ndim(): number {
    return this.shape.length;
  }
  /** Row-major strides in elements. */
  get strides(): number[] {
    return stridesOf(this.shape);
  }

  /** The single element of a size-1 tensor as a number (bool gives 0 or 1). */
  item(): number {
    if (this.size !== 1) {
      throw new ShapeError(
        `item: only a tensor with one element has an item; this one has shape ${fmtShape(this.shape)}`,
      );
    }
    return this.data[0];
  }

  /** Nested JS arrays (a number for a 0-d tensor). Bool elements come out as `true`/`false`. */
  toArray(): NestedArray {
    const { data, shape } = this;
    const toJs = this.dtype === 'bool' ? (v: number) => v !== 0 : (v: number) => v;
    if (shape.length === 0) return toJs(data[0]);
    const strides = this.strides;
    const build = (axis: number, off: number): NestedArray[] => {
      const out: NestedArray[] = new Array(shape[axis]);
      for (let i = 0; i < shape[axis]; i++) {
        out[i] =
          axis === shape.length - 1
            ? toJs(data[off + i])
            : build(axis + 1, off + i * strides[axis]);
      }
      return out;
    };
    return build(0, 0);
  }

  /** NumPy-like text, elided with `...` past 1000 elements. */
  toString(): string {
    return format(this);
  }

  /** What Node's `console.log` / REPL shows: the same text as `toString()` (a no-op in browsers). */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return format(this);
  }

  // In-place updates (PyTorch's trailing underscore); they return this tensor. See ops/in-place.ts.
  /**
   * x ← x + b, in place (PyTorch's `add_`); b broadcasts to x's shape. Returns x.
   * @example `x.add_(1)`
   */
  add_(b: TensorLike): this {
    return inPlace(this, 'add_', b);
  }
  /**
   * x ← x − b, in place (PyTorch's `sub_`), the hand-written step $w \leftarrow w - \eta g$. Returns x.
   * @example `w.sub_(g.mul(0.1))`
   */
  sub_(b: TensorLike): this {
    return inPlace(this, 'sub_', b);
  }
  /**
   * x ← x · b, in place (PyTorch's `mul_`). Returns x.
   * @example `x.mul_(2)`
   */
  mul_(b: TensorLike): this {
    return inPlace(this, 'mul_', b);
  }
  /**
   * x ← x / b, in place (PyTorch's `div_`; refused on int32, whose true quotient is a float). Returns x.
   * @example `x.div_(4)`
   */
  div_(b: TensorLike): this {
    return inPlace(this, 'div_', b);
  }
  /**
   * x ← min(max(x, lo), hi), in place (PyTorch's `clamp_`); a bound may be null, NaN stays NaN. Returns x.
   * @example `x.clamp_(0, 1)`
   */
  clamp_(lo?: number | null, hi?: number | null): this {
    return inPlace(this, 'clamp_', lo, hi);
  }
  /**
   * Sets every element to `value`, in place (PyTorch's `fill_`; truncated for int32). Returns x.
   * @example `x.fill_(0.5)`
   */
  fill_(value: number | boolean): this {
    return inPlace(this, 'fill_', value);
  }
  /**
   * Sets every element to 0, in place (PyTorch's `zero_`). Returns x.
   * @example `x.zero_()`
   */
  zero_(): this {
    return inPlace(this, 'zero_');
  }
  /**
   * Copies `src` into x, in place (PyTorch's `copy_`): src broadcasts to x's shape and is converted to x's dtype. Returns x.
   * @example `x.copy_(tensor([1, 2]))`
   */
  copy_(src: TensorLike): this {
    return inPlace(this, 'copy_', src);
  }

  /** A copy with its own buffer. */
  clone(): Tensor {
    return new Tensor(this.data.slice(), this.shape);
  }
}

/** The arguments of op `name`'s function for a method call: the receiver goes in at `self`. */
function withSelf(x: Tensor, args: unknown[], self: number): unknown[] {
  if (self === 0) return [x, ...args];
  const out = args.slice(0, self);
  out.push(x, ...args.slice(self));
  return out;
}

/** Runs the in-place op `name` (registered by ops/in-place.ts) on `self`; returns `self`. */
function inPlace<T extends Tensor>(self: T, name: string, ...args: unknown[]): T {
  const f = opImpl(name);
  if (f === undefined) {
    throw new GdTypeError(
      `Tensor.${name}: the '${name}' op is not in this bundle (the bundler dropped it as unused); import { ${name} } from '@gd/tensor' and call ${name}(x, …)`,
    );
  }
  f(self, ...args);
  return self;
}

/**
 * A method that calls op `name` (registered by the op's own module) with the receiver in place;
 * an argument that the dispatch hook owns (an autodiff Var) sends the whole call to the hook.
 */
function opMethod(name: string, self: number) {
  return function (this: Tensor, ...args: unknown[]): unknown {
    const hook = dispatchHook();
    if (hook !== null) {
      for (let i = 0; i < args.length; i++) {
        if (hook.owns(args[i])) return hook.call(name, withSelf(this, args, self));
      }
    }
    const f = opImpl(name);
    if (f === undefined) {
      throw new GdTypeError(
        `Tensor.${name}: the '${name}' op is not in this bundle (the bundler dropped it as unused); import { ${name} } from '@gd/tensor' and call ${name}(x, …)`,
      );
    }
    return f(...withSelf(this, args, self));
  };
}

for (const [name, self] of TENSOR_METHODS) {
  Object.defineProperty(Tensor.prototype, name, {
    value: opMethod(name, self),
    writable: true,
    configurable: true,
  });
}
