export {
  add,
  atan2,
  div,
  hypot,
  log,
  logaddexp,
  mul,
  neg,
  pow,
  square,
  sub,
} from './arithmetic';
export { cumprod, cumsum } from './cumulative';
export {
  all,
  allClose,
  any,
  isClose,
  logicalAnd,
  logicalNot,
  logicalOr,
  logicalXor,
  oneHot,
} from './logical';
export {
  abs,
  ceil,
  cos,
  erf,
  erfc,
  exp,
  expm1,
  floor,
  log1p,
  reciprocal,
  relu,
  round,
  rsqrt,
  sigmoid,
  sign,
  sin,
  softplus,
  sqrt,
  tan,
  tanh,
} from './unary';
export { clamp, maximum, minimum } from './minmax';
export { equal, greater, greaterEqual, less, lessEqual, notEqual } from './compare';
export {
  amax,
  amin,
  logsumexp,
  max,
  mean,
  min,
  norm,
  prod,
  std,
  sum,
  variance,
} from './reduce';
export { dot, matmul } from './matmul';
export { linear } from './linear';
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
} from './shape';
export { astype, cast, copy } from './cast';
export { logSoftmax, softmax } from './softmax';
export {
  argmax,
  argmin,
  gather,
  indexSelect,
  scatterAdd,
  slice,
  take,
  where,
  type IndexLike,
  type LiftWhere,
} from './indexing';
export { concat, split, stack, tile } from './join';
