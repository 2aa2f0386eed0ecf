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

  // Element-wise arithmetic (NumPy broadcasting, PyTorch type promotion).
  /** a + b. See {@link E.add}. */
  add(b: TensorLike): Tensor {
    return E.add(this, b);
  }
  /** a − b. */
  sub(b: TensorLike): Tensor {
    return E.sub(this, b);
  }
  /** a · b. */
  mul(b: TensorLike): Tensor {
    return E.mul(this, b);
  }
  /** a / b (true division: ints give float32). */
  div(b: TensorLike): Tensor {
    return E.div(this, b);
  }
  /** a^b. */
  pow(b: TensorLike): Tensor {
    return E.pow(this, b);
  }
  /** max(a, b) element-wise; NaN propagates. */
  maximum(b: TensorLike): Tensor {
    return E.maximum(this, b);
  }
  /** min(a, b) element-wise; NaN propagates. */
  minimum(b: TensorLike): Tensor {
    return E.minimum(this, b);
  }
  /** a == b as bool. */
  equal(b: TensorLike): Tensor {
    return E.equal(this, b);
  }
  /** a ≠ b as bool. */
  notEqual(b: TensorLike): Tensor {
    return E.notEqual(this, b);
  }
  /** a < b as bool. */
  less(b: TensorLike): Tensor {
    return E.less(this, b);
  }
  /** a ≤ b as bool. */
  lessEqual(b: TensorLike): Tensor {
    return E.lessEqual(this, b);
  }
  /** a > b as bool. */
  greater(b: TensorLike): Tensor {
    return E.greater(this, b);
  }
  /** a ≥ b as bool. */
  greaterEqual(b: TensorLike): Tensor {
    return E.greaterEqual(this, b);
  }
  /** −a. */
  neg(): Tensor {
    return E.neg(this);
  }
  /** |a|. */
  abs(): Tensor {
    return E.abs(this);
  }
  /** sign(a) ∈ {−1, 0, 1}. */
  sign(): Tensor {
    return E.sign(this);
  }
  /** eᵃ. */
  exp(): Tensor {
    return E.exp(this);
  }
  /** ln a. */
  log(): Tensor {
    return E.log(this);
  }
  /** ln(1 + a), accurate near 0. */
  log1p(): Tensor {
    return E.log1p(this);
  }
  /** eᵃ − 1, accurate near 0. */
  expm1(): Tensor {
    return E.expm1(this);
  }
  /** √a. */
  sqrt(): Tensor {
    return E.sqrt(this);
  }
  /** a². */
  square(): Tensor {
    return E.square(this);
  }
  /** sin a. */
  sin(): Tensor {
    return E.sin(this);
  }
  /** cos a. */
  cos(): Tensor {
    return E.cos(this);
  }
  /** tan a. */
  tan(): Tensor {
    return E.tan(this);
  }
  /** tanh a. */
  tanh(): Tensor {
    return E.tanh(this);
  }
  /** 1 / (1 + e⁻ᵃ), computed without overflow. */
  sigmoid(): Tensor {
    return E.sigmoid(this);
  }
  /** The error function erf(a) = (2/√π)∫₀ᵃ e^{−t²} dt (see {@link ERF.erf | erf}). @example `tensor([1]).erf() // [0.8427…]` */
  erf(): Tensor {
    return ERF.erf(this);
  }
  /** The complementary error function erfc(a) = 1 − erf(a), accurate in the tail. @example `tensor([5]).erfc() // [1.537…e-12]` */
  erfc(): Tensor {
    return ERF.erfc(this);
  }
  /** max(a, 0). */
  relu(): Tensor {
    return E.relu(this);
  }
  /** min(max(a, lo), hi); either bound may be omitted. */
  clamp(lo?: number | null, hi?: number | null): Tensor {
    return E.clamp(this, lo, hi);
  }

  // Reductions.
  /** Σ over `axis` (all when omitted). */
  sum(opts?: ReduceOptions): Tensor {
    return R.sum(this, opts);
  }
  /** Mean over `axis`. */
  mean(opts?: ReduceOptions): Tensor {
    return R.mean(this, opts);
  }
  /** Π over `axis`. */
  prod(opts?: ReduceOptions): Tensor {
    return R.prod(this, opts);
  }
  /** Maximum over `axis`. */
  max(opts?: ReduceOptions): Tensor {
    return R.max(this, opts);
  }
  /** Minimum over `axis`. */
  min(opts?: ReduceOptions): Tensor {
    return R.min(this, opts);
  }

  /** Index of the maximum along `axis` (flat when omitted), as int32. See {@link AR.argmax}. */
  argmax(opts?: AR.ArgReduceOptions): Tensor {
    return AR.argmax(this, opts);
  }
  /** Index of the minimum along `axis` (flat when omitted), as int32. */
  argmin(opts?: AR.ArgReduceOptions): Tensor {
    return AR.argmin(this, opts);
  }
  /** Variance Σ(x − x̄)²/(N − correction), correction = 1 by default. */
  variance(opts?: V.VarianceOptions): Tensor {
    return V.variance(this, opts);
  }
  /** Standard deviation, correction = 1 by default. */
  std(opts?: V.VarianceOptions): Tensor {
    return V.std(this, opts);
  }
  /** log Σ exp(x) over `axis`, computed stably. */
  logsumexp(opts?: ReduceOptions): Tensor {
    return LSE.logsumexp(this, opts);
  }
  /** Vector norm (ord = 2 by default) over `axis`. */
  norm(opts?: N.NormOptions): Tensor {
    return N.norm(this, opts);
  }
  /** Softmax along `axis` (default −1), numerically stable. */
  softmax(axis?: number): Tensor {
    return SM.softmax(this, axis);
  }
  /** Log-softmax along `axis` (default −1), numerically stable. */
  logSoftmax(axis?: number): Tensor {
    return SM.logSoftmax(this, axis);
  }
  /** True where any element over `axis` is non-zero. */
  any(opts?: ReduceOptions): Tensor {
    return L.any(this, opts);
  }
  /** True where every element over `axis` is non-zero. */
  all(opts?: ReduceOptions): Tensor {
    return L.all(this, opts);
  }

  // Logical and selection.
  /** `cond ? this : other` element-wise (torch's `x.where(cond, y)`). */
  where(cond: TensorLike, other: TensorLike): Tensor {
    return L.where(cond, this, other);
  }
  /** this ∧ b as bool. */
  logicalAnd(b: TensorLike): Tensor {
    return L.logicalAnd(this, b);
  }
  /** this ∨ b as bool. */
  logicalOr(b: TensorLike): Tensor {
    return L.logicalOr(this, b);
  }
  /** this ⊕ b as bool. */
  logicalXor(b: TensorLike): Tensor {
    return L.logicalXor(this, b);
  }
  /** ¬this as bool. */
  logicalNot(): Tensor {
    return L.logicalNot(this);
  }
  /** Element-wise |this − b| ≤ atol + rtol·|b| as bool. */
  isClose(b: TensorLike, opts?: AC.CloseOptions): Tensor {
    return AC.isClose(this, b, opts);
  }
  /** True when every element is close to `b`'s (rtol = 1e-5, atol = 1e-8). */
  allClose(b: TensorLike, opts?: AC.CloseOptions): boolean {
    return AC.allClose(this, b, opts);
  }

  // Indexing.
  /** NumPy basic indexing: a number, null or [start, stop, step] per axis. See {@link SL.slice}. */
  slice(spec: SL.SliceSpec): Tensor {
    return SL.slice(this, spec);
  }
  /** np.take: entries at `indices` along `axis` (flat when omitted). */
  take(indices: IndexLike, axis?: number): Tensor {
    return TK.take(this, indices, axis);
  }
  /** torch.index_select: whole slices at `indices` along `axis`. */
  indexSelect(axis: number, indices: IndexLike): Tensor {
    return TK.indexSelect(this, axis, indices);
  }
  /** torch.gather: out[i][j] = this[index[i][j]][j] for axis 0. */
  gather(axis: number, index: IndexLike): Tensor {
    return G.gather(this, axis, index);
  }
  /** torch.scatter_add (returns a new tensor): out[index[i][j]][j] += src[i][j] for axis 0. */
  scatterAdd(axis: number, index: IndexLike, src: Tensor): Tensor {
    return G.scatterAdd(this, axis, index, src);
  }
  /** torch.split along `axis` into pieces of a size or of the listed sizes. */
  split(sizeOrSizes: number | readonly number[], axis?: number): Tensor[] {
    return SP.split(this, sizeOrSizes, axis);
  }
  /** np.tile: repeats along each axis. */
  tile(reps: number | readonly number[]): Tensor {
    return TL.tile(this, reps);
  }
  /** One-hot encoding of these integer labels (shape + [numClasses]). */
  oneHot(numClasses?: number, opts?: OH.OneHotOptions): Tensor {
    return OH.oneHot(this, numClasses, opts);
  }

  // Conversion.
  /** A copy converted to `dtype`. */
  astype(dtype: DType): Tensor {
    return C.astype(this, dtype);
  }
  /** A copy converted to `dtype` (alias of astype). */
  cast(dtype: DType): Tensor {
    return C.astype(this, dtype);
  }
  /** A copy with its own buffer. */
  copy(): Tensor {
    return C.copy(this);
  }

  // Linear algebra.
  /** Matrix product with NumPy's matmul rules (1-D, 2-D, batched with broadcasting). */
  matmul(b: Tensor, opts?: M.MatmulOptions): Tensor {
    return M.matmul(this, b, opts);
  }

  // Shape.
  /** Same data, new shape; one entry may be −1. */
  reshape(shape: readonly number[]): Tensor {
    return S.reshape(this, shape);
  }
  /** Reverses the axes, or orders them as `axes`. */
  transpose(axes?: readonly number[]): Tensor {
    return S.transpose(this, axes);
  }
  /** Orders the axes as `axes` (PyTorch's permute). */
  permute(axes: readonly number[]): Tensor {
    return S.transpose(this, axes);
  }
  /** Removes size-1 axes (all, or the ones named). */
  squeeze(axis?: Axis): Tensor {
    return S.squeeze(this, axis);
  }
  /** Inserts a size-1 axis at `axis`. */
  unsqueeze(axis: number): Tensor {
    return S.unsqueeze(this, axis);
  }
  /** Inserts a size-1 axis at `axis` (NumPy's name). */
  expandDims(axis: number): Tensor {
    return S.unsqueeze(this, axis);
  }
  /** Repeats size-1 axes to reach `shape` (a copy). */
  broadcastTo(shape: readonly number[]): Tensor {
    return S.broadcastTo(this, shape);
  }
  /** Collapses axes `startAxis..endAxis` (default all) into one. */
  flatten(startAxis?: number, endAxis?: number): Tensor {
    return S.flatten(this, startAxis, endAxis);
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
      `Tensor.${name}: the in-place ops are not in this bundle (the bundler dropped them as unused); import { versionClock } from '@gd/tensor' to keep them`,
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
