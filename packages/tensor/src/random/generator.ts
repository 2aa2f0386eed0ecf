import { GdRangeError, GdTypeError } from '@gd/errors';
import type { TypedArray } from '../dtype';

/**
 * gd's pseudo-random number generator: xoshiro128** (Blackman & Vigna, 2018) on four 32-bit
 * words, seeded by SplitMix64. Only 32-bit integer arithmetic (Math.imul, shifts) advances the
 * state, so a seed yields bit-identical uniform numbers on every platform and engine.
 */

/** Saved state of a {@link Generator}; plain JSON, restored with `setState`. */
export interface GeneratorState {
  /** Always 'xoshiro128**'. */
  algorithm: 'xoshiro128**';
  /** The four 32-bit state words s0..s3 (unsigned). */
  state: [number, number, number, number];
  /** The second normal of the last polar Box–Muller pair, not yet handed out (or null). */
  spareNormal: number | null;
}

/** Seeds accepted by {@link Generator}: any integer number or bigint (taken modulo 2⁶⁴). */
export type Seed = number | bigint;

const MASK64 = (1n << 64n) - 1n;

/** SplitMix64 (Steele, Lea & Flood 2014), used only to expand a seed into the state words. */
function splitmix64(state: bigint): [bigint, bigint] {
  const next = (state + 0x9e3779b97f4a7c15n) & MASK64;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return [next, z ^ (z >> 31n)];
}

function toSeed(seed: Seed): bigint {
  if (typeof seed === 'bigint') return BigInt.asUintN(64, seed);
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new GdTypeError(
      `Generator: seed must be a safe integer or a bigint, got ${String(seed)}`,
    );
  }
  return BigInt.asUintN(64, BigInt(seed));
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

function checkRange(low: number, high: number): void {
  const r = high - low;
  if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high) || r < 1 || r > 4294967296) {
    throw new GdRangeError(
      `Generator.integer: need integers with 1 ≤ high − low ≤ 2³², got low=${low}, high=${high}`,
    );
  }
}

/** The largest float32 below `high` (and not below `low`), for keeping [low, high) half-open. */
function below(high: number, low: number): number {
  if (high === 0) return Math.max(-(2 ** -149), low);
  const f = new Float32Array([high]);
  const bits = new Int32Array(f.buffer);
  bits[0] += high > 0 ? -1 : 1;
  return Math.max(f[0], low);
}

/** PyTorch's default seed, so an unseeded gd program is reproducible like an unseeded torch one. @example `new Generator().initialSeed() === BigInt(DEFAULT_SEED)` */
export const DEFAULT_SEED = 67280421310721;

/**
 * A seeded source of random numbers: xoshiro128** (period 2¹²⁸ − 1) with SplitMix64 seeding.
 * Floats are built from 53 random bits (uniform in [0, 1) on a 2⁻⁵³ grid); normals use the polar
 * form of Box–Muller (Marsaglia), which needs only `Math.log` and `Math.sqrt`. Every random
 * function of @gd/tensor takes `{ generator }`; without one it uses the default generator that
 * {@link manualSeed} seeds. State can be saved and restored with `getState`/`setState`.
 *
 * @example
 * ```ts
 * const g = new Generator(42);
 * const saved = g.getState();
 * const a = rand([3], { generator: g });
 * g.setState(saved);
 * rand([3], { generator: g }); // same numbers as a
 * ```
 */
export class Generator {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spare: number | null = null;
  private seed0: bigint = 0n;

  /** Creates a generator seeded with `seed` (default 67280421310721, PyTorch's default seed). */
  constructor(seed: Seed = DEFAULT_SEED) {
    this.manualSeed(seed);
  }

  /**
   * Re-seeds in place: the state words are the low and high halves of two SplitMix64 outputs
   * started from `seed` (mod 2⁶⁴). Returns this generator.
   */
  manualSeed(seed: Seed): this {
    const s = toSeed(seed);
    const [st1, a] = splitmix64(s);
    const [, b] = splitmix64(st1);
    this.s0 = Number(a & 0xffffffffn) >>> 0;
    this.s1 = Number(a >> 32n) >>> 0;
    this.s2 = Number(b & 0xffffffffn) >>> 0;
    this.s3 = Number(b >> 32n) >>> 0;
    // xoshiro must not start from all zeros; SplitMix64 cannot output two zeros in a row, but be safe.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
    this.spare = null;
    this.seed0 = s;
    return this;
  }

  /** The seed this generator was last seeded with (as an unsigned 64-bit bigint). */
  initialSeed(): bigint {
    return this.seed0;
  }

  /** The next 32 random bits as an unsigned integer in [0, 2³²). One xoshiro128** step. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A float64 uniform in [0, 1): (⌊a/2⁵⌋·2²⁶ + ⌊b/2⁶⌋) / 2⁵³ from two 32-bit draws a, b. */
  random(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /**
   * A standard normal N(0, 1) by the polar Box–Muller method: draw u, v uniform in (−1, 1) until
   * 0 < s = u² + v² < 1, then u·√(−2 ln s / s) and v·√(−2 ln s / s) are independent normals; the
   * second is kept for the next call.
   */
  normal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.random() - 1;
      v = 2 * this.random() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * m;
    return u * m;
  }

