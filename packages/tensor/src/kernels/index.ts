import { GdRangeError, GdTypeError } from '@gd/errors';
import type { Backend } from './backend';
import { jsBackend } from './js';
import { MAX_THREADS, setThreadSetting, threadSetting } from './wasm/gemm-threads';
import { gemmRunner, wasmBackend, wasmRelaxedSimd } from './wasm/wasm-backend';

export type {
  Backend,
  BinaryCode,
  ReduceCode,
  RowCode,
  ScanCode,
  UnaryCode,
} from './backend';

/** The built-in kernel tiers: `'wasm'` (WebAssembly SIMD) and `'js'` (TypeScript, the reference). */
export type BackendName = 'js' | 'wasm';

function initial(): Backend {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  if (env?.GD_BACKEND === 'js' || !wasmBackend) return jsBackend;
  return wasmBackend;
}

let active: Backend = /* @__PURE__ */ initial();

/** The kernels ops call. */
export function backend(): Backend {
  return active;
}

/**
 * Replaces the kernels (e.g. with a WASM SIMD tier); returns the previous set so it can be
 * restored. Ops keep their semantics; only the loops change.
 */
export function setBackend(b: Backend): Backend {
  const prev = active;
  active = b;
  return prev;
}

/**
 * Selects a built-in kernel tier: `'wasm'` (WebAssembly SIMD, the default where the runtime
 * supports it) or `'js'` (the TypeScript reference loops; also chosen at start-up by the
 * environment variable `GD_BACKEND=js` in Node). Results agree to rounding; only speed changes.
 * Returns the name of the tier that was active before (`'custom'` after {@link setBackend}).
 *
 * @throws {Error} for `'wasm'` where WebAssembly SIMD is unavailable (check {@link backendName}).
 * @example
 * ```ts
 * const prev = useBackend('js'); // time the TypeScript kernels
 * useBackend('wasm');
 * ```
 */
export function useBackend(name: BackendName): BackendName | 'custom' {
  const prev = backendName();
  if (name === 'js') active = jsBackend;
  else if (name === 'wasm') {
    if (!wasmBackend)
      throw new Error(
        "useBackend: the 'wasm' tier needs WebAssembly SIMD, which this runtime lacks; use 'js'",
      );
    active = wasmBackend;
  } else
    throw new GdTypeError(`useBackend: unknown tier ${JSON.stringify(name)}; use 'wasm' or 'js'`);
  return prev;
}

/**
 * The active kernel tier: `'wasm'`, `'js'`, or `'custom'` after {@link setBackend}.
 *
 * @example
 * ```ts
 * backendName(); // 'wasm' in Node 20+ and current browsers
 * ```
 */
export function backendName(): BackendName | 'custom' {
  if (active === jsBackend) return 'js';
  if (active === wasmBackend) return 'wasm';
  return 'custom';
}

/**
 * What the WASM tier has here: whether it loaded (WebAssembly SIMD is available), whether it
 * uses relaxed SIMD's fused multiply-add (Chrome, Node ≥ 22, and Node 20 where gd can set V8's
 * flag), which makes float32 products about 15% faster, and whether large products can use
 * helper threads (Node `worker_threads`, or Web Workers in a cross-origin-isolated page; see
 * {@link setNumThreads}).
 *
 * @example
 * ```ts
 * wasmTier(); // { available: true, relaxedSimd: true, threads: true } in Node
 * ```
 */
export function wasmTier(): { available: boolean; relaxedSimd: boolean; threads: boolean } {
  return {
    available: wasmBackend !== null,
    relaxedSimd: wasmRelaxedSimd,
    threads: gemmRunner?.pool?.available ?? false,
  };
}

/**
 * Sets how many threads large float32/float64 matrix products on the WASM tier may use, like
 * PyTorch's `torch.set_num_threads`: `1` keeps every product on the calling thread (no worker is
 * started; running workers stop), `n > 1` lets products of at least 2²² multiply-adds be split
 * between the calling thread and up to n − 1 helper workers (Node `worker_threads`; in browsers,
 * Web Workers when the page is `crossOriginIsolated`). Results are bit-identical for every n.
 * Smaller products, the JS tier and runtimes without workers always use one thread.
 *
 * The default is the number of cores present (`os.availableParallelism()` in Node,
 * `navigator.hardwareConcurrency` in browsers), or the environment variable `GD_NUM_THREADS`
 * (a positive integer; other values are ignored) in Node. Helpers start on the first large
 * product, in the background: until they are ready (tens of ms) products run on one thread.
 * They never keep a Node process alive.
 *
 * @param n - Thread count, an integer from 1 to 64 (threads beyond the cores present only
 *   compete for them).
 * @throws {GdTypeError} when `n` is not a number.
 * @throws {GdRangeError} when `n` is not an integer from 1 to 64.
 * @example
 * ```ts
 * setNumThreads(1); // single-threaded, e.g. when other processes use the cores
 * setNumThreads(2);
 * getNumThreads(); // 2
 * ```
 */
export function setNumThreads(n: number): void {
  if (typeof n !== 'number')
    throw new GdTypeError(`setNumThreads: n must be a number, got ${typeof n}`);
  if (!Number.isInteger(n) || n < 1 || n > MAX_THREADS)
    throw new GdRangeError(
      `setNumThreads: n must be an integer from 1 to ${MAX_THREADS}, got ${n}; use 1 for no worker threads`,
    );
  setThreadSetting(n);
}

/**
 * The number of threads large matrix products may use (see {@link setNumThreads}): the last
 * value set, else `GD_NUM_THREADS`, else the cores present (at most 64).
 *
 * @example
 * ```ts
 * getNumThreads(); // 2 on a 2-core machine
 * ```
 */
export function getNumThreads(): number {
  return threadSetting();
}
