import { GdRangeError, GdTypeError } from '@gd/errors';
import { type DType, allocate, checkDType, getDefaultDtype, isFloat } from '../dtype';
import { DTypeError, ShapeError, fmtShape } from '../errors';
import { take } from '../ops/take';
import { checkShape, sizeOf } from '../shape';
import { Tensor } from '../tensor';
import { Generator, defaultGenerator } from './generator';
import { checkTensor } from '../ops/check';

/** Options of the random functions. */
export interface RandomOptions {
  /** Element type; default {@link getDefaultDtype} ('float32' unless set; 'int32' for randint). */
  dtype?: DType;
  /** Source of randomness; default: the generator {@link manualSeed} seeds. */
  generator?: Generator;
}

/** Options of {@link permutation} and {@link shuffle}. */
export interface PermutationOptions {
  /** Source of randomness; default: the default generator. */
  generator?: Generator;
}

/** Options of {@link choice}. */
export interface ChoiceOptions {
  /** Draw with replacement (each pick independent). Default true, as NumPy. */
  replace?: boolean;
  /** Probabilities of each entry (non-negative, summing to 1); default uniform. */
  p?: Tensor | readonly number[];
  /** Source of randomness; default: the default generator. */
  generator?: Generator;
}

function gen(op: string, g: Generator | undefined): Generator {
  if (g === undefined) return defaultGenerator;
  if (!(g instanceof Generator)) throw new GdTypeError(`${op}: generator must be a Generator`);
  return g;
}

function floatDType(op: string, d: DType | undefined): DType {
  const dt = checkDType(op, d ?? getDefaultDtype());
  if (!isFloat(dt)) {
    throw new DTypeError(`${op}: dtype must be float32 or float64, got ${dt}`);
  }
  return dt;
}

/**
 * Uniform samples in [0, 1) of `shape`, as torch.rand. Each element is one float64 draw of the
 * generator (53 random bits), rounded to the dtype (default float32; a float32 that would round
 * up to 1 is stored as the largest float32 below 1).
 *
 * @example
 * ```ts
 * rand([2, 3], { generator: new Generator(0) }).shape; // [2, 3]
 * ```
 */
export function rand(shape: readonly number[], opts: RandomOptions = {}): Tensor {
  const s = checkShape('rand', shape);
  const out = allocate(floatDType('rand', opts.dtype), sizeOf(s));
  gen('rand', opts.generator).fillUniform(out, 0, 1);
  return new Tensor(out, s);
}

/**
 * Uniform samples in [low, high) of `shape`: low + (high − low)·U, U ~ rand.
 *
 * @example
 * ```ts
 * uniform(-1, 1, [100]); // values in [-1, 1)
 * ```
 */
export function uniform(
  low: number,
  high: number,
  shape: readonly number[],
  opts: RandomOptions = {},
): Tensor {
  if (!Number.isFinite(low) || !Number.isFinite(high) || low > high) {
    throw new GdRangeError(`uniform: need finite low ≤ high, got low=${low}, high=${high}`);
  }
  const s = checkShape('uniform', shape);
  const out = allocate(floatDType('uniform', opts.dtype), sizeOf(s));
  gen('uniform', opts.generator).fillUniform(out, low, high);
  return new Tensor(out, s);
}

/**
 * Standard normal samples N(0, 1) of `shape`, as torch.randn (polar Box–Muller, see
 * {@link Generator.normal}).
 *
 * @example
 * ```ts
 * manualSeed(0);
 * randn([3]).toArray(); // three N(0, 1) draws, the same after every manualSeed(0)
 * ```
 */
export function randn(shape: readonly number[], opts: RandomOptions = {}): Tensor {
  return normal(0, 1, shape, opts);
}

/**
 * Normal samples N(mean, std²) of `shape`: mean + std·Z with Z ~ N(0, 1).
 *
 * @example
 * ```ts
 * normal(10, 0.1, [1000]).mean().item(); // ≈ 10
 * ```
 */
