/**
 * The op table — gd's native_functions.yaml: every op that is both a function and a method of
 * `Tensor` (and of autodiff's `Var`) is declared here once, with its argument signature, its
 * dtype rule and a one-line description. From it come the Tensor and Var methods (installed at
 * runtime by name, typed by the generated `TensorMethods` / `VarMethods` interfaces), the element-wise
 * kernels' dtype rules, the README op lists (checked by a test) and the tests' name lists. Backward
 * rules live in @gd/autodiff, keyed by the same names; a test there checks both cover one set.
 *
 * Signature placeholders: `$T` a tensor argument (Tensor or number; autodiff: also a Var),
 * `$M` a Tensor-only argument, `$R` the result type (Tensor; on a Var, Var).
 */

/** How an op's result dtype follows from its inputs (element-wise ops only). */
export type DTypeRule =
  /** The input's dtype; bool becomes int32. */
  | 'same'
  /** A float function: float32/float64 stay, ints and bool give float32. */
  | 'float'
  /** Inputs promote (float64 > float32 > int32 > bool); bool becomes int32. */
  | 'promote'
  /** A bool tensor (comparisons and logic). */
  | 'bool';

/** One op of the table. */
export interface OpEntry {
  /** `unary`/`binary`: element-wise through one kernel loop of that name; `op`: its own code. */
  readonly kind: 'unary' | 'binary' | 'op';
  /** Method parameters after the receiver, in TypeScript (see the placeholders above). */
  readonly params: string;
  /** Result type; default `$R`. */
  readonly returns?: string;
  /** Position of the receiver among the function's arguments; default 0 (`x.where(c, y)` is 1). */
  readonly self?: number;
  /** Result dtype rule of an element-wise op. */
  readonly dtype?: DTypeRule;
  /** What the op computes, one line (method docs and README). */
  readonly doc: string;
}

const unary = (dtype: DTypeRule, doc: string): OpEntry => ({
  kind: 'unary',
  params: '',
  dtype,
  doc,
});
const binary = (dtype: DTypeRule, doc: string): OpEntry => ({
  kind: 'binary',
  params: 'b: $T',
  dtype,
  doc,
});
const op = (params: string, doc: string, extra: Partial<OpEntry> = {}): OpEntry => ({
  kind: 'op',
  params,
  doc,
  ...extra,
});
const REDUCE = 'opts?: ReduceOptions';

/**
 * Every op of @gd/tensor that is also a method, by name (see the module comment).
 *
 * @example
 * ```ts
 * OP_TABLE.softplus.doc; // 'log(1 + eˣ) (β = 1, linear above 20)'
 * Object.keys(OP_TABLE).length; // the number of Tensor op methods
 * ```
 */
