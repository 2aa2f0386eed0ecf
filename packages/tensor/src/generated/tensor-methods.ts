// Generated from src/op-table.ts by test/op-table.test.ts: do not edit; run
// `npx vitest run test/op-table.test.ts -u` in packages/tensor after changing the table.
import type { DType } from '../dtype';
import type { CloseOptions } from '../ops/allclose';
import type { ArgReduceOptions } from '../ops/argreduce';
import type { IndexLike } from '../ops/indices';
import type { MatmulOptions } from '../ops/matmul';
import type { NormOptions } from '../ops/norm';
import type { OneHotOptions } from '../ops/onehot';
import type { SliceSpec } from '../ops/slice';
import type { VarianceOptions } from '../ops/variance';
import type { Axis, ReduceOptions, Tensor, TensorLike } from '../tensor';

/** The op methods of Tensor: one per entry of the op table, each calling the op function. */
export interface TensorMethods {
  /** a + b (the method form of `add`). */
  add(b: TensorLike): Tensor;
  /** a − b (the method form of `sub`). */
  sub(b: TensorLike): Tensor;
  /** a · b (the method form of `mul`). */
  mul(b: TensorLike): Tensor;
  /** a / b (true division: ints give float32) (the method form of `div`). */
  div(b: TensorLike): Tensor;
  /** aᵇ (the method form of `pow`). */
  pow(b: TensorLike): Tensor;
  /** max(a, b) element-wise; NaN propagates (the method form of `maximum`). */
  maximum(b: TensorLike): Tensor;
  /** min(a, b) element-wise; NaN propagates (the method form of `minimum`). */
  minimum(b: TensorLike): Tensor;
  /** atan2(a, b): the angle of the point (b, a), in (−π, π] (the method form of `atan2`). */
  atan2(b: TensorLike): Tensor;
  /** √(a² + b²) without overflow (the method form of `hypot`). */
  hypot(b: TensorLike): Tensor;
  /** log(eᵃ + eᵇ), computed stably (the method form of `logaddexp`). */
  logaddexp(b: TensorLike): Tensor;
  /** a == b as bool (the method form of `equal`). */
  equal(b: TensorLike): Tensor;
  /** a ≠ b as bool (the method form of `notEqual`). */
  notEqual(b: TensorLike): Tensor;
  /** a < b as bool (the method form of `less`). */
  less(b: TensorLike): Tensor;
  /** a ≤ b as bool (the method form of `lessEqual`). */
  lessEqual(b: TensorLike): Tensor;
  /** a > b as bool (the method form of `greater`). */
  greater(b: TensorLike): Tensor;
  /** a ≥ b as bool (the method form of `greaterEqual`). */
  greaterEqual(b: TensorLike): Tensor;
  /** a ∧ b as bool (non-zero is true) (the method form of `logicalAnd`). */
  logicalAnd(b: TensorLike): Tensor;
  /** a ∨ b as bool (the method form of `logicalOr`). */
  logicalOr(b: TensorLike): Tensor;
  /** a ⊕ b as bool (the method form of `logicalXor`). */
  logicalXor(b: TensorLike): Tensor;
  /** −x (the method form of `neg`). */
  neg(): Tensor;
  /** |x| (the method form of `abs`). */
  abs(): Tensor;
  /** sign(x) ∈ {−1, 0, 1} (the method form of `sign`). */
  sign(): Tensor;
  /** x² (the method form of `square`). */
  square(): Tensor;
  /** max(x, 0) (the method form of `relu`). */
  relu(): Tensor;
  /** ⌊x⌋ (the method form of `floor`). */
  floor(): Tensor;
  /** ⌈x⌉ (the method form of `ceil`). */
  ceil(): Tensor;
  /** x rounded half to even (the method form of `round`). */
  round(): Tensor;
  /** eˣ (the method form of `exp`). */
  exp(): Tensor;
  /** ln x (the method form of `log`). */
  log(): Tensor;
  /** ln(1 + x), accurate near 0 (the method form of `log1p`). */
  log1p(): Tensor;
  /** eˣ − 1, accurate near 0 (the method form of `expm1`). */
  expm1(): Tensor;
  /** √x (the method form of `sqrt`). */
  sqrt(): Tensor;
  /** 1/√x (the method form of `rsqrt`). */
  rsqrt(): Tensor;
  /** 1/x (the method form of `reciprocal`). */
  reciprocal(): Tensor;
  /** sin x (the method form of `sin`). */
  sin(): Tensor;
  /** cos x (the method form of `cos`). */
  cos(): Tensor;
  /** tan x (the method form of `tan`). */
  tan(): Tensor;
  /** tanh x (the method form of `tanh`). */
  tanh(): Tensor;
  /** σ(x) = 1/(1 + e⁻ˣ), without overflow (the method form of `sigmoid`). */
  sigmoid(): Tensor;
  /** log(1 + eˣ) (β = 1, linear above 20) (the method form of `softplus`). */
  softplus(): Tensor;
  /** the error function erf(x) (the method form of `erf`). */
  erf(): Tensor;
  /** erfc(x) = 1 − erf(x), accurate in the tail (the method form of `erfc`). */
  erfc(): Tensor;
  /** ¬x as bool (the method form of `logicalNot`). */
  logicalNot(): Tensor;
  /** min(max(x, lo), hi); either bound may be omitted (the method form of `clamp`). */
  clamp(lo?: number | null, hi?: number | null): Tensor;
  /** `cond ? this : other` element-wise (the method form of `where`). */
  where(cond: TensorLike, other: TensorLike): Tensor;
  /** |a − b| ≤ atol + rtol·|b| as bool (the method form of `isClose`). */
  isClose(b: TensorLike, opts?: CloseOptions): Tensor;
  /** true when every element is close to b (the method form of `allClose`). */
  allClose(b: TensorLike, opts?: CloseOptions): boolean;
  /** Σ over `axis` (all when omitted) (the method form of `sum`). */
  sum(opts?: ReduceOptions): Tensor;
  /** mean over `axis` (the method form of `mean`). */
  mean(opts?: ReduceOptions): Tensor;
  /** Π over `axis` (the method form of `prod`). */
  prod(opts?: ReduceOptions): Tensor;
  /** maximum over `axis` (the method form of `max`). */
  max(opts?: ReduceOptions): Tensor;
  /** minimum over `axis` (the method form of `min`). */
  min(opts?: ReduceOptions): Tensor;
  /** maximum over `axis` (gradient split evenly among ties) (the method form of `amax`). */
  amax(opts?: ReduceOptions): Tensor;
  /** minimum over `axis` (gradient split evenly among ties) (the method form of `amin`). */
  amin(opts?: ReduceOptions): Tensor;
  /** log Σ exp over `axis`, computed stably (the method form of `logsumexp`). */
  logsumexp(opts?: ReduceOptions): Tensor;
  /** true where any element over `axis` is non-zero (the method form of `any`). */
  any(opts?: ReduceOptions): Tensor;
  /** true where every element over `axis` is non-zero (the method form of `all`). */
  all(opts?: ReduceOptions): Tensor;
  /** index of the maximum along `axis`, as int32 (the method form of `argmax`). */
  argmax(opts?: ArgReduceOptions): Tensor;
  /** index of the minimum along `axis`, as int32 (the method form of `argmin`). */
  argmin(opts?: ArgReduceOptions): Tensor;
  /** variance over `axis` (correction = 1 by default) (the method form of `variance`). */
  variance(opts?: VarianceOptions): Tensor;
  /** standard deviation over `axis` (the method form of `std`). */
  std(opts?: VarianceOptions): Tensor;
  /** vector norm over `axis` (ord = 2 by default) (the method form of `norm`). */
  norm(opts?: NormOptions): Tensor;
  /** softmax along `axis` (default −1) (the method form of `softmax`). */
  softmax(axis?: number): Tensor;
  /** log-softmax along `axis` (default −1) (the method form of `logSoftmax`). */
  logSoftmax(axis?: number): Tensor;
  /** running sum along `axis` (the method form of `cumsum`). */
  cumsum(axis: number): Tensor;
  /** running product along `axis` (the method form of `cumprod`). */
  cumprod(axis: number): Tensor;
  /** NumPy basic indexing: a number, null or [start, stop, step] per axis (the method form of `slice`). */
  slice(spec: SliceSpec): Tensor;
  /** np.take along `axis` (flat when omitted) (the method form of `take`). */
  take(indices: IndexLike, axis?: number): Tensor;
  /** whole slices at `indices` along `axis` (the method form of `indexSelect`). */
  indexSelect(axis: number, indices: IndexLike): Tensor;
  /** torch.gather along `axis` (the method form of `gather`). */
  gather(axis: number, index: IndexLike): Tensor;
  /** torch.scatter_add (a new tensor) (the method form of `scatterAdd`). */
  scatterAdd(axis: number, index: IndexLike, src: Tensor): Tensor;
  /** torch.split along `axis` (the method form of `split`). */
  split(sizeOrSizes: number | readonly number[], axis?: number): Tensor[];
  /** np.tile (the method form of `tile`). */
  tile(reps: number | readonly number[]): Tensor;
  /** one-hot encoding of integer labels (the method form of `oneHot`). */
  oneHot(numClasses?: number, opts?: OneHotOptions): Tensor;
  /** a copy converted to `dtype` (the method form of `astype`). */
  astype(dtype: DType): Tensor;
  /** a copy converted to `dtype` (alias of astype) (the method form of `cast`). */
  cast(dtype: DType): Tensor;
  /** a copy with its own buffer (the method form of `copy`). */
  copy(): Tensor;
  /** matrix product (NumPy matmul rules) (the method form of `matmul`). */
  matmul(b: Tensor, opts?: MatmulOptions): Tensor;
  /** dot product of two 1-D tensors (the method form of `dot`). */
  dot(b: Tensor): Tensor;
  /** same elements, new shape (one entry may be −1) (the method form of `reshape`). */
  reshape(shape: readonly number[]): Tensor;
  /** reverses the axes, or orders them as `axes` (the method form of `transpose`). */
  transpose(axes?: readonly number[]): Tensor;
  /** orders the axes as `axes` (the method form of `permute`). */
  permute(axes: readonly number[]): Tensor;
  /** swaps two axes (the method form of `swapAxes`). */
  swapAxes(a: number, b: number): Tensor;
  /** removes size-1 axes (all, or the ones named) (the method form of `squeeze`). */
  squeeze(axis?: Axis): Tensor;
  /** inserts a size-1 axis at `axis` (the method form of `unsqueeze`). */
  unsqueeze(axis: number): Tensor;
  /** inserts a size-1 axis (NumPy name) (the method form of `expandDims`). */
  expandDims(axis: number): Tensor;
  /** repeats size-1 axes to reach `shape` (the method form of `broadcastTo`). */
  broadcastTo(shape: readonly number[]): Tensor;
  /** collapses axes `startAxis..endAxis` into one (the method form of `flatten`). */
  flatten(startAxis?: number, endAxis?: number): Tensor;
}

/** Each method's name and the position of the receiver among its op function's arguments. */
export const TENSOR_METHODS: readonly (readonly [string, number])[] = [
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
