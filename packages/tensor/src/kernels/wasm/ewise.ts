/**
 * WASM SIMD element-wise kernels (compiled from ../../../assembly/ewise.ts and ewise-wide.ts, two
 * modules of < 4 KB each, the most older Chrome versions compiled synchronously on the main
 * thread; Chromium 156 compiled a 200 KB one there): the unary, binary and scalar loops of the
 * training loop — eˣ, σ, tanh, relu, the four arithmetic operations,
 * maximum/minimum, comparisons into bool, and relu's backward product by a bool mask — for
 * float32 (and the cheap ones for float64). Everything else, and arrays below a size threshold,
 * stays on the JS tier ({@link jsBackend}), which is also the reference the WASM results are
 * tested against: they are equal element for element (NaN payloads aside), except that eˣ, σ
 * and tanh may differ by 1 ulp where the exact value lies within ~10⁻¹² of a float32 rounding
 * boundary (both are within 1 ulp of the correctly rounded value).
 *
 * Data stays in the tensors' JS typed arrays: each call copies chunks of {@link CHUNK} elements
 * into the module's memory, runs one kernel there and copies the result out. The chunks are
 * small enough to stay in L2 cache, so the copies run at cache speed, and the module's memory
 * never grows beyond ~0.2 MB. Each module is compiled on first use (about 1 ms), not at import.
 *
 * Measured per element on a quiet machine (2-core AMD EPYC, Node 20, float32, backend call with
 * its copies, min of 12 interleaved runs, load average 0.4; before → JS tier now → WASM): on 1e6
 * elements eˣ 3.44 → 3.43 → 2.88 ns, σ 8.94 → 8.93 → 4.07, tanh 9.43 → 9.40 → 5.18, mul
 * 2.05 → 2.05 → 0.46, add 2.03 → 2.02 → 0.50, scalar add 1.37 → 1.37 → 0.26; on a 128×256
 * activation relu 5.25 → 1.50 → 0.24, `x > 0` 5.27 → 1.41 → 0.18, relu's mask product
 * 2.17 → 2.16 → 0.32. Per training step the element-wise kernels took 408 → 103 µs in the
 * Fashion-MNIST MLP (784-256-128-10, batch 128) and 95 → 42 µs in the lecture's sigmoid MLP.
 * Through the public API, `add(mul(exp(x), x), 1)` on 1e6 float32 runs at 2.17e8 elements/s
 * (JS tier 1.17e8) in `pnpm bench elementwise`; what remains is mostly allocating and first
 * touching the three fresh 4 MB outputs: page faults cost up to ~18 µs each on this VM under
 * load, where that row fell to 3e7 for every library that allocates per op.
 */
import type { TypedArray } from '../../dtype';
import type { Backend, BinaryCode, UnaryCode } from '../backend';
import { jsBackend } from '../js';
import { EWISE_SIMD, EWISE_WIDE_SIMD } from './binary.generated';
import { Arena, align16, instantiateKernels } from './module';

/** What both modules export: their memory and where its free part starts. */
interface ModuleExports {
  memory: WebAssembly.Memory;
  base(): number;
}

/** assembly/ewise.ts: float32/float64-lane kernels. */
interface EwiseExports extends ModuleExports {
  unaryF32(op: number, src: number, dst: number, n: number): void;
  unaryF64(op: number, src: number, dst: number, n: number): void;
  binaryF32(op: number, a: number, b: number, dst: number, n: number): void;
  binaryF64(op: number, a: number, b: number, dst: number, n: number): void;
  scalarF32(op: number, a: number, s: number, dst: number, n: number, left: number): void;
  scalarF64(op: number, a: number, s: number, dst: number, n: number, left: number): void;
  mulMaskF32(a: number, m: number, dst: number, n: number): void;
  compareF32(op: number, a: number, b: number, dst: number, n: number): void;
  compareScalarF32(op: number, a: number, s: number, dst: number, n: number): void;
}

/** assembly/ewise-wide.ts: float32 data in float64 lanes. */
interface WideExports extends ModuleExports {
  expF32(src: number, dst: number, n: number): void;
  transcendentalF32(op: number, src: number, dst: number, n: number): void;
  scalarWideF32(op: number, a: number, s: number, dst: number, n: number, left: number): void;
}

/** Elements per chunk: 3 buffers of ≤ 64 KB each stay in L2 cache. */
const CHUNK = 8192;
/** Bytes past a chunk that kernels may touch (they run whole 16-element blocks). */
const PAD = 128;

/** Kernel codes of assembly/ewise.ts, by op. Float64 has only the cheap unary ones. */
const UNARY_F32: { readonly [C in UnaryCode]?: number } = {
  exp: 0,
  sigmoid: 1,
  tanh: 2,
  relu: 3,
  neg: 4,
  abs: 5,
  sqrt: 6,
  square: 7,
  reciprocal: 8,
};
const UNARY_F64: { readonly [C in UnaryCode]?: number } = {
  relu: 3,
  neg: 4,
  abs: 5,
  sqrt: 6,
  square: 7,
  reciprocal: 8,
};
const ARITH: { readonly [C in BinaryCode]?: number } = {
  add: 0,
  sub: 1,
  mul: 2,
  div: 3,
  maximum: 4,
  minimum: 5,
};
const COMPARE: { readonly [C in BinaryCode]?: number } = {
  equal: 0,
  notEqual: 1,
  less: 2,
  lessEqual: 3,
  greater: 4,
  greaterEqual: 5,
};
/** The comparison with its operands swapped: s ⋈ a ⇔ a ⋈' s. */
const MIRROR = [0, 1, 4, 5, 2, 3];

