/**
 * Multi-threaded matrix products for the WASM tier. The gemm module imports a shared
 * `WebAssembly.Memory`; helper threads (Node `worker_threads`, or Web Workers in a
 * cross-origin-isolated page) instantiate the SAME compiled module on the SAME memory, so a
 * product's operands are copied in once and every thread reads them in place. gd's API stays
 * synchronous: the calling thread publishes a job in a control block in shared memory
 * (`Atomics.store` + `Atomics.notify`), computes its own share of C, then waits for the helpers
 * (`Atomics.wait`; a browser main thread, where waiting throws, spins on `Atomics.load`).
 *
 * Workers start asynchronously (tens of ms): until a worker has reported ready through its
 * control block, products run on the calling thread alone, so nothing ever waits for a start-up.
 * Workers are `unref`'d: they never keep a Node process alive.
 */

/** Bytes from the start of memory where the control blocks begin (one per helper thread). */
const CTRL = 1024;
/** Bytes per control block: 32 int32 slots. */
const CTRL_BYTES = 128;
/** Most threads a product can use (setNumThreads validates against it). */
export const MAX_THREADS = 64;
/** End of the control blocks: per-thread packing scratch starts here. */
export const CTRL_END = CTRL + (MAX_THREADS - 1) * CTRL_BYTES;

// Control block slots (int32 indices inside a block).
const SEQ = 0; // bumped by the caller to post a job
const DONE = 1; // set to SEQ by the helper when the job is finished
const STATE = 2; // 0 starting, 1 ready, -1 failed or stopped
const OP = 3; // 0 float32, 1 float64, -1 exit
const ARGS = 4; // a, lda, ta, b, ldb, tb, c, ldc, m, n, k, ap, bp, tile

/**
 * The helper's source. It runs as a classic script (Node `eval: true` worker or a Blob-URL Web
 * Worker), receives `{ module, memory, ctrl }` once, and then serves jobs forever from its
 * control block; it never returns to its event loop.
 */
const WORKER_SOURCE = `'use strict';
function start(d) {
  const c = new Int32Array(d.memory.buffer, d.ctrl, 32);
  let x;
  try {
    x = new WebAssembly.Instance(d.module, { env: { memory: d.memory } }).exports;
  } catch (e) {
    Atomics.store(c, ${STATE}, -1);
    return;
  }
  let seen = Atomics.load(c, ${SEQ});
  Atomics.store(c, ${STATE}, 1);
  for (;;) {
    Atomics.wait(c, ${SEQ}, seen);
    const s = Atomics.load(c, ${SEQ});
    if (s === seen) continue;
    seen = s;
    const op = c[${OP}];
    if (op < 0) { Atomics.store(c, ${STATE}, -1); Atomics.store(c, ${DONE}, s); Atomics.notify(c, ${DONE}); return; }
    try {
      const f = op === 1 ? x.gemmF64 : x.gemmF32;
      const a = ${ARGS};
      f(c[a], c[a + 1], c[a + 2], c[a + 3], c[a + 4], c[a + 5], c[a + 6], c[a + 7], c[a + 8], c[a + 9], c[a + 10], c[a + 11], c[a + 12], c[a + 13]);
    } catch (e) {
      Atomics.store(c, ${STATE}, -1);
    }
    Atomics.store(c, ${DONE}, s);
    Atomics.notify(c, ${DONE});
  }
}
if (typeof require === 'function') require('node:worker_threads').parentPort.once('message', start);
else self.onmessage = (e) => { self.onmessage = null; start(e.data); };
`;

interface NodeLike {
  getBuiltinModule?: (id: string) => unknown;
  env?: Record<string, string | undefined>;
}

const nodeProcess = (): NodeLike | undefined => (globalThis as { process?: NodeLike }).process;

/** Cores this runtime reports (`os.availableParallelism()` in Node, `navigator.hardwareConcurrency`). */
export function coresPresent(): number {
  const proc = nodeProcess();
  try {
    const os = proc?.getBuiltinModule?.('node:os') as
      | { availableParallelism?: () => number; cpus?: () => unknown[] }
      | undefined;
    const n = os?.availableParallelism?.() ?? os?.cpus?.().length;
    if (n && n > 0) return n;
  } catch {}
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  const h = nav?.hardwareConcurrency;
  return h && h > 0 ? h : 1;
}

