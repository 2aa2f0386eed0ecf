/**
 * The kernel interface: every hot loop of @gd/tensor goes through one of these functions, so a
 * faster tier (WASM SIMD) can replace them without touching op semantics (shapes, dtypes,
 * broadcasting and validation stay in `ops/`). Kernels work on contiguous row-major typed arrays
 * and write into a caller-allocated `out`.
 */
import type { TypedArray } from '../dtype';

/** Element-wise functions of one argument, by name. */
export type UnaryCode =
  | 'neg'
  | 'abs'
  | 'sign'
  | 'exp'
  | 'log'
  | 'log1p'
  | 'expm1'
  | 'sqrt'
  | 'rsqrt'
  | 'square'
  | 'sin'
  | 'cos'
  | 'tan'
  | 'tanh'
  | 'sigmoid'
  | 'relu'
  | 'floor'
  | 'ceil'
  | 'round'
  | 'reciprocal'
  | 'softplus'
  | 'logicalNot';

/** Element-wise functions of two arguments, by name. */
export type BinaryCode =
  | 'add'
  | 'sub'
  | 'mul'
  | 'div'
  | 'pow'
  | 'maximum'
  | 'minimum'
  | 'atan2'
  | 'hypot'
  | 'logaddexp'
  | 'equal'
  | 'notEqual'
  | 'less'
  | 'lessEqual'
  | 'greater'
  | 'greaterEqual'
  | 'logicalAnd'
  | 'logicalOr';

/** Reductions over a contiguous trailing block, by name. */
export type ReduceCode = 'sum' | 'prod' | 'max' | 'min';

/** Inclusive scans along one axis, by name: running sum and running product. */
export type ScanCode = 'cumsum' | 'cumprod';

/**
 * Row-wise kernels over `outer` contiguous rows of `inner` elements each:
 * - `softmax`, `logSoftmax`: out (outer·inner) = the row's softmax / log-softmax;
 * - `logsumexp`: out (outer) = log Σ exp(row), stable and -inf/+inf aware;
 * - `argmax`, `argmin`: out (outer) = index of the first extreme element (NaN counts as extreme);
 * - `sumSquaredDeviations`: out (outer) = Σ (xᵢ − mean)², two-pass, for variance/std.
 */
export type RowCode =
  | 'softmax'
  | 'logSoftmax'
  | 'logsumexp'
  | 'argmax'
  | 'argmin'
  | 'sumSquaredDeviations';

/** A set of kernels. `js` (./js.ts) is the reference tier; a WASM tier implements the same. */
export interface Backend {
  /** out[i] = f(x[i]) for i < n. */
  unary(code: UnaryCode, x: TypedArray, out: TypedArray): void;
  /** out[i] = f(a[i], b[i]) for equal lengths. */
  binary(code: BinaryCode, a: TypedArray, b: TypedArray, out: TypedArray): void;
  /** out[i] = f(a[i], s) (or f(s, a[i]) when `scalarLeft`) for a scalar s. */
  binaryScalar(
    code: BinaryCode,
    a: TypedArray,
    s: number,
    out: TypedArray,
    scalarLeft: boolean,
  ): void;
  /** out[o] = reduce(x[o*inner .. (o+1)*inner)) for o < outer. */
  reduce(code: ReduceCode, x: TypedArray, outer: number, inner: number, out: TypedArray): void;
  /**
   * C[m×n] = op(A) · op(B) for one matrix, where op(A) is A (m×k, row-major) or, with `transA`,
   * the transpose of A stored as k×m; likewise B (k×n, or n×k with `transB`). Offsets select a
   * matrix inside a batched buffer. C is overwritten.
   */
  gemm(
    a: TypedArray,
    aOff: number,
    transA: boolean,
    b: TypedArray,
    bOff: number,
    transB: boolean,
    out: TypedArray,
    outOff: number,
    m: number,
    n: number,
    k: number,
  ): void;
  /**
   * Row-wise kernel (see {@link RowCode}). Optional so that a faster tier may implement only the
   * core kernels; ops fall back to the reference version in ./rows.ts.
   */
  rows?(code: RowCode, x: TypedArray, outer: number, inner: number, out: TypedArray): void;
  /** out[i] = cond[i] ? a[i] : b[i] for equal lengths. Optional, like `rows`. */
  select?(cond: Uint8Array, a: TypedArray, b: TypedArray, out: TypedArray): void;
  /**
   * Inclusive scan along an axis of length `n` (see {@link ScanCode}): `x` is `outer` blocks of
   * n·inner elements, where outer and inner are the products of the dimensions before and after
   * the axis; out[o, i, j] = x[o, 0, j] ⊕ … ⊕ x[o, i, j]. Optional, like `rows`; ops fall back
   * to the reference version (see ./scan.ts).
   */
  scan?(
    code: ScanCode,
    x: TypedArray,
    outer: number,
    n: number,
    inner: number,
    out: TypedArray,
  ): void;
}
