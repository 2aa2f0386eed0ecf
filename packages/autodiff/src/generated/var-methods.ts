// Generated from @gd/tensor's OP_TABLE by test/op-table.test.ts: do not edit; run
// `npx vitest run test/op-table.test.ts -u` in packages/autodiff after changing the table.
import type { ArgReduceOptions, Axis, CloseOptions, DType, IndexLike, MatmulOptions, NormOptions, OneHotOptions, ReduceOptions, SliceSpec, Tensor, VarianceOptions } from '@gd/tensor';
import type { Operand } from '../engine';
import type { Var } from '../var';

/** The op methods of Var: one per entry of the op table, each calling autodiff's op function. */
export interface VarMethods {
  /** a + b (the method form of `add`). */
  add(b: Operand): Var;
  /** a − b (the method form of `sub`). */
  sub(b: Operand): Var;
  /** a · b (the method form of `mul`). */
  mul(b: Operand): Var;
  /** a / b (true division: ints give float32) (the method form of `div`). */
  div(b: Operand): Var;
  /** aᵇ (the method form of `pow`). */
  pow(b: Operand): Var;
  /** max(a, b) element-wise; NaN propagates (the method form of `maximum`). */
  maximum(b: Operand): Var;
  /** min(a, b) element-wise; NaN propagates (the method form of `minimum`). */
  minimum(b: Operand): Var;
  /** atan2(a, b): the angle of the point (b, a), in (−π, π] (the method form of `atan2`). */
  atan2(b: Operand): Var;
  /** √(a² + b²) without overflow (the method form of `hypot`). */
  hypot(b: Operand): Var;
  /** log(eᵃ + eᵇ), computed stably (the method form of `logaddexp`). */
  logaddexp(b: Operand): Var;
  /** a == b as bool (the method form of `equal`). */
  equal(b: Operand): Var;
  /** a ≠ b as bool (the method form of `notEqual`). */
  notEqual(b: Operand): Var;
  /** a < b as bool (the method form of `less`). */
  less(b: Operand): Var;
  /** a ≤ b as bool (the method form of `lessEqual`). */
  lessEqual(b: Operand): Var;
  /** a > b as bool (the method form of `greater`). */
  greater(b: Operand): Var;
  /** a ≥ b as bool (the method form of `greaterEqual`). */
  greaterEqual(b: Operand): Var;
  /** a ∧ b as bool (non-zero is true) (the method form of `logicalAnd`). */
  logicalAnd(b: Operand): Var;
  /** a ∨ b as bool (the method form of `logicalOr`). */
  logicalOr(b: Operand): Var;
  /** a ⊕ b as bool (the method form of `logicalXor`). */
  logicalXor(b: Operand): Var;
  /** −x (the method form of `neg`). */
  neg(): Var;
  /** |x| (the method form of `abs`). */
  abs(): Var;
  /** sign(x) ∈ {−1, 0, 1} (the method form of `sign`). */
  sign(): Var;
  /** x² (the method form of `square`). */
  square(): Var;
  /** max(x, 0) (the method form of `relu`). */
  relu(): Var;
  /** ⌊x⌋ (the method form of `floor`). */
  floor(): Var;
  /** ⌈x⌉ (the method form of `ceil`). */
  ceil(): Var;
  /** x rounded half to even (the method form of `round`). */
  round(): Var;
  /** eˣ (the method form of `exp`). */
  exp(): Var;
  /** ln x (the method form of `log`). */
  log(): Var;
  /** ln(1 + x), accurate near 0 (the method form of `log1p`). */
  log1p(): Var;
  /** eˣ − 1, accurate near 0 (the method form of `expm1`). */
  expm1(): Var;
  /** √x (the method form of `sqrt`). */
  sqrt(): Var;
  /** 1/√x (the method form of `rsqrt`). */
  rsqrt(): Var;
  /** 1/x (the method form of `reciprocal`). */
  reciprocal(): Var;
  /** sin x (the method form of `sin`). */
  sin(): Var;
  /** cos x (the method form of `cos`). */
  cos(): Var;
  /** tan x (the method form of `tan`). */
  tan(): Var;
  /** tanh x (the method form of `tanh`). */
  tanh(): Var;
  /** σ(x) = 1/(1 + e⁻ˣ), without overflow (the method form of `sigmoid`). */
  sigmoid(): Var;
  /** log(1 + eˣ) (β = 1, linear above 20) (the method form of `softplus`). */
  softplus(): Var;
  /** the error function erf(x) (the method form of `erf`). */
  erf(): Var;
  /** erfc(x) = 1 − erf(x), accurate in the tail (the method form of `erfc`). */
  erfc(): Var;
  /** ¬x as bool (the method form of `logicalNot`). */
  logicalNot(): Var;
  /** min(max(x, lo), hi); either bound may be omitted (the method form of `clamp`). */
  clamp(lo?: number | null, hi?: number | null): Var;
  /** `cond ? this : other` element-wise (the method form of `where`). */
  where(cond: Operand, other: Operand): Var;
  /** |a − b| ≤ atol + rtol·|b| as bool (the method form of `isClose`). */
  isClose(b: Operand, opts?: CloseOptions): Var;
  /** true when every element is close to b (the method form of `allClose`). */
  allClose(b: Operand, opts?: CloseOptions): boolean;
  /** Σ over `axis` (all when omitted) (the method form of `sum`). */
  sum(opts?: ReduceOptions): Var;
  /** mean over `axis` (the method form of `mean`). */
  mean(opts?: ReduceOptions): Var;
  /** Π over `axis` (the method form of `prod`). */
  prod(opts?: ReduceOptions): Var;
  /** maximum over `axis` (the method form of `max`). */
  max(opts?: ReduceOptions): Var;
  /** minimum over `axis` (the method form of `min`). */
  min(opts?: ReduceOptions): Var;
  /** maximum over `axis` (gradient split evenly among ties) (the method form of `amax`). */
  amax(opts?: ReduceOptions): Var;
  /** minimum over `axis` (gradient split evenly among ties) (the method form of `amin`). */
  amin(opts?: ReduceOptions): Var;
  /** log Σ exp over `axis`, computed stably (the method form of `logsumexp`). */
  logsumexp(opts?: ReduceOptions): Var;
  /** true where any element over `axis` is non-zero (the method form of `any`). */
  any(opts?: ReduceOptions): Var;
  /** true where every element over `axis` is non-zero (the method form of `all`). */
  all(opts?: ReduceOptions): Var;
  /** index of the maximum along `axis`, as int32 (the method form of `argmax`). */
  argmax(opts?: ArgReduceOptions): Tensor;
  /** index of the minimum along `axis`, as int32 (the method form of `argmin`). */
  argmin(opts?: ArgReduceOptions): Tensor;
  /** variance over `axis` (correction = 1 by default) (the method form of `variance`). */
  variance(opts?: VarianceOptions): Var;
  /** standard deviation over `axis` (the method form of `std`). */
  std(opts?: VarianceOptions): Var;
  /** vector norm over `axis` (ord = 2 by default) (the method form of `norm`). */
  norm(opts?: NormOptions): Var;
  /** softmax along `axis` (default −1) (the method form of `softmax`). */
  softmax(axis?: number): Var;
  /** log-softmax along `axis` (default −1) (the method form of `logSoftmax`). */
  logSoftmax(axis?: number): Var;
  /** running sum along `axis` (the method form of `cumsum`). */
  cumsum(axis: number): Var;
  /** running product along `axis` (the method form of `cumprod`). */
  cumprod(axis: number): Var;
  /** NumPy basic indexing: a number, null or [start, stop, step] per axis (the method form of `slice`). */
  slice(spec: SliceSpec): Var;
  /** np.take along `axis` (flat when omitted) (the method form of `take`). */
  take(indices: IndexLike, axis?: number): Var;
  /** whole slices at `indices` along `axis` (the method form of `indexSelect`). */
  indexSelect(axis: number, indices: IndexLike): Var;
  /** torch.gather along `axis` (the method form of `gather`). */
  gather(axis: number, index: IndexLike): Var;
  /** torch.scatter_add (a new tensor) (the method form of `scatterAdd`). */
  scatterAdd(axis: number, index: IndexLike, src: Var | Tensor): Var;
  /** torch.split along `axis` (the method form of `split`). */
  split(sizeOrSizes: number | readonly number[], axis?: number): Var[];
  /** np.tile (the method form of `tile`). */
  tile(reps: number | readonly number[]): Var;
  /** one-hot encoding of integer labels (the method form of `oneHot`). */
  oneHot(numClasses?: number, opts?: OneHotOptions): Var;
  /** a copy converted to `dtype` (the method form of `astype`). */
  astype(dtype: DType): Var;
  /** a copy converted to `dtype` (alias of astype) (the method form of `cast`). */
  cast(dtype: DType): Var;
  /** a copy with its own buffer (the method form of `copy`). */
  copy(): Var;
  /** matrix product (NumPy matmul rules) (the method form of `matmul`). */
  matmul(b: Var | Tensor, opts?: MatmulOptions): Var;
  /** dot product of two 1-D tensors (the method form of `dot`). */
  dot(b: Var | Tensor): Var;
  /** same elements, new shape (one entry may be −1) (the method form of `reshape`). */
  reshape(shape: readonly number[]): Var;
  /** reverses the axes, or orders them as `axes` (the method form of `transpose`). */
  transpose(axes?: readonly number[]): Var;
  /** orders the axes as `axes` (the method form of `permute`). */
  permute(axes: readonly number[]): Var;
  /** swaps two axes (the method form of `swapAxes`). */
  swapAxes(a: number, b: number): Var;
  /** removes size-1 axes (all, or the ones named) (the method form of `squeeze`). */
  squeeze(axis?: Axis): Var;
  /** inserts a size-1 axis at `axis` (the method form of `unsqueeze`). */
  unsqueeze(axis: number): Var;
  /** inserts a size-1 axis (NumPy name) (the method form of `expandDims`). */
  expandDims(axis: number): Var;
  /** repeats size-1 axes to reach `shape` (the method form of `broadcastTo`). */
  broadcastTo(shape: readonly number[]): Var;
  /** collapses axes `startAxis..endAxis` into one (the method form of `flatten`). */
  flatten(startAxis?: number, endAxis?: number): Var;
}

