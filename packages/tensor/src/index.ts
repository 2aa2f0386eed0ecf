export {
  DTYPES,
  type DType,
  type FloatDType,
  type TypedArray,
  allocate,
  getDefaultDtype,
  isFloat,
  promoteTypes,
  setDefaultDtype,
} from './dtype';
export { DTypeError, ShapeError } from './errors';
export { OP_TABLE, type DTypeRule, type OpEntry, type OpName } from './op-table';
export { setDispatchHook, type DispatchHook } from './ops/registry';
export type { TensorMethods } from './generated/tensor-methods';
export {
  add_,
  clamp_,
  copy_,
  div_,
  fill_,
  modifiedAt,
  mul_,
  sub_,
  versionClock,
  zero_,
} from './ops/in-place';
export { Tensor, type Axis, type NestedArray, type ReduceOptions, type TensorLike } from './tensor';
export {
  arange,
  eye,
  full,
  fullLike,
  linspace,
  ones,
  onesLike,
  tensor,
  zeros,
  zerosLike,
  type CreationOptions,
  type TensorOptions,
} from './creation';
export {
  abs,
  add,
  atan2,
  ceil,
  clamp,
  cos,
  div,
  equal,
  exp,
  expm1,
  floor,
  greater,
  greaterEqual,
  hypot,
  less,
  lessEqual,
  log,
  log1p,
  logaddexp,
  maximum,
  minimum,
  mul,
  neg,
  notEqual,
  pow,
  reciprocal,
  relu,
  round,
  rsqrt,
  sigmoid,
  sign,
  sin,
  softplus,
  sqrt,
  square,
  sub,
  tan,
  tanh,
} from './ops/elementwise';
export { cumprod, cumsum } from './ops/cumulative';
export { erf, erfc } from './ops/erf';
export { amax, amin, max, mean, min, prod, sum } from './ops/reduce';
export { argmax, argmin, type ArgReduceOptions } from './ops/argreduce';
export { std, variance, type VarianceOptions } from './ops/variance';
export { logsumexp } from './ops/logsumexp';
export { norm, type NormOptions } from './ops/norm';
export { logSoftmax, softmax } from './ops/softmax';
export { all, any, logicalAnd, logicalNot, logicalOr, logicalXor, where } from './ops/logical';
export { slice, type SliceRange, type SliceSpec } from './ops/slice';
export { indexSelect, take } from './ops/take';
export { gather, scatterAdd } from './ops/gather';
export type { IndexLike } from './ops/indices';
export { concat, stack } from './ops/concat';
export { split } from './ops/split';
export { tile } from './ops/tile';
export { oneHot, type OneHotOptions } from './ops/onehot';
export { astype, cast, copy } from './ops/cast';
export { allClose, isClose, type CloseOptions } from './ops/allclose';
export {
  DEFAULT_SEED,
  Generator,
  defaultGenerator,
  manualSeed,
  type GeneratorState,
  type Seed,
} from './random/generator';
export {
  choice,
  normal,
  permutation,
  rand,
  randint,
  randn,
  shuffle,
  uniform,
  type ChoiceOptions,
  type PermutationOptions,
  type RandomOptions,
} from './random/sampling';
export { dot, matmul, type MatmulOptions } from './ops/matmul';
export {
  broadcastTo,
  expandDims,
  flatten,
  permute,
  reshape,
  squeeze,
  swapAxes,
  transpose,
  unsqueeze,
} from './ops/shape';
export { broadcastShapes } from './shape';
export {
  backend,
  backendName,
  getNumThreads,
  setBackend,
  setNumThreads,
  useBackend,
  wasmTier,
  type Backend,
  type BackendName,
  type BinaryCode,
  type ReduceCode,
  type RowCode,
  type ScanCode,
  type UnaryCode,
} from './kernels';
export {
  fusedAdam,
  fusedSgd,
  type FusedAdamOptions,
  type FusedSgdOptions,
} from './optim-kernels';
export {
  LinAlgError,
  cholesky,
  det,
  eigh,
  eigvalsh,
  inv,
  solve,
  type CholeskyOptions,
  type EighOptions,
} from './linalg/index';
