/**
 * Loading the WASM kernel modules: relaxed-SIMD detection (once per process) and synchronous
 * instantiation from the base64 embedded by scripts/build-wasm.mjs, plus {@link Arena}, the
 * grow-only scratch memory a module's kernels work in. Each kernel file (gemm in
 * ./wasm-backend.ts, others beside it) instantiates its own module lazily, so a bundle that never
 * reaches a kernel drops its module.
 */
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

let relaxedChecked: boolean | undefined;

/** Whether this runtime runs relaxed SIMD (probing once; `GD_WASM_RELAXED=0` says no). */
export function relaxedSimdAvailable(): boolean {
  if (relaxedChecked !== undefined) return relaxedChecked;
  if (typeof WebAssembly !== 'object') return (relaxedChecked = false);
  let relaxed = WebAssembly.validate(RELAXED_PROBE);
  if (!relaxed) {
    enableRelaxedOnNode();
    relaxed = WebAssembly.validate(RELAXED_PROBE);
  }
  const env = (globalThis as { process?: NodeProcess }).process?.env;
  if (env?.GD_WASM_RELAXED === '0') relaxed = false;
  relaxedChecked = relaxed;
  return relaxed;
}

/** A compiled kernel module, the variant picked and its instance's exports. */
export interface LoadedModule<E> {
  module: WebAssembly.Module;
  exports: E;
  relaxed: boolean;
}

/**
 * Compiles and instantiates one kernel module from its two embedded variants (relaxed SIMD when
 * available), synchronously; `null` without WebAssembly SIMD or where synchronous compilation is
 * refused. `imports` are passed to the instance (e.g. a shared memory).
 */
export function instantiateKernels<E>(
  simdBase64: string,
  relaxedBase64: string,
  imports: WebAssembly.Imports = {},
): LoadedModule<E> | null {
  if (typeof WebAssembly !== 'object') return null;
  const relaxed = relaxedSimdAvailable();
  const bytes = decodeBase64(relaxed ? relaxedBase64 : simdBase64);
  if (!WebAssembly.validate(bytes)) return null;
  try {
    const module = new WebAssembly.Module(bytes);
    const inst = new WebAssembly.Instance(module, imports);
    return { module, exports: inst.exports as unknown as E, relaxed };
  } catch {
    // e.g. a browser main thread that forbids synchronous compilation: stay on the JS tier.
    return null;
  }
}

const PAGE = 65536;

/**
 * A module's linear memory used as grow-only scratch: {@link Arena.ensure} grows it to a size and
 * refreshes the typed views when the buffer moved. Nothing is freed; every call reuses it.
 */
export class Arena {
  readonly memory: WebAssembly.Memory;
  private buf: ArrayBufferLike;
  f32: Float32Array;
  f64: Float64Array;
  u8: Uint8Array;

  constructor(memory: WebAssembly.Memory) {
    this.memory = memory;
    this.buf = memory.buffer;
    this.f32 = new Float32Array(this.buf);
    this.f64 = new Float64Array(this.buf);
    this.u8 = new Uint8Array(this.buf);
  }

  /** Makes the memory at least `bytes` long; refreshes the views when it moved. */
  ensure(bytes: number): void {
    const mem = this.memory;
    if (mem.buffer.byteLength < bytes) mem.grow(Math.ceil((bytes - mem.buffer.byteLength) / PAGE));
    if (mem.buffer !== this.buf) {
      this.buf = mem.buffer;
      this.f32 = new Float32Array(this.buf);
      this.f64 = new Float64Array(this.buf);
      this.u8 = new Uint8Array(this.buf);
    }
  }
}

/** Rounds a byte offset up to a multiple of 16 (v128 alignment). */
export const align16 = (x: number): number => (x + 15) & ~15;
