/**
 * TensorFlow.js with its cpu and wasm backends, loaded in this process. The packages are CommonJS
 * (their Node builds), so they are loaded with `require` to share one tfjs-core instance.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

type TfCore = typeof import('@tensorflow/tfjs-core');
type TfWasm = typeof import('@tensorflow/tfjs-backend-wasm');

/** tfjs-core plus a helper that switches backend and waits until it is ready. */
export type Tf = TfCore & {
  /** Makes `name` the active backend ('cpu' or 'wasm'). */
  useBackend(name: 'cpu' | 'wasm'): Promise<void>;
  /** Threads the wasm backend runs with (1 unless the threaded build loaded). */
  wasmThreads(): number;
  /** Which wasm binary loaded, e.g. 'simd' or 'threaded-simd', as far as tfjs reports it. */
  wasmFlavour(): string;
};

/** Loads tfjs-core, registers the cpu and wasm backends, and initialises both. */
export async function loadTf(): Promise<Tf> {
  const tf: TfCore = require('@tensorflow/tfjs-core');
  require('@tensorflow/tfjs-backend-cpu');
  const wasm: TfWasm = require('@tensorflow/tfjs-backend-wasm');
  // In Node the wasm binaries are read from disk: point tfjs at the package's dist folder.
  const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
  wasm.setWasmPaths(`${join(dist, 'dist')}/`);
  tf.env().set('IS_TEST', false);
  const useBackend = async (name: 'cpu' | 'wasm'): Promise<void> => {
    if (!(await tf.setBackend(name))) throw new Error(`bench: tfjs backend '${name}' failed`);
    await tf.ready();
  };
  await useBackend('wasm');
  await useBackend('cpu');
  const flavour = async (): Promise<string> => {
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    const mt = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
    return `${mt ? 'threaded-' : ''}${simd ? 'simd' : 'plain'}`;
  };
  const wasmFlavour = await flavour();
  return Object.assign(Object.create(tf) as TfCore, {
    useBackend,
    wasmThreads: () => wasm.getThreadsCount(),
    wasmFlavour: () => wasmFlavour,
  }) as Tf;
}