/**
 * Below these lengths the JS loop is faster than the call and the copies (~150 ns per call).
 * Measured crossovers (float32, Node 20, min of 8 interleaved runs): eˣ between 32 (JS 241 ns,
 * WASM 260) and 64 elements (399 against 343); mul and scalar add between 32 and 64 (mul at 64:
 * 191 against 164). relu and comparisons win from 16 elements on, but share the cheap threshold.
 */
const MIN_TRANSCENDENTAL = 48;
const MIN_CHEAP = 64;

/** A module's memory: three chunk buffers (two operands, one bool result). */
class ChunkArena<E extends ModuleExports> extends Arena {
  readonly ex: E;
  readonly a: number;
  readonly b: number;
  readonly c: number;

  constructor(ex: E) {
    super(ex.memory);
    this.ex = ex;
    this.a = align16(ex.base());
    this.b = this.a + CHUNK * 8 + PAD;
    this.c = this.b + CHUNK * 8 + PAD;
    this.ensure(this.c + CHUNK + PAD);
  }
}

// Neither module uses a relaxed-SIMD instruction (results must not depend on the runtime), so
// each relaxed build is the same bytes: passing the plain one twice lets bundles drop the other.
let arena: ChunkArena<EwiseExports> | null | undefined;
let wideArena: ChunkArena<WideExports> | null | undefined;

/** The float32/float64-lane module, instantiated on first use; null without WASM SIMD. */
function kernels(): ChunkArena<EwiseExports> | null {
  if (arena === undefined) {
    const loaded = instantiateKernels<EwiseExports>(EWISE_SIMD, EWISE_SIMD);
    arena = loaded ? new ChunkArena(loaded.exports) : null;
  }
  return arena;
}

/** The float64-lane module (eˣ, σ, tanh, float64 scalars), instantiated on first use. */
function wideKernels(): ChunkArena<WideExports> | null {
  if (wideArena === undefined) {
    const loaded = instantiateKernels<WideExports>(EWISE_WIDE_SIMD, EWISE_WIDE_SIMD);
    wideArena = loaded ? new ChunkArena(loaded.exports) : null;
  }
  return wideArena;
}

type FloatArray = Float32Array | Float64Array;

/** Copies x[i .. i+c) into the arena at byte offset `at`. */
function copyIn(view: FloatArray, x: FloatArray, i: number, c: number, at: number, shift: number) {
  view.set(c === x.length ? x : x.subarray(i, i + c), at >> shift);
}

/** Copies c results from the arena at byte offset `at` to out[i ..]. */
function copyOut(view: TypedArray, out: TypedArray, i: number, c: number, at: number): void {
  out.set(view.subarray(at, at + c), i);
}

function unary(code: UnaryCode, x: TypedArray, out: TypedArray): void {
  const n = x.length;
  const f32 = x instanceof Float32Array && out instanceof Float32Array;
  const op = f32
    ? UNARY_F32[code]
    : x instanceof Float64Array && out instanceof Float64Array
      ? UNARY_F64[code]
      : undefined;
  const transcendental = op !== undefined && op < 3;
  const k =
    op === undefined || n < (transcendental ? MIN_TRANSCENDENTAL : MIN_CHEAP)
      ? null
      : transcendental
        ? wideKernels()
        : kernels();
  if (!k || op === undefined) {
    jsBackend.unary(code, x, out);
    return;
  }
  const view = f32 ? k.f32 : k.f64;
  const shift = f32 ? 2 : 3;
  const exp = op === 0 ? (k as ChunkArena<WideExports>).ex.expF32 : null;
  const run = transcendental
    ? (k as ChunkArena<WideExports>).ex.transcendentalF32
    : f32
      ? (k as ChunkArena<EwiseExports>).ex.unaryF32
      : (k as ChunkArena<EwiseExports>).ex.unaryF64;
  const a = k.a;
  for (let i = 0; i < n; i += CHUNK) {
    const c = Math.min(CHUNK, n - i);
    copyIn(view, x as FloatArray, i, c, a, shift);
    if (exp) exp(a, a, c);
    else run(op, a, a, c);
    copyOut(view, out, i, c, a >> shift);
  }
}