  /**
   * A uniform integer in [low, high) without modulo bias: 32-bit draws at or above the largest
   * multiple of (high − low) are rejected. high − low must be in 1..2³².
   */
  integer(low: number, high: number): number {
    checkRange(low, high);
    const r = high - low;
    const limit = 4294967296 - (4294967296 % r);
    let u = this.nextUint32();
    while (u >= limit) u = this.nextUint32();
    return low + (u % r);
  }

  /**
   * Fills `out` with uniforms in [low, high): out[i] = low + (high − low)·random(), exactly the
   * numbers `out.length` calls of {@link Generator.random} would give. The state lives in locals
   * for the loop (about 5× faster than a call per element). Float32 outputs that round up to
   * `high` are nudged just below it, keeping the interval half-open.
   */
  fillUniform(out: TypedArray, low = 0, high = 1): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    const span = high - low;
    const f32 = out instanceof Float32Array;
    for (let i = 0; i < out.length; i++) {
      // Two xoshiro128** steps, inlined; identical to nextUint32.
      const a = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 5;
      let t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      const b = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 6;
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      out[i] = low + span * ((a * 67108864 + b) / 9007199254740992);
      if (f32 && out[i] >= high && span > 0) out[i] = below(high, low);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /**
   * Fills `out` with normals mean + std·Z, Z ~ N(0, 1): exactly the numbers `out.length` calls of
   * {@link Generator.normal} would give, pending spare included.
   */
  fillNormal(out: TypedArray, mean = 0, std = 1): void {
    const n = out.length;
    let i = 0;
    if (n > 0 && this.spare !== null) {
      out[i++] = mean + std * this.spare;
      this.spare = null;
    }
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    const w = new Uint32Array(4);
    while (i < n) {
      let a: number;
      let b: number;
      let s: number;
      do {
        // Four xoshiro128** steps (two 53-bit uniforms), inlined; identical to nextUint32.
        for (let j = 0; j < 4; j++) {
          w[j] = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
          const t = s1 << 9;
          s2 ^= s0;
          s3 ^= s1;
          s1 ^= s2;
          s0 ^= s3;
          s2 ^= t;
          s3 = rotl(s3, 11);
        }
        a = (2 * ((w[0] >>> 5) * 67108864 + (w[1] >>> 6))) / 9007199254740992 - 1;
        b = (2 * ((w[2] >>> 5) * 67108864 + (w[3] >>> 6))) / 9007199254740992 - 1;
        s = a * a + b * b;
      } while (s >= 1 || s === 0);
      const m = Math.sqrt((-2 * Math.log(s)) / s);
      out[i++] = mean + std * (a * m);
      if (i < n) out[i++] = mean + std * (b * m);
      else this.spare = b * m;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /**
   * Fills `out` with uniform integers in [low, high): exactly the numbers `out.length` calls of
   * {@link Generator.integer} would give.
   */
  fillInteger(out: TypedArray, low: number, high: number): void {
    checkRange(low, high);
    const r = high - low;
    const limit = 4294967296 - (4294967296 % r);
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let i = 0; i < out.length; i++) {
      let u: number;
      do {
        u = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = rotl(s3, 11);
      } while (u >= limit);
      out[i] = low + (u % r);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /**
   * Shuffles `a` in place by Fisher–Yates: for i = n−1 … 1, swap a[i] with a[j], j =
   * integer(0, i + 1). The same draws as calling {@link Generator.integer} in that order.
   */
  shuffleInPlace(a: Int32Array | Float64Array | Float32Array | Uint8Array): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let i = a.length - 1; i > 0; i--) {
      const r = i + 1;
      const limit = 4294967296 - (4294967296 % r);
      let u: number;
      do {
        u = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = rotl(s3, 11);
      } while (u >= limit);
      const j = u % r;
      const tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /** The full state (JSON-serialisable), to restore later with {@link Generator.setState}. */
  getState(): GeneratorState {
    return {
      algorithm: 'xoshiro128**',
      state: [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0],
      spareNormal: this.spare,
    };
  }

  /** Restores a state saved by {@link Generator.getState}; returns this generator. */
  setState(state: GeneratorState): this {
    const ok =
      state != null &&
      state.algorithm === 'xoshiro128**' &&
      Array.isArray(state.state) &&
      state.state.length === 4 &&
      state.state.every((w) => Number.isInteger(w) && w >= 0 && w < 4294967296) &&
      state.state.some((w) => w !== 0) &&
      (state.spareNormal === null || typeof state.spareNormal === 'number');
    if (!ok) {
      throw new GdTypeError(
        'Generator.setState: expected an object from getState() (algorithm xoshiro128**, four non-all-zero uint32 words, spareNormal)',
      );
    }
    [this.s0, this.s1, this.s2, this.s3] = state.state.map((w) => w | 0);
    this.spare = state.spareNormal;
    return this;
  }

  /** An independent copy with the same state. */
  clone(): Generator {
    return new Generator(0).setState(this.getState());
  }
}

/** The generator random functions use when none is passed; {@link manualSeed} seeds it. @example `defaultGenerator.getState()` */
export const defaultGenerator = new Generator();

/**
 * Seeds the default generator, as torch.manual_seed; returns it.
 *
 * @example
 * ```ts
 * manualSeed(0); const a = randn([2]);
 * manualSeed(0); randn([2]); // equal to a
 * ```
 */
export function manualSeed(seed: Seed): Generator {
  return defaultGenerator.manualSeed(seed);
}
