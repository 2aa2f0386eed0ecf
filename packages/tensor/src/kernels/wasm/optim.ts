/**
 * The WASM side of the fused optimizer updates (../../optim-kernels.ts): the module compiled from
 * ../../../assembly/optim.ts, instantiated on the first call (a bundle that never updates
 * parameters through it drops the module), and the copies in and out of its memory.
 *
 * Memory: parameters, gradients and Adam's moments stay in ordinary (garbage-collected) typed
 * arrays; each update copies them through this module's memory in chunks of {@link CHUNK}
 * elements, so the copies stay in the L2 cache. Measured (see adamWasm) against keeping the
 * moments resident in WASM memory, which would save copying m and v in and out but would make
 * `AdamState.expAvg` a view that detaches whenever the memory grows and needs a finalizer to free.
 */
import type { AdamScalars } from '../../optim-kernels';
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

interface OptimExports {
  memory: WebAssembly.Memory;
  adamF32: AdamKernel;
  adamF64: AdamKernel;
}

/** Elements per chunk: 5 float64 arrays of 16 Ki elements are 640 KB, within L2. */
export const CHUNK = 16384;

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

/**
 * Runs the Adam kernel over `p`, `g`, `m`, `v` (and `vmax` for AMSGrad), all float32 or all
 * float64 and of one length, chunk by chunk through the module's memory. Returns false (having
 * done nothing) when the module is unavailable.
 */
export function adamWasm(
  p: Float32Array | Float64Array,
  g: Float32Array | Float64Array,
  m: Float32Array | Float64Array,
  v: Float32Array | Float64Array,
  vmax: Float32Array | Float64Array | null,
  s: AdamScalars,
  chunk: number = CHUNK,
): boolean {
  const st = load();
  if (st === null) return false;
  const { arena, ex } = st;
  const n = p.length;
  const f32 = p instanceof Float32Array;
  const sz = f32 ? 4 : 8;
  const shift = f32 ? 2 : 3;
  const c = Math.min(chunk, n);
  const stride = align16(c * sz);
  const pp = 0;
  const pg = stride;
  const pm = 2 * stride;
  const pv = 3 * stride;
  const pmax = 4 * stride;
  arena.ensure((vmax ? 5 : 4) * stride);
  const kernel = f32 ? ex.adamF32 : ex.adamF64;
  // Bit 1 (AMSGrad) follows vmax, so the kernel never touches a maximum that was not copied in.
  const flags = vmax ? s.flags | 1 : s.flags & ~1;
  for (let i = 0; i < n; i += c) {
    const e = Math.min(i + c, n);
    const len = e - i;
    const view = f32 ? arena.f32 : arena.f64;
    // One chunk (most parameters): copy the arrays themselves, sparing the subarray objects.
    view.set(c === n ? p : p.subarray(i, e), pp >> shift);
    view.set(c === n ? g : g.subarray(i, e), pg >> shift);
    view.set(c === n ? m : m.subarray(i, e), pm >> shift);
    view.set(c === n ? v : v.subarray(i, e), pv >> shift);
    if (vmax) view.set(c === n ? vmax : vmax.subarray(i, e), pmax >> shift);
    kernel(
      pp,
      pg,
      pm,
      pv,
      pmax,
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
    );
    p.set(view.subarray(pp >> shift, (pp >> shift) + len), i);
    m.set(view.subarray(pm >> shift, (pm >> shift) + len), i);
    v.set(view.subarray(pv >> shift, (pv >> shift) + len), i);
    if (vmax) vmax.set(view.subarray(pmax >> shift, (pmax >> shift) + len), i);
  }
  return true;
}
