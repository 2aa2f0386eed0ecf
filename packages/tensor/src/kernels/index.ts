import { GdTypeError } from '@gd/errors';
import type { Backend } from './backend';
import { jsBackend } from './js';
import { wasmBackend, wasmRelaxedSimd } from './wasm/wasm-backend';

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
 * What the WASM tier has here: whether it loaded (WebAssembly SIMD is available) and whether
 * it uses relaxed SIMD's fused multiply-add (Chrome, Node ≥ 22, and Node 20 where gd can set
 * V8's flag), which makes float32 products about 15% faster.
 *
 * @example
 * ```ts
 * wasmTier(); // { available: true, relaxedSimd: true }
 * ```
 */
export function wasmTier(): { available: boolean; relaxedSimd: boolean } {
  return { available: wasmBackend !== null, relaxedSimd: wasmRelaxedSimd };
}