/** Each method's name and the position of the receiver among its op function's arguments. */
export const VAR_METHODS: readonly (readonly [string, number])[] = [
  ['add', 0],
  ['sub', 0],
  ['mul', 0],
  ['div', 0],
  ['pow', 0],
  ['maximum', 0],
  ['minimum', 0],
  ['atan2', 0],
  ['hypot', 0],
  ['logaddexp', 0],
  ['equal', 0],
  ['notEqual', 0],
  ['less', 0],
  ['lessEqual', 0],
  ['greater', 0],
  ['greaterEqual', 0],
  ['logicalAnd', 0],
  ['logicalOr', 0],
  ['logicalXor', 0],
  ['neg', 0],
  ['abs', 0],
  ['sign', 0],
  ['square', 0],
  ['relu', 0],
  ['floor', 0],
  ['ceil', 0],
  ['round', 0],
  ['exp', 0],
  ['log', 0],
  ['log1p', 0],
  ['expm1', 0],
  ['sqrt', 0],
  ['rsqrt', 0],
  ['reciprocal', 0],
  ['sin', 0],
  ['cos', 0],
  ['tan', 0],
  ['tanh', 0],
  ['sigmoid', 0],
  ['softplus', 0],
  ['erf', 0],
  ['erfc', 0],
  ['logicalNot', 0],
  ['clamp', 0],
  ['where', 1],
  ['isClose', 0],
  ['allClose', 0],
  ['sum', 0],
  ['mean', 0],
  ['prod', 0],
  ['max', 0],
  ['min', 0],
  ['amax', 0],
  ['amin', 0],
  ['logsumexp', 0],
  ['any', 0],
  ['all', 0],
  ['argmax', 0],
  ['argmin', 0],
  ['variance', 0],
  ['std', 0],
  ['norm', 0],
  ['softmax', 0],
  ['logSoftmax', 0],
  ['cumsum', 0],
  ['cumprod', 0],
  ['slice', 0],
  ['take', 0],
  ['indexSelect', 0],
  ['gather', 0],
  ['scatterAdd', 0],
  ['split', 0],
  ['tile', 0],
  ['oneHot', 0],
  ['astype', 0],
  ['cast', 0],
  ['copy', 0],
  ['matmul', 0],
  ['dot', 0],
  ['reshape', 0],
  ['transpose', 0],
  ['permute', 0],
  ['swapAxes', 0],
  ['squeeze', 0],
  ['unsqueeze', 0],
  ['expandDims', 0],
  ['broadcastTo', 0],
  ['flatten', 0],
];

// Tensor methods given a Var return a Var: @gd/autodiff installs the dispatch hook that does it.
declare module '@gd/tensor' {
  interface TensorMethods {
    add(b: Var): Var;
    sub(b: Var): Var;
    mul(b: Var): Var;
    div(b: Var): Var;
    pow(b: Var): Var;
    maximum(b: Var): Var;
    minimum(b: Var): Var;
    atan2(b: Var): Var;
    hypot(b: Var): Var;
    logaddexp(b: Var): Var;
    equal(b: Var): Var;
    notEqual(b: Var): Var;
    less(b: Var): Var;
    lessEqual(b: Var): Var;
    greater(b: Var): Var;
    greaterEqual(b: Var): Var;
    logicalAnd(b: Var): Var;
    logicalOr(b: Var): Var;
    logicalXor(b: Var): Var;
    where(cond: Var, other: Operand): Var;
    where(cond: Operand, other: Var): Var;
    isClose(b: Var, opts?: CloseOptions): Var;
    allClose(b: Var, opts?: CloseOptions): boolean;
    scatterAdd(axis: number, index: IndexLike, src: Var): Var;
    matmul(b: Var, opts?: MatmulOptions): Var;
    dot(b: Var): Var;
  }
}