function binary(code: BinaryCode, a: TypedArray, b: TypedArray, out: TypedArray): void {
  const n = out.length;
  const k = n < MIN_CHEAP ? null : kernels();
  if (k) {
    if (a instanceof Float32Array && b instanceof Float32Array) {
      const arith = ARITH[code];
      if (arith !== undefined && out instanceof Float32Array) {
        for (let i = 0; i < n; i += CHUNK) {
          const c = Math.min(CHUNK, n - i);
          copyIn(k.f32, a, i, c, k.a, 2);
          copyIn(k.f32, b, i, c, k.b, 2);
          k.ex.binaryF32(arith, k.a, k.b, k.a, c);
          copyOut(k.f32, out, i, c, k.a >> 2);
        }
        return;
      }
      const cmp = COMPARE[code];
      if (cmp !== undefined && out instanceof Uint8Array) {
        for (let i = 0; i < n; i += CHUNK) {
          const c = Math.min(CHUNK, n - i);
          copyIn(k.f32, a, i, c, k.a, 2);
          copyIn(k.f32, b, i, c, k.b, 2);
          k.ex.compareF32(cmp, k.a, k.b, k.c, c);
          copyOut(k.u8, out, i, c, k.c);
        }
        return;
      }
    } else if (a instanceof Float64Array && b instanceof Float64Array) {
      const arith = ARITH[code];
      if (arith !== undefined && out instanceof Float64Array) {
        for (let i = 0; i < n; i += CHUNK) {
          const c = Math.min(CHUNK, n - i);
          copyIn(k.f64, a, i, c, k.a, 3);
          copyIn(k.f64, b, i, c, k.b, 3);
          k.ex.binaryF64(arith, k.a, k.b, k.a, c);
          copyOut(k.f64, out, i, c, k.a >> 3);
        }
        return;
      }
    } else if (code === 'mul' && out instanceof Float32Array) {
      // A float32 tensor times a bool mask (relu's backward pass), in either order.
      const x = a instanceof Float32Array && b instanceof Uint8Array ? a : b;
      const m = x === a ? b : a;
      if (x instanceof Float32Array && m instanceof Uint8Array) {
        for (let i = 0; i < n; i += CHUNK) {
          const c = Math.min(CHUNK, n - i);
          copyIn(k.f32, x, i, c, k.a, 2);
          k.u8.set(c === n ? m : m.subarray(i, i + c), k.c);
          k.ex.mulMaskF32(k.a, k.c, k.a, c);
          copyOut(k.f32, out, i, c, k.a >> 2);
        }
        return;
      }
    }
  }
  jsBackend.binary(code, a, b, out);
}

function binaryScalar(
  code: BinaryCode,
  a: TypedArray,
  s: number,
  out: TypedArray,
  left: boolean,
): void {
  const n = out.length;
  const k = n < MIN_CHEAP ? null : kernels();
  if (k) {
    if (a instanceof Float32Array) {
      const arith = ARITH[code];
      const exact = Math.fround(s) === s;
      // A scalar that float32 cannot hold runs in float64 (rounded once), as the JS loop does.
      const w = arith !== undefined && !exact ? wideKernels() : k;
      if (arith !== undefined && w && out instanceof Float32Array) {
        const run = exact
          ? (w as ChunkArena<EwiseExports>).ex.scalarF32
          : (w as ChunkArena<WideExports>).ex.scalarWideF32;
        for (let i = 0; i < n; i += CHUNK) {
          const c = Math.min(CHUNK, n - i);
          copyIn(w.f32, a, i, c, w.a, 2);
          run(arith, w.a, s, w.a, c, left ? 1 : 0);
          copyOut(w.f32, out, i, c, w.a >> 2);
        }
        return;
      }
      const cmp = COMPARE[code];
      // Comparing with a scalar that float32 cannot hold stays in JS (float64 comparison).
      if (cmp !== undefined && exact && out instanceof Uint8Array) {
        const op = left ? MIRROR[cmp] : cmp;
        for (let i = 0; i < n; i += CHUNK) {
          const c = Math.min(CHUNK, n - i);
          copyIn(k.f32, a, i, c, k.a, 2);
          k.ex.compareScalarF32(op, k.a, s, k.c, c);
          copyOut(k.u8, out, i, c, k.c);
        }
        return;
      }
    } else if (a instanceof Float64Array && out instanceof Float64Array) {
      const arith = ARITH[code];
      if (arith !== undefined) {
        for (let i = 0; i < n; i += CHUNK) {
          const c = Math.min(CHUNK, n - i);
          copyIn(k.f64, a, i, c, k.a, 3);
          k.ex.scalarF64(arith, k.a, s, k.a, c, left ? 1 : 0);
          copyOut(k.f64, out, i, c, k.a >> 3);
        }
        return;
      }
    }
  }
  jsBackend.binaryScalar(code, a, s, out, left);
}

/**
 * The element-wise kernels of the WASM tier: {@link Backend.unary}, {@link Backend.binary} and
 * {@link Backend.binaryScalar}, each running the WASM SIMD kernel where one exists for the
 * code and dtypes and the array is long enough, and the JS tier's loop otherwise.
 */
export const ewiseKernels: Pick<Backend, 'unary' | 'binary' | 'binaryScalar'> = {
  unary,
  binary,
  binaryScalar,
};

/** Whether both element-wise modules loaded (compiling them now if not yet); for tests. */
export function ewiseAvailable(): boolean {
  return kernels() !== null && wideKernels() !== null;
}
