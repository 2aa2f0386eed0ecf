/**
 * The WASM SIMD kernel tier. The module (compiled from ../../../assembly by
 * scripts/build-wasm.mjs, embedded as base64) is instantiated synchronously when this file is
 * first imported — no file or network access, in Node and in browsers. Relaxed SIMD (fused
 * multiply-add) is used when the runtime validates it, plain SIMD otherwise; without WASM SIMD
 * there is no WASM tier and {@link wasmBackend} is `null`.
 *
 * Measured on the 2-core AMD EPYC development machine (Node 20, float32 512², raw kernel):
 * plain SIMD 43 GFLOP/s, relaxed SIMD 50 (+16%; float64 21 → 24.5), so Node 20 gets V8's
 * relaxed-SIMD flag (see enableRelaxedOnNode). A 6×8 float32 tile (12 accumulators) measured
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
import { RELAXED_WASM, SIMD_WASM } from './binary.generated';

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

/**
 * A module whose one function is `f32x4.relaxed_madd` (opcode 0xfd 0x85 0x02): it validates
 * exactly when the runtime supports relaxed SIMD.
 */
const RELAXED_PROBE = Uint8Array.of(
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00, // magic, version
  0x01,
  0x08,
  0x01,
  0x60,
  0x03,
  0x7b,
  0x7b,
  0x7b,
  0x01,
  0x7b, // type: (v128 ×3) → v128
  0x03,
  0x02,
  0x01,
  0x00, // one function of type 0
  0x0a,
  0x0d,
  0x01,
  0x0b,
  0x00, // code: one body of 11 bytes, no locals
  0x20,
  0x00,
  0x20,
  0x01,
  0x20,
  0x02,
  0xfd,
  0x85,
  0x02,
  0x0b, // a b c relaxed_madd end
);

function decodeBase64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

type NodeProcess = {
  getBuiltinModule?: (id: string) => unknown;
  env?: Record<string, string | undefined>;
};

/**
 * Node 20 ships relaxed SIMD behind a V8 flag (Node ≥ 22 and Chrome have it on). The flag only
 * enables extra WASM opcodes; it is set before any module of ours compiles, and only when the
 * probe fails, so other runtimes are untouched. `GD_WASM_RELAXED=0` opts out.
 */
function enableRelaxedOnNode(): void {
  const proc = (globalThis as { process?: NodeProcess }).process;
  if (!proc?.getBuiltinModule || proc.env?.GD_WASM_RELAXED === '0') return;
  try {
    const v8 = proc.getBuiltinModule('node:v8') as { setFlagsFromString?: (f: string) => void };
    v8?.setFlagsFromString?.('--experimental-wasm-relaxed-simd');
  } catch {
    // Not Node, or the flag is unknown: plain SIMD it is.
  }
}

function instantiate(): { ex: KernelExports; relaxed: boolean } | null {
  if (typeof WebAssembly !== 'object') return null;
  let relaxed = WebAssembly.validate(RELAXED_PROBE);
  if (!relaxed) {
    enableRelaxedOnNode();
    relaxed = WebAssembly.validate(RELAXED_PROBE);
  }
  const env = (globalThis as { process?: NodeProcess }).process?.env;
  if (env?.GD_WASM_RELAXED === '0') relaxed = false;
  const bytes = decodeBase64(relaxed ? RELAXED_WASM : SIMD_WASM);
  if (!WebAssembly.validate(bytes)) return null;
  try {
    const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
    return { ex: inst.exports as unknown as KernelExports, relaxed };
  } catch {
    // e.g. a browser main thread that forbids synchronous compilation: stay on the JS tier.
    return null;
  }
}

// Pure-annotated so that a bundle which never reaches the kernels drops the embedded modules.
const loaded = /* @__PURE__ */ instantiate();

/** Below this many multiply-adds the copies in and out cost more than the SIMD kernel saves. */
const SMALL = 4096;
const PAGE = 65536;
const TILE = 1024;
const PACK_A = 2048;

class Arena {
  readonly ex: KernelExports;
  readonly packB: number;
  readonly data: number;
  private buf: ArrayBuffer;
  f32: Float32Array;
  f64: Float64Array;

  constructor(ex: KernelExports) {
    this.ex = ex;
    this.packB = PACK_A + ex.packASize();
    this.data = this.packB + ex.packBSize();
    this.buf = ex.memory.buffer;
    this.f32 = new Float32Array(this.buf);
    this.f64 = new Float64Array(this.buf);
  }

  /** Makes the memory at least `bytes` long; refreshes the views when it moved. */
  ensure(bytes: number): void {
    const mem = this.ex.memory;
    if (mem.buffer.byteLength < bytes) mem.grow(Math.ceil((bytes - mem.buffer.byteLength) / PAGE));
    if (mem.buffer !== this.buf) {
      this.buf = mem.buffer;
      this.f32 = new Float32Array(this.buf);
      this.f64 = new Float64Array(this.buf);
    }
  }
}

const arena = /* @__PURE__ */ ((l) => (l ? new Arena(l.ex) : null))(loaded);

const align16 = (x: number): number => (x + 15) & ~15;

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
  a ? { ...jsBackend, gemm } : null)(arena);

/** Whether the WASM tier uses relaxed SIMD (fused multiply-add); false without a WASM tier. */
export const wasmRelaxedSimd: boolean = /* @__PURE__ */ ((l) => l?.relaxed ?? false)(loaded);
