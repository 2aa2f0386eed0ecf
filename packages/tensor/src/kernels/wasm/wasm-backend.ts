/**
 * The WASM SIMD kernel tier. The gemm module (compiled from ../../../assembly/gemm.ts by
 * scripts/build-wasm.mjs, embedded as base64; loading in ./module.ts) is instantiated synchronously when this file is
 * first imported — no file or network access, in Node and in browsers. Relaxed SIMD (fused
 * multiply-add) is used when the runtime validates it, plain SIMD otherwise; without WASM SIMD
 * there is no WASM tier and {@link wasmBackend} is `null`.
 *
 * Measured on the 2-core AMD EPYC development machine (Node 20, float32 512², raw kernel):
 * plain SIMD 43 GFLOP/s, relaxed SIMD 50 (+16%; float64 21 → 24.5), so Node 20 gets V8's
 * relaxed-SIMD flag (see enableRelaxedOnNode in ./module.ts). A 6×8 float32 tile (12 accumulators) measured
 * 2–4× slower than this 4×8 one in an interleaved A/B run (likely register spills in V8).
 *
 * Memory: tensors keep their data in ordinary (garbage-collected) typed arrays. A product copies
 * its operands into this module's memory, multiplies there and copies the result out: O(mk+kn+mn)
 * memcpy-speed copying against O(mnk) arithmetic, so users never free anything. Keeping tensors
 * in WASM memory instead would save those copies (a few percent of an MLP step: ~0.2 MB per
 * 128×784 operand at ≥ 10 GB/s, against ~1 ms of arithmetic per product) but needs a
 * finalizer-driven allocator and a different Tensor storage; not worth it for the products gd
 * runs. The module's memory only grows (to the largest product seen plus ~2.3 MB of packing
 * scratch per thread) and is reused by every call.
 *
 * Threads: the memory is a shared `WebAssembly.Memory` where the runtime allows it, and products
 * of at least {@link THREAD_MIN} multiply-adds are split between the calling thread and helper
 * workers running the same module on the same memory (./gemm-threads.ts): C's columns (or rows,
 * when op(A) has more rows than op(B) has columns) are cut at multiples of 64 bytes, each thread
 * packs its own panels, and the k-blocking depends on k alone, so the result is bit-identical to
 * the single-threaded one. Thread count: `setNumThreads` (kernels/index.ts), env `GD_NUM_THREADS`.
 */
import type { TypedArray } from '../../dtype';
import type { Backend } from '../backend';
import { jsBackend } from '../js';
import { GEMM_RELAXED, GEMM_SIMD } from './binary.generated';
import {
  CTRL_END,
  type GemmFn,
  GemmPool,
  MAX_CHUNKS,
  TILE_BYTES,
  createSharedMemory,
  threadSetting,
  unshareMemoryImport,
} from './gemm-threads';
import {
  Arena,
  type LoadedModule,
  align16,
  instantiateKernels,
  relaxedSimdAvailable,
} from './module';
import { ewiseKernels } from './ewise';

interface KernelExports {
  packASize(): number;
  packBSize(): number;
  gemmF32: GemmFn;
  gemmF64: GemmFn;
}

/** The loaded gemm module: its exports, its memory, and whether that memory is shared. */
export interface GemmModule extends LoadedModule<KernelExports> {
  memory: WebAssembly.Memory;
  shared: boolean;
}

function decodeBase64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Compiles and instantiates the gemm module (relaxed SIMD when available) on a new memory:
 * shared when the runtime allows it and `shared` is not false, else a plain memory (the module's
 * memory import is rewritten as unshared). `null` without WebAssembly SIMD.
 */
export function loadGemm(shared = true): GemmModule | null {
  if (typeof WebAssembly !== 'object') return null;
  const sharedMemory = shared ? createSharedMemory() : null;
  if (sharedMemory) {
    const l = instantiateKernels<KernelExports>(GEMM_SIMD, GEMM_RELAXED, {
      env: { memory: sharedMemory },
    });
    return l && { ...l, memory: sharedMemory, shared: true };
  }
  const relaxed = relaxedSimdAvailable();
  const bytes = decodeBase64(relaxed ? GEMM_RELAXED : GEMM_SIMD);
  unshareMemoryImport(bytes);
  let memory: WebAssembly.Memory | null = null;
  for (const maximum of [65536, 16384, 4096]) {
    try {
      memory = new WebAssembly.Memory({ initial: 1, maximum });
      break;
    } catch {}
  }
  if (!memory || !WebAssembly.validate(bytes)) return null;
  try {
    const module = new WebAssembly.Module(bytes);
    const inst = new WebAssembly.Instance(module, { env: { memory } });
    const exports = inst.exports as unknown as KernelExports;
    return { module, exports, memory, relaxed, shared: false };
  } catch {
    // e.g. a browser main thread that forbids synchronous compilation: stay on the JS tier.
    return null;
  }
}

/** Below this many multiply-adds the copies in and out cost more than the SIMD kernel saves. */
const SMALL = 4096;
/**
 * Products of at least this many multiply-adds (m·n·k) are shared between threads; smaller ones
 * run on the calling thread alone. 2²² multiply-adds take ~0.2 ms on one thread (≈ 45 GFLOP/s),
 * several times a helper's wake-up (tens of µs), so halving them pays; below that the wake-up
 * and the duplicated packing eat the gain. (On the shared development machine, busy with other
 * work, the second core was rarely free, so the threshold is from this estimate, not a sweep.)
 */
export const THREAD_MIN = 1 << 22;
/** Chunks per thread a shared product is cut into (claimed dynamically). */
const CHUNKS_PER_THREAD = 2;

