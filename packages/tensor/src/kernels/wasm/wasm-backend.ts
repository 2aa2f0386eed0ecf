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
 * scratch) and is reused by every call. Single-threaded: worker threads were not attempted —
 * the 2-core machine gd is measured on is shared with other work (load averages 10–50), so no
 * second core is free to show a gain, and most products in gd's models take 0.1–2 ms.
 */
import type { TypedArray } from '../../dtype';
import type { Backend } from '../backend';
import { jsBackend } from '../js';
import { GEMM_RELAXED, GEMM_SIMD } from './binary.generated';
import { ewiseKernels } from './ewise';
import { Arena, align16, instantiateKernels } from './module';

interface KernelExports {
  memory: WebAssembly.Memory;
  packASize(): number;
  packBSize(): number;
  gemmF32(
    a: number,
    ta: number,
    b: number,
    tb: number,
    c: number,
    m: number,
    n: number,
    k: number,
    ap: number,
    bp: number,
    tile: number,
  ): void;
  gemmF64(
    a: number,
    ta: number,
    b: number,
    tb: number,
    c: number,
    m: number,
    n: number,
    k: number,
    ap: number,
    bp: number,
    tile: number,
  ): void;
}

// Pure-annotated so that a bundle which never reaches the kernels drops the embedded modules.
const loaded = /* @__PURE__ */ instantiateKernels<KernelExports>(GEMM_SIMD, GEMM_RELAXED);

/** Below this many multiply-adds the copies in and out cost more than the SIMD kernel saves. */
const SMALL = 4096;
const TILE = 1024;
const PACK_A = 2048;

/** The gemm module's memory: packing scratch first, then the operands of the current product. */
class GemmArena extends Arena {
  readonly ex: KernelExports;
  readonly packB: number;
  readonly data: number;

  constructor(ex: KernelExports) {
    super(ex.memory);
    this.ex = ex;
    this.packB = PACK_A + ex.packASize();
    this.data = this.packB + ex.packBSize();
  }
}

const arena = /* @__PURE__ */ ((l) => (l ? new GemmArena(l.exports) : null))(loaded);

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
  if (!arena || (!f32 && !f64) || m === 0 || n === 0 || k === 0 || m * n * k < SMALL) {
    jsBackend.gemm(a, aOff, transA, b, bOff, transB, out, outOff, m, n, k);
    return;
  }
  const sz = f32 ? 4 : 8;
  const pa = arena.data;
  const pb = align16(pa + m * k * sz);
  const pc = align16(pb + k * n * sz);
  arena.ensure(pc + m * n * sz);
  const view = f32 ? arena.f32 : arena.f64;
  const shift = f32 ? 2 : 3;
  view.set(a.subarray(aOff, aOff + m * k), pa >> shift);
  view.set(b.subarray(bOff, bOff + k * n), pb >> shift);
  const run = f32 ? arena.ex.gemmF32 : arena.ex.gemmF64;
  run(pa, transA ? 1 : 0, pb, transB ? 1 : 0, pc, m, n, k, PACK_A, arena.packB, TILE);
  out.set(view.subarray(pc >> shift, (pc >> shift) + m * n), outOff);
}

/**
 * The WASM SIMD tier, or `null` where WebAssembly SIMD is unavailable. Matrix products of
 * float32/float64 run in WASM; every other kernel is the JS tier's.
 */
export const wasmBackend: Backend | null = /* @__PURE__ */ ((a) =>
  a ? { ...jsBackend, ...ewiseKernels, gemm } : null)(arena);

/** Whether the WASM tier uses relaxed SIMD (fused multiply-add); false without a WASM tier. */
export const wasmRelaxedSimd: boolean = /* @__PURE__ */ ((l) => l?.relaxed ?? false)(loaded);