export const OP_TABLE = {
  // Element-wise, two operands (broadcast).
  add: binary('promote', 'a + b'),
  sub: binary('promote', 'a − b'),
  mul: binary('promote', 'a · b'),
  div: binary('float', 'a / b (true division: ints give float32)'),
  pow: binary('promote', 'aᵇ'),
  maximum: binary('promote', 'max(a, b) element-wise; NaN propagates'),
  minimum: binary('promote', 'min(a, b) element-wise; NaN propagates'),
  atan2: binary('float', 'atan2(a, b): the angle of the point (b, a), in (−π, π]'),
  hypot: binary('float', '√(a² + b²) without overflow'),
  logaddexp: binary('float', 'log(eᵃ + eᵇ), computed stably'),
  equal: binary('bool', 'a == b as bool'),
  notEqual: binary('bool', 'a ≠ b as bool'),
  less: binary('bool', 'a < b as bool'),
  lessEqual: binary('bool', 'a ≤ b as bool'),
  greater: binary('bool', 'a > b as bool'),
  greaterEqual: binary('bool', 'a ≥ b as bool'),
  logicalAnd: binary('bool', 'a ∧ b as bool (non-zero is true)'),
  logicalOr: binary('bool', 'a ∨ b as bool'),
  logicalXor: binary('bool', 'a ⊕ b as bool'),
  // Element-wise, one operand.
  neg: unary('same', '−x'),
  abs: unary('same', '|x|'),
  sign: unary('same', 'sign(x) ∈ {−1, 0, 1}'),
  square: unary('same', 'x²'),
  relu: unary('same', 'max(x, 0)'),
  floor: unary('same', '⌊x⌋'),
  ceil: unary('same', '⌈x⌉'),
  round: unary('same', 'x rounded half to even'),
  exp: unary('float', 'eˣ'),
  log: unary('float', 'ln x'),
  log1p: unary('float', 'ln(1 + x), accurate near 0'),
  expm1: unary('float', 'eˣ − 1, accurate near 0'),
  sqrt: unary('float', '√x'),
  rsqrt: unary('float', '1/√x'),
  reciprocal: unary('float', '1/x'),
  sin: unary('float', 'sin x'),
  cos: unary('float', 'cos x'),
  tan: unary('float', 'tan x'),
  tanh: unary('float', 'tanh x'),
  sigmoid: unary('float', 'σ(x) = 1/(1 + e⁻ˣ), without overflow'),
  softplus: unary('float', 'log(1 + eˣ) (β = 1, linear above 20)'),
  erf: unary('float', 'the error function erf(x)'),
  erfc: unary('float', 'erfc(x) = 1 − erf(x), accurate in the tail'),
  logicalNot: unary('bool', '¬x as bool'),
  clamp: op(
    'lo?: number | null, hi?: number | null',
    'min(max(x, lo), hi); either bound may be omitted',
  ),
  where: op('cond: $T, other: $T', '`cond ? this : other` element-wise', { self: 1 }),
  isClose: op('b: $T, opts?: CloseOptions', '|a − b| ≤ atol + rtol·|b| as bool'),
  allClose: op('b: $T, opts?: CloseOptions', 'true when every element is close to b', {
    returns: 'boolean',
  }),
  // Reductions.
  sum: op(REDUCE, 'Σ over `axis` (all when omitted)'),
  mean: op(REDUCE, 'mean over `axis`'),
  prod: op(REDUCE, 'Π over `axis`'),
  max: op(REDUCE, 'maximum over `axis`'),
  min: op(REDUCE, 'minimum over `axis`'),
  amax: op(REDUCE, 'maximum over `axis` (gradient split evenly among ties)'),
  amin: op(REDUCE, 'minimum over `axis` (gradient split evenly among ties)'),
  logsumexp: op(REDUCE, 'log Σ exp over `axis`, computed stably'),
  any: op(REDUCE, 'true where any element over `axis` is non-zero'),
  all: op(REDUCE, 'true where every element over `axis` is non-zero'),
  argmax: op('opts?: ArgReduceOptions', 'index of the maximum along `axis`, as int32', {
    returns: 'Tensor',
  }),
  argmin: op('opts?: ArgReduceOptions', 'index of the minimum along `axis`, as int32', {
    returns: 'Tensor',
  }),
  variance: op('opts?: VarianceOptions', 'variance over `axis` (correction = 1 by default)'),
  std: op('opts?: VarianceOptions', 'standard deviation over `axis`'),
  norm: op('opts?: NormOptions', 'vector norm over `axis` (ord = 2 by default)'),
  softmax: op('axis?: number', 'softmax along `axis` (default −1)'),
  logSoftmax: op('axis?: number', 'log-softmax along `axis` (default −1)'),
  cumsum: op('axis: number', 'running sum along `axis`'),
  cumprod: op('axis: number', 'running product along `axis`'),
  // Indexing.
  slice: op(
    'spec: SliceSpec',
    'NumPy basic indexing: a number, null or [start, stop, step] per axis',
  ),
  take: op('indices: IndexLike, axis?: number', 'np.take along `axis` (flat when omitted)'),
  indexSelect: op('axis: number, indices: IndexLike', 'whole slices at `indices` along `axis`'),
  gather: op('axis: number, index: IndexLike', 'torch.gather along `axis`'),
  scatterAdd: op('axis: number, index: IndexLike, src: $M', 'torch.scatter_add (a new tensor)'),
  split: op('sizeOrSizes: number | readonly number[], axis?: number', 'torch.split along `axis`', {
    returns: '$R[]',
  }),
  tile: op('reps: number | readonly number[]', 'np.tile'),
  oneHot: op('numClasses?: number, opts?: OneHotOptions', 'one-hot encoding of integer labels'),
  // Conversion.
  astype: op('dtype: DType', 'a copy converted to `dtype`'),
  cast: op('dtype: DType', 'a copy converted to `dtype` (alias of astype)'),
  copy: op('', 'a copy with its own buffer'),
  // Linear algebra.
  matmul: op('b: $M, opts?: MatmulOptions', 'matrix product (NumPy matmul rules)'),
  dot: op('b: $M', 'dot product of two 1-D tensors'),
  // Shape.
  reshape: op('shape: readonly number[]', 'same elements, new shape (one entry may be −1)'),
  transpose: op('axes?: readonly number[]', 'reverses the axes, or orders them as `axes`'),
  permute: op('axes: readonly number[]', 'orders the axes as `axes`'),
  swapAxes: op('a: number, b: number', 'swaps two axes'),
  squeeze: op('axis?: Axis', 'removes size-1 axes (all, or the ones named)'),
  unsqueeze: op('axis: number', 'inserts a size-1 axis at `axis`'),
  expandDims: op('axis: number', 'inserts a size-1 axis (NumPy name)'),
  broadcastTo: op('shape: readonly number[]', 'repeats size-1 axes to reach `shape`'),
  flatten: op(
    'startAxis?: number, endAxis?: number',
    'collapses axes `startAxis..endAxis` into one',
  ),
} as const satisfies Record<string, OpEntry>;

/** The name of an op of {@link OP_TABLE}. */
export type OpName = keyof typeof OP_TABLE;