/**
 * The default thread count: `GD_NUM_THREADS` when it is a positive integer (Node), else the
 * cores present; capped at {@link MAX_THREADS}.
 */
export function defaultThreads(): number {
  const env = nodeProcess()?.env?.GD_NUM_THREADS;
  if (env !== undefined && /^\s*\d+\s*$/.test(env) && Number(env) >= 1)
    return Math.min(Number(env), MAX_THREADS);
  return Math.min(coresPresent(), MAX_THREADS);
}

/** Whether `buf` is a SharedArrayBuffer (a global some browsers hide without isolation). */
function isShared(buf: ArrayBufferLike): boolean {
  return typeof SharedArrayBuffer === 'function' && buf instanceof SharedArrayBuffer;
}

let setting: number | undefined;

/** The thread count products may use (set, else {@link defaultThreads}). */
export function threadSetting(): number {
  if (setting === undefined) setting = defaultThreads();
  return setting;
}

/** Sets the thread count (validated by the caller). */
export function setThreadSetting(n: number): void {
  setting = n;
}

/** Whether helper threads can exist here at all: Node worker_threads or isolated Web Workers. */
function threadsPossible(memory: WebAssembly.Memory): boolean {
  if (!isShared(memory.buffer)) return false;
  if (nodeProcess()?.getBuiltinModule?.('node:worker_threads')) return true;
  const g = globalThis as { crossOriginIsolated?: boolean; Worker?: unknown; Blob?: unknown };
  return g.crossOriginIsolated === true && typeof g.Worker === 'function';
}

interface Helper {
  ctrl: number; // int32 index of the control block
  stop(): void;
}

type NodeWorker = {
  unref(): void;
  on(ev: string, f: (e: unknown) => void): void;
  postMessage(m: unknown): void;
  terminate(): unknown;
};
type WorkerThreads = {
  Worker: new (src: string, opts: { eval: boolean; name?: string }) => NodeWorker;
};

/**
 * Helper threads serving one gemm module instance: `workers[i]` owns control block i. The
 * caller's thread is thread 0; helper i computes share i + 1.
 */
export class GemmPool {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  private readonly helpers: Helper[] = [];
  private i32: Int32Array;
  private blocking = true;
  private failed = false;
  private readonly possible: boolean;

  constructor(module: WebAssembly.Module, memory: WebAssembly.Memory) {
    this.module = module;
    this.memory = memory;
    this.i32 = new Int32Array(memory.buffer);
    this.possible = threadsPossible(memory);
  }

  /**
   * How many threads (including the caller's) are ready to share a product, starting helpers up
   * to `want − 1` (asynchronously; they count once ready) and stopping any beyond it.
   */
  ready(want: number): number {
    if (!this.possible || this.failed) return 1;
    while (this.helpers.length > Math.max(want - 1, 0)) this.helpers.pop()?.stop();
    while (this.helpers.length < want - 1) {
      if (!this.spawn()) {
        this.failed = true;
        for (const h of this.helpers) h.stop();
        this.helpers.length = 0;
        return 1;
      }
    }
    let n = 1;
    for (const h of this.helpers) {
      const s = Atomics.load(this.i32, h.ctrl + STATE);
      if (s === 1) n++;
      else break;
    }
    return n;
  }

  /** Number of helper threads started (ready or not). */
  get started(): number {
    return this.helpers.length;
  }

  private spawn(): boolean {
    const index = this.helpers.length;
    const ctrlByte = CTRL + index * CTRL_BYTES;
    const ctrl = ctrlByte >> 2;
    const i32 = this.view();
    for (let s = 0; s < CTRL_BYTES >> 2; s++) i32[ctrl + s] = 0;
    const msg = { module: this.module, memory: this.memory, ctrl: ctrlByte };
    try {
      const wt = nodeProcess()?.getBuiltinModule?.('node:worker_threads') as
        | WorkerThreads
        | undefined;
      if (wt) {
        const w = new wt.Worker(WORKER_SOURCE, { eval: true, name: 'gd-gemm' });
        w.unref();
        w.on('error', () => Atomics.store(this.view(), ctrl + STATE, -1));
        w.postMessage(msg);
        this.helpers.push({ ctrl, stop: () => this.stop(ctrl, () => w.terminate()) });
        return true;
      }
      const g = globalThis as unknown as {
        Worker: new (
          url: string,
        ) => {
          postMessage(m: unknown): void;
          terminate(): void;
          onerror: unknown;
        };
        Blob: typeof Blob;
        URL: typeof URL;
      };
      const url = g.URL.createObjectURL(new g.Blob([WORKER_SOURCE], { type: 'text/javascript' }));
      const w = new g.Worker(url);
      g.URL.revokeObjectURL(url);
      w.onerror = () => Atomics.store(this.view(), ctrl + STATE, -1);
      w.postMessage(msg);
      this.helpers.push({ ctrl, stop: () => this.stop(ctrl, () => w.terminate()) });
      return true;
    } catch {
      return false;
    }
  }

