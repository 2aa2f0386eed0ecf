/**
 * The WASM side of the fused optimizer updates (../../optim-kernels.ts): the module compiled from
 * ../../../assembly/optim.ts, instantiated on the first call (a bundle that never updates
 * parameters through it drops the module), and the copies in and out of its memory.
 *
 * Memory: parameters, gradients and optimizer state stay in ordinary (garbage-collected) typed
 * arrays; each update copies them through this module's memory in chunks of {@link CHUNK}
 * elements, so the copies stay in the L2 cache. Measured on the 2-core development machine
 * (2026-12-03, load ≈ 4, min of 15 interleaved rounds) for Adam on the Fashion-MNIST MLP's 235 146
 * float32 parameters: JS loop 9.6 ns/param; WASM with copies in 16 Ki chunks 2.95 (4 Ki and 64 Ki
 * the same, whole arrays at once 3.23); WASM with m and v resident in its memory (only g copied
 * in) 2.68, the kernel alone 2.49. Float64: JS 6.45, chunked copies 3.49, resident 2.52. Adam is
 * bound by its two divisions and square root, so resident state would save ~10 % of a float32
 * `opt.step()` (~0.06 ms per step; ~28 % in float64). SGD with momentum, memory-bound, still gains
 * with the copies: 3.6 → 1.3 ns/param (float32, same MLP). Resident state is not worth making
 * `AdamState.expAvg` a view that detaches whenever the memory grows, needs a finalizer to be
 * freed, and breaks `stateDict()` and @gd/nn's saveTrainingState, which read and replace those
 * arrays.
 */
import type { AdamScalars, SgdScalars } from '../../optim-kernels';
import { OPTIM_SIMD } from './binary.generated';
import { Arena, align16, instantiateKernels } from './module';

type AdamKernel = (
  p: number,
  g: number,
  m: number,
  v: number,
  vmax: number,
  n: number,
  beta1: number,
  beta2: number,
  c1: number,
  c2: number,
  negStep: number,
  bc2Sqrt: number,
  bc2: number,
  eps: number,
  sign: number,
  coupled: number,
  decay: number,
  flags: number,
) => void;

type SgdKernel = (
  p: number,
  g: number,
  buf: number,
  n: number,
  negLr: number,
  momentum: number,
  keep: number,
  wd: number,
  sign: number,
  flags: number,
) => void;

interface OptimExports {
  memory: WebAssembly.Memory;
  adamF32: AdamKernel;
  adamF64: AdamKernel;
  sgdF32: SgdKernel;
  sgdF64: SgdKernel;
}

/** Elements per chunk: 5 float64 arrays of 16 Ki elements are 640 KB, within L2. */
const CHUNK = 16384;

let state: { arena: Arena; ex: OptimExports } | null | undefined;

/** The module and its memory, instantiated on first use; `null` without WebAssembly SIMD. */
function load(): { arena: Arena; ex: OptimExports } | null {
  if (state !== undefined) return state;
  // Both builds of assembly/optim.ts compute the same (plain SIMD opcodes only), so the plain one
  // is loaded everywhere and the relaxed one is never bundled.
  const l = instantiateKernels<OptimExports>(OPTIM_SIMD, OPTIM_SIMD);
  state = l ? { arena: new Arena(l.exports.memory), ex: l.exports } : null;
  return state;
}

/** Whether the optimizer kernels' WASM module runs here. */
export function optimWasmAvailable(): boolean {
  return load() !== null;
}

type FloatArray = Float32Array | Float64Array;

/**
 * Copies `arrays` (all float32 or all float64, of one length; `null` entries skipped) into the
 * module's memory chunk by chunk, calls `kernel(len)` with the chunk's pointers in {@link ptrs},
 * and copies every array but the gradient (index 1) back.
 */
function throughMemory(
  arena: Arena,
  arrays: readonly (FloatArray | null)[],
  chunk: number,
  kernel: (len: number) => void,
): void {
  const p = arrays[0] as FloatArray;
  const n = p.length;
  const f32 = p instanceof Float32Array;
  const shift = f32 ? 2 : 3;
  const c = Math.min(chunk, n);
  const stride = align16(c << shift);
  arena.ensure(arrays.length * stride);
  for (let k = 0; k < arrays.length; k++) ptrs[k] = k * stride;
  const view = f32 ? arena.f32 : arena.f64;
  for (let i = 0; i < n; i += c) {
    const e = Math.min(i + c, n);
    for (let k = 0; k < arrays.length; k++) {
      const a = arrays[k];
      // One chunk (most parameters): copy the arrays themselves, sparing the subarray objects.
      if (a !== null) view.set(c === n ? a : a.subarray(i, e), ptrs[k] >> shift);
    }
    kernel(e - i);
    for (let k = 0; k < arrays.length; k++) {
      const a = arrays[k];
      if (a !== null && k !== 1)
        a.set(view.subarray(ptrs[k] >> shift, (ptrs[k] >> shift) + e - i), i);
    }
  }
}

/** Byte offsets of the current chunk's arrays in the module's memory. */
const ptrs = [0, 0, 0, 0, 0];

/**
 * Runs the Adam kernel over `p`, `g`, `m`, `v` (and `vmax` for AMSGrad), all float32 or all
 * float64 and of one length, chunk by chunk through the module's memory. Returns false (having
 * done nothing) when the module is unavailable.
 */
export function adamWasm(
  p: FloatArray,
  g: FloatArray,
  m: FloatArray,
  v: FloatArray,
  vmax: FloatArray | null,
  s: AdamScalars,
  chunk: number = CHUNK,
): boolean {
  const st = load();
  if (st === null) return false;
  const kernel = p instanceof Float32Array ? st.ex.adamF32 : st.ex.adamF64;
  // Bit 1 (AMSGrad) follows vmax, so the kernel never touches a maximum that was not copied in.
  const flags = vmax ? s.flags | 1 : s.flags & ~1;
  throughMemory(st.arena, [p, g, m, v, vmax], chunk, (len) =>
    kernel(
      ptrs[0],
      ptrs[1],
      ptrs[2],
      ptrs[3],
      ptrs[4],
      len,
      s.beta1,
      s.beta2,
      s.c1,
      s.c2,
      s.negStep,
      s.bc2Sqrt,
      s.bc2,
      s.eps,
      s.sign,
      s.coupled,
      s.decay,
      flags,
    ),
  );
  return true;
}

/**
 * Runs the SGD kernel over `p`, `g` and (with momentum) `buf`, all float32 or all float64 and of
 * one length, chunk by chunk through the module's memory. Returns false (having done nothing)
 * when the module is unavailable.
 */
export function sgdWasm(
  p: FloatArray,
  g: FloatArray,
  buf: FloatArray | null,
  s: SgdScalars,
  chunk: number = CHUNK,
): boolean {
  const st = load();
  if (st === null) return false;
  const kernel = p instanceof Float32Array ? st.ex.sgdF32 : st.ex.sgdF64;
  // Bit 2 (momentum) follows buf, so the kernel never touches a buffer that was not copied in.
  const flags = buf ? s.flags | 2 : s.flags & ~6;
  throughMemory(st.arena, [p, g, buf], chunk, (len) =>
    kernel(
      ptrs[0],
      ptrs[1],
      ptrs[2],
      len,
      s.negLr,
      s.momentum,
      s.keep,
      s.weightDecay,
      s.sign,
      flags,
    ),
  );
  return true;
}