export function normal(
  mean: number,
  std: number,
  shape: readonly number[],
  opts: RandomOptions = {},
): Tensor {
  if (!Number.isFinite(mean) || !Number.isFinite(std) || std < 0) {
    throw new GdRangeError(`normal: need a finite mean and std ≥ 0, got mean=${mean}, std=${std}`);
  }
  const s = checkShape('normal', shape);
  const out = allocate(floatDType('normal', opts.dtype), sizeOf(s));
  gen('normal', opts.generator).fillNormal(out, mean, std);
  return new Tensor(out, s);
}

/**
 * Uniform integers in [low, high) of `shape`, as torch.randint (default dtype int32), without
 * modulo bias. `randint(high, shape)` draws from [0, high), as `torch.randint(high, size)`.
 *
 * @example
 * ```ts
 * randint(0, 10, [5]).toArray(); // five integers from 0..9
 * randint(6, [2, 2]);            // dice throws 0..5
 * ```
 */
export function randint(high: number, shape: readonly number[], opts?: RandomOptions): Tensor;
export function randint(
  low: number,
  high: number,
  shape: readonly number[],
  opts?: RandomOptions,
): Tensor;
export function randint(
  lowOrHigh: number,
  highOrShape: number | readonly number[],
  shapeOrOpts?: readonly number[] | RandomOptions,
  lastOpts: RandomOptions = {},
): Tensor {
  const short = Array.isArray(highOrShape);
  const low = short ? 0 : lowOrHigh;
  const high = short ? lowOrHigh : (highOrShape as number);
  const shape = (short ? highOrShape : shapeOrOpts) as readonly number[];
  const opts = (short ? (shapeOrOpts ?? {}) : lastOpts) as RandomOptions;
  if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high) || high <= low) {
    throw new GdRangeError(`randint: need integers low < high, got low=${low}, high=${high}`);
  }
  if (high - low > 4294967296) {
    throw new GdRangeError(`randint: high − low must be at most 2³², got ${high - low}`);
  }
  const s = checkShape('randint', shape);
  const dt = checkDType('randint', opts.dtype ?? 'int32');
  if (dt === 'bool') throw new DTypeError('randint: dtype bool is not supported; use int32');
  if (dt === 'int32' && (low < -2147483648 || high > 2147483648)) {
    throw new GdRangeError(`randint: [${low}, ${high}) does not fit int32; pass dtype 'float64'`);
  }
  const out = allocate(dt, sizeOf(s));
  gen('randint', opts.generator).fillInteger(out, low, high);
  return new Tensor(out, s);
}

/**
 * A random permutation of 0..n−1 as int32 (Fisher–Yates), as torch.randperm; given a tensor,
 * a copy with its first axis shuffled, as np.random.Generator.permutation.
 *
 * @example
 * ```ts
 * permutation(5).toArray(); // e.g. [3, 0, 4, 1, 2]
 * ```
 */
export function permutation(n: number | Tensor, opts: PermutationOptions = {}): Tensor {
  if (n instanceof Tensor) return shuffle(n, opts);
  if (!Number.isInteger(n) || n < 0 || n > 2147483647) {
    throw new GdRangeError(`permutation: n must be a non-negative integer below 2³¹, got ${n}`);
  }
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  gen('permutation', opts.generator).shuffleInPlace(a);
  return new Tensor(a, [n]);
}

/**
 * A copy of `x` with its first axis randomly reordered (rows shuffled), as NumPy's
 * `Generator.permutation(x)`; `x` itself is not modified.
 *
 * @example
 * ```ts
 * shuffle(tensor([[1, 2], [3, 4], [5, 6]])); // the same rows in a random order
 * ```
 */
export function shuffle(x: Tensor, opts: PermutationOptions = {}): Tensor {
  checkTensor('shuffle', x);
  if (x.ndim === 0) throw new ShapeError('shuffle: a 0-d tensor has no axis to shuffle');
  return take(x, permutation(x.shape[0], opts), 0);
}