  private stop(ctrl: number, terminate: () => unknown): void {
    const i32 = this.view();
    Atomics.store(i32, ctrl + STATE, -1);
    i32[ctrl + OP] = -1;
    Atomics.add(i32, ctrl + SEQ, 1);
    Atomics.notify(i32, ctrl + SEQ);
    terminate();
  }

  private view(): Int32Array {
    if (this.i32.buffer !== this.memory.buffer) this.i32 = new Int32Array(this.memory.buffer);
    return this.i32;
  }

  /**
   * Posts `args` (14 int32 values, as gemmF32/gemmF64 take them) to helper `h` (0-based) as a
   * float32 (`op` 0) or float64 (`op` 1) job; returns the sequence number to {@link wait} for.
   */
  post(h: number, op: number, args: readonly number[]): number {
    const i32 = this.view();
    const c = this.helpers[h].ctrl;
    i32[c + OP] = op;
    for (let i = 0; i < 14; i++) i32[c + ARGS + i] = args[i];
    const seq = (Atomics.load(i32, c + SEQ) + 1) | 0;
    Atomics.store(i32, c + SEQ, seq);
    Atomics.notify(i32, c + SEQ);
    return seq;
  }

  /**
   * Waits until helper `h` finished job `seq`; false when the helper failed (the caller then
   * computes that share itself and the pool stops using threads).
   */
  wait(h: number, seq: number): boolean {
    const i32 = this.view();
    const c = this.helpers[h].ctrl;
    for (;;) {
      const d = Atomics.load(i32, c + DONE);
      if (d === seq) break;
      if (Atomics.load(i32, c + STATE) === -1 && d !== seq) {
        // The helper died without finishing: wait no longer.
        this.failed = true;
        return false;
      }
      if (this.blocking) {
        try {
          Atomics.wait(i32, c + DONE, d, 100);
        } catch {
          this.blocking = false; // a browser main thread may not block: spin instead
        }
      }
    }
    if (Atomics.load(i32, c + STATE) !== 1) {
      this.failed = true;
      return false;
    }
    return true;
  }

  /** Stops every helper (used when threads are turned off). */
  close(): void {
    while (this.helpers.length) this.helpers.pop()?.stop();
  }
}

/** Clears the `shared` flag of a module's imported memory, in place (WASM binary format). */
export function unshareMemoryImport(bytes: Uint8Array): void {
  let i = 8;
  const leb = (): number => {
    let r = 0;
    let sh = 0;
    for (;;) {
      const b = bytes[i++];
      r |= (b & 0x7f) << sh;
      sh += 7;
      if (!(b & 0x80)) return r >>> 0;
    }
  };
  while (i < bytes.length) {
    const id = bytes[i++];
    const size = leb();
    const end = i + size;
    if (id === 2) {
      const count = leb();
      for (let e = 0; e < count; e++) {
        i += leb(); // module name
        i += leb(); // field name
        const kind = bytes[i++];
        if (kind === 0) leb();
        else if (kind === 1) {
          i++;
          const f = bytes[i++];
          leb();
          if (f & 1) leb();
        } else if (kind === 2) {
          const f = bytes[i];
          bytes[i++] = f & ~2;
          leb();
          if (f & 1) leb();
        } else if (kind === 3) i += 2;
        else return;
      }
      return;
    }
    i = end;
  }
}

/**
 * A memory for the gemm module: shared where the runtime allows it (maximum 4 GiB, else 1 GiB,
 * else 256 MiB of reserved address space), otherwise `null` (the caller then loads the module
 * with a plain memory import).
 */
export function createSharedMemory(): WebAssembly.Memory | null {
  for (const maximum of [65536, 16384, 4096]) {
    try {
      const m = new WebAssembly.Memory({ initial: 1, maximum, shared: true });
      if (isShared(m.buffer)) return m;
    } catch {}
  }
  return null;
}