/** A gemm instance and its memory: control blocks, per-thread scratch, then the operands. */
export class GemmRunner extends Arena {
  readonly ex: KernelExports;
  readonly pool: GemmPool | null;
  private readonly packA: number;
  private readonly slot: number;

  constructor(g: GemmModule) {
    super(g.memory);
    this.ex = g.exports;
    this.pool = g.shared ? new GemmPool(g.module, g.memory) : null;
    this.packA = g.exports.packASize();
    this.slot = align16(TILE_BYTES + this.packA + g.exports.packBSize());
  }

  /** Threads a product of m·n·k multiply-adds gets now (1 when small or no helper is ready). */
  threadsFor(m: number, n: number, k: number): number {
    const want = threadSetting();
    if (!this.pool) return 1;
    if (want <= 1) {
      if (this.pool.started) this.pool.close();
      return 1;
    }
    if (m * n * k < THREAD_MIN) return 1;
    return this.pool.ready(want);
  }

  /**
   * C = op(A)·op(B) into `out` (at `outOff`) using `threads` threads (1 = the caller's alone).
   * Exposed for tests comparing thread counts; gemm() below picks the count.
   */
  run(
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
    threads: number,
  ): void {
    const f64 = out instanceof Float64Array;
    const sz = f64 ? 8 : 4;
    const shift = f64 ? 3 : 2;
    const scratch = align16(CTRL_END);
    // Shares are cut at multiples of 64 bytes of C's rows (column blocks) or of 4 rows.
    const byCols = m <= n;
    const unit = byCols ? 64 / sz : 4;
    const units = Math.ceil((byCols ? n : m) / unit);
    const t = Math.max(1, Math.min(threads, units));
    const pool = this.pool;
    // Scratch for every thread that may claim a chunk: any started helper can, once ready.
    const slots = t > 1 && pool ? Math.max(t, pool.started + 1) : 1;
    const pa = scratch + slots * this.slot;
    const pb = align16(pa + m * k * sz);
    const pc = align16(pb + k * n * sz);
    this.ensure(pc + m * n * sz);
    const view = f64 ? this.f64 : this.f32;
    view.set(a.subarray(aOff, aOff + m * k), pa >> shift);
    view.set(b.subarray(bOff, bOff + k * n), pb >> shift);
    const lda = transA ? m : k;
    const ldb = transB ? k : n;
    const ta = transA ? 1 : 0;
    const tb = transB ? 1 : 0;
    const fn = f64 ? this.ex.gemmF64 : this.ex.gemmF32;
    let done = false;
    if (t > 1 && pool) {
      // Chunks are claimed dynamically, so a helper that wakes late takes fewer of them.
      const nch = Math.min(units, CHUNKS_PER_THREAD * t, MAX_CHUNKS);
      const len = byCols ? n : m;
      const chunks: number[] = [];
      for (let i = 0; i < nch; i++) {
        const lo = Math.min(Math.floor((units * i) / nch) * unit, len);
        const hi = Math.min(Math.floor((units * (i + 1)) / nch) * unit, len);
        if (hi <= lo) continue;
        if (byCols)
          chunks.push(
            pa,
            lda,
            ta,
            pb + (transB ? lo * ldb : lo) * sz,
            ldb,
            tb,
            pc + lo * sz,
            n,
            m,
            hi - lo,
            k,
          );
        else
          chunks.push(
            pa + (transA ? lo : lo * lda) * sz,
            lda,
            ta,
            pb,
            ldb,
            tb,
            pc + lo * n * sz,
            n,
            hi - lo,
            n,
            k,
          );
      }
      done = pool.run({ op: f64 ? 1 : 0, chunks, scratch, slot: this.slot, packA: this.packA }, fn);
    }
    if (!done)
      fn(
        pa,
        lda,
        ta,
        pb,
        ldb,
        tb,
        pc,
        n,
        m,
        n,
        k,
        scratch + TILE_BYTES,
        scratch + TILE_BYTES + this.packA,
        scratch,
      );
    out.set(view.subarray(pc >> shift, (pc >> shift) + m * n), outOff);
  }
}

// Pure-annotated so that a bundle which never reaches the kernels drops the embedded modules.
const loaded = /* @__PURE__ */ loadGemm();

const runner = /* @__PURE__ */ ((l) => (l ? new GemmRunner(l) : null))(loaded);

function gemm(
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
): void {
  const f32 = a instanceof Float32Array && b instanceof Float32Array && out instanceof Float32Array;
  const f64 =
    !f32 && a instanceof Float64Array && b instanceof Float64Array && out instanceof Float64Array;
  if (!runner || (!f32 && !f64) || m === 0 || n === 0 || k === 0 || m * n * k < SMALL) {
    jsBackend.gemm(a, aOff, transA, b, bOff, transB, out, outOff, m, n, k);
    return;
  }
  runner.run(a, aOff, transA, b, bOff, transB, out, outOff, m, n, k, runner.threadsFor(m, n, k));
}

/** The gemm runner of the WASM tier (null without one), for tests and benchmarks. */
export const gemmRunner: GemmRunner | null = runner;

/**
 * The WASM SIMD tier, or `null` where WebAssembly SIMD is unavailable. Matrix products of
 * float32/float64 run in WASM (threaded when large, see ./gemm-threads.ts), and so do the
 * element-wise kernels of ./ewise.ts; reductions, rows, scans and `select` are the JS tier's.
 */
export const wasmBackend: Backend | null = /* @__PURE__ */ ((a) =>
  a ? { ...jsBackend, ...ewiseKernels, gemm } : null)(runner);

/** Whether the WASM tier uses relaxed SIMD (fused multiply-add); false without a WASM tier. */
export const wasmRelaxedSimd: boolean = /* @__PURE__ */ ((l) => l?.relaxed ?? false)(loaded);