function probabilities(p: Tensor | readonly number[], n: number): Float64Array {
  const w = Float64Array.from(p instanceof Tensor ? p.data : p);
  if ((p instanceof Tensor && p.ndim !== 1) || w.length !== n) {
    const shape = p instanceof Tensor ? fmtShape(p.shape) : `[${w.length}]`;
    throw new ShapeError(`choice: p has shape ${shape} but the population has ${n} entries`);
  }
  let total = 0;
  for (const v of w) {
    if (!(v >= 0) || !Number.isFinite(v)) {
      throw new GdRangeError(`choice: probabilities must be finite and non-negative, got ${v}`);
    }
    total += v;
  }
  if (Math.abs(total - 1) > 1e-6) {
    throw new GdRangeError(`choice: probabilities must sum to 1, they sum to ${total}`);
  }
  return w;
}

/** Index of the first cumulative weight above u (binary search). */
function searchCdf(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Random picks from 0..n−1 (as int32) or from the rows of a tensor, as NumPy's
 * `Generator.choice(a, size, replace=True, p=None)`. `size` is a count or a shape (omitted: a
 * single 0-d pick). With replacement picks are independent (weighted by `p` via the inverse
 * CDF); without, each pick is removed from the pool (`p` renormalised over what is left).
 *
 * @example
 * ```ts
 * choice(10, 3, { replace: false }).toArray();     // three distinct indices
 * choice(3, [2, 2], { p: [0.5, 0.5, 0] });         // only 0s and 1s
 * choice(tensor([[1, 1], [2, 2]]), 1).shape;       // [1, 2]
 * ```
 */
export function choice(
  nOrTensor: number | Tensor,
  size?: number | readonly number[],
  opts: ChoiceOptions = {},
): Tensor {
  const pool = nOrTensor instanceof Tensor ? nOrTensor : null;
  if (pool && pool.ndim === 0) throw new ShapeError('choice: cannot choose from a 0-d tensor');
  const n = pool ? pool.shape[0] : (nOrTensor as number);
  if (!Number.isInteger(n) || n < 0) {
    throw new GdRangeError(`choice: population size must be a non-negative integer, got ${n}`);
  }
  const shape = checkShape(
    'choice',
    size === undefined ? [] : typeof size === 'number' ? [size] : size,
  );
  const k = sizeOf(shape);
  const replace = opts.replace ?? true;
  const g = gen('choice', opts.generator);
  const w = opts.p === undefined ? null : probabilities(opts.p, n);
  if (k > 0 && n === 0) throw new GdRangeError('choice: cannot pick from an empty population');
  const out = new Int32Array(k);
  if (replace) {
    if (w) {
      const cdf = new Float64Array(n);
      let acc = 0;
      for (let i = 0; i < n; i++) cdf[i] = acc += w[i];
      for (let i = 0; i < k; i++) out[i] = searchCdf(cdf, g.random() * acc);
    } else for (let i = 0; i < k; i++) out[i] = g.integer(0, n);
  } else if (!w) {
    if (k > n) {
      throw new GdRangeError(
        `choice: cannot pick ${k} of ${n} without replacement; use replace: true`,
      );
    }
    // Partial Fisher–Yates: the first k slots end up a uniform k-subset in random order.
    const a = new Int32Array(n);
    for (let i = 0; i < n; i++) a[i] = i;
    for (let i = 0; i < k; i++) {
      const j = g.integer(i, n);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
      out[i] = a[i];
    }
  } else {
    const nonzero = w.reduce((c, v) => c + (v > 0 ? 1 : 0), 0);
    if (k > nonzero) {
      throw new GdRangeError(
        `choice: cannot pick ${k} without replacement when only ${nonzero} entries have p > 0`,
      );
    }
    const left = Float64Array.from(w);
    for (let i = 0; i < k; i++) {
      let total = 0;
      for (let j = 0; j < n; j++) total += left[j];
      let u = g.random() * total;
      let pick = n - 1;
      for (let j = 0; j < n; j++) {
        if (left[j] > 0 && u < left[j]) {
          pick = j;
          break;
        }
        u -= left[j];
      }
      while (left[pick] === 0) pick--;
      out[i] = pick;
      left[pick] = 0;
    }
  }
  const idx = new Tensor(out, shape);
  return pool ? take(pool, idx, 0) : idx;
}
