/**
 * The contract between `main.ts` and the files in `suites/`: each suite file exports `suite`, an
 * object with a name and a `run` that returns measured rows. `main.ts` finds suite files by
 * listing the folder, so adding a benchmark is adding a file.
 */
import type { Tf } from './tfjs';

/** Whether a larger number is better (throughput) or a smaller one (time). */
export type Better = 'higher' | 'lower';

/** One measured line of the results table. Absent figures print as `–`. */
export interface BenchRow {
  /** What was measured, e.g. `matmul 512² A·Bᵀ`. */
  name: string;
  /** Unit of every number in the row, e.g. `GFLOP/s` or `steps/s`. */
  unit: string;
  /** `higher` for throughput units, `lower` for times. Ratios are taken so > 1 means gd wins. */
  better: Better;
  /** gd through its public API on its default (WASM SIMD) kernel tier. */
  gd: number;
  /** gd with the TypeScript kernel tier forced (`useBackend('js')`). */
  gdJs?: number;
  /** TensorFlow.js cpu backend. */
  tfjsCpu?: number;
  /** TensorFlow.js wasm backend (XNNPACK, SIMD, 1 thread). */
  tfjsWasm?: number;
  /** jax-js on its wasm device, jitted. */
  jax?: number;
  /** PyTorch, 1 thread (BLAS pinned to 1 thread). */
  torch?: number;
  /** The target for gd, in the row's unit. */
  target?: number;
  /** Labelled reference columns (hand-written loops); shown, never used in ratios. */
  extra?: Record<string, number>;
  /** Largest relative difference between gd's result and a reference, as a sanity check. */
  maxRelDiff?: number;
}

/** What every suite gets from the runner. */
export interface SuiteContext {
  /** TensorFlow.js with both backends registered; switch with `tf.useBackend('cpu' | 'wasm')`. */
  tf: Tf;
  /** Whether jax-js's wasm device started. */
  jax: boolean;
  /** Reports progress on stderr so the table on stdout stays clean. */
  log(msg: string): void;
}

/** A benchmark suite; export one as `export const suite: Suite = …` from `suites/<name>.ts`. */
export interface Suite {
  /** Short name, used in the table and to select suites on the command line. */
  name: string;
  /** Runs the measurements and returns the rows, in display order. */
  run(ctx: SuiteContext): Promise<BenchRow[]>;
}
