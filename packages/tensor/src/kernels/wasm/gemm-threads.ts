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

/** Byte offset of the job control block (int32 slots, see below). */
const CTRL = 1024;
/** Most threads a product can use (setNumThreads validates against it). */
export const MAX_THREADS = 64;
/** Most chunks a product is cut into. */
export const MAX_CHUNKS = 32;

// Job control block, int32 indices from CTRL. One job at a time, shared by every helper.
const SEQ = 0; // bumped (and notified) by the caller when a job is posted
const CLAIM = 1; // (chunks << 16) | next unclaimed chunk: helpers and the caller claim by CAS
const FINISHED = 2; // chunks finished; the caller waits until it has them all
const FAILED = 3; // set by a helper whose kernel call threw
const OP = 5; // 0 float32, 1 float64
const NCHUNKS = 6;
const SCRATCH = 7; // byte offset of thread 0's scratch; thread t's is SCRATCH + t·SLOT
const SLOT = 8;
const PACKA = 9; // bytes of packed-A scratch (the edge tile precedes it, packed B follows it)
const STATES = 16; // STATES + h: helper h's state, 0 starting, 1 ready, -1 stopped or failed
const TABLE = STATES + MAX_THREADS; // chunk i: 11 kernel arguments a … k at TABLE + 11·i
/** End of the control block: per-thread scratch may start here. */
export const CTRL_END = CTRL + 4 * (TABLE + 11 * MAX_CHUNKS);
/** Bytes of the edge tile at the start of each thread's scratch. */
export const TILE_BYTES = 128;

/** A gemm kernel export (gemmF32 / gemmF64). */
export type GemmFn = (
  a: number,
  lda: number,
  ta: number,
  b: number,
  ldb: number,
  tb: number,
  c: number,
  ldc: number,
  m: number,
  n: number,
  k: number,
  ap: number,
  bp: number,
  tile: number,
) => void;

/**
 * Claims the next chunk of the current job by compare-and-swap on CLAIM; -1 when none is left.
 * The word holds the job's chunk count and next chunk, and the caller writes a job's table before
 * it stores the job's word: a CAS that succeeds on a word with `next < chunks` claims chunk
 * `next` of the job posted then, whose table cannot change until that chunk is finished. (The
 * helpers run the same steps, in workerSource().)
 */
function claim(c: Int32Array, base: number): number {
  for (;;) {
    const w = Atomics.load(c, base + CLAIM);
    const next = w & 0xffff;
    if (next >= w >>> 16) return -1;
    if (Atomics.compareExchange(c, base + CLAIM, w, w + 1) === w) return next;
  }
}

/** Runs chunk `i` of the table on thread `t`'s scratch with kernel `f`. */
function runChunk(c: Int32Array, base: number, i: number, t: number, f: GemmFn): void {
  const p = base + TABLE + 11 * i;
  const tile = c[base + SCRATCH] + t * c[base + SLOT];
  const ap = tile + TILE_BYTES;
  const bp = ap + c[base + PACKA];
  f(
    c[p],
    c[p + 1],
    c[p + 2],
    c[p + 3],
    c[p + 4],
    c[p + 5],
    c[p + 6],
    c[p + 7],
    c[p + 8],
    c[p + 9],
    c[p + 10],
    ap,
    bp,
    tile,
  );
}

/**
 * The helper's source (a function, so bundles that never start a helper drop it). It runs as a classic script (Node `eval: true` worker or a Blob-URL Web
 * Worker), receives `{ module, memory, index }` once, and then serves jobs forever: it sleeps on
 * SEQ, claims chunks until none is left (as claim() and runChunk() above), and counts each
 * finished chunk in FINISHED. It never returns to its event loop.
 */
const workerSource = (): string => `'use strict';
function start(d) {
  const c = new Int32Array(d.memory.buffer);
  const base = ${CTRL >> 2};
  const state = base + ${STATES} + d.index;
  let x;
  try {
    x = new WebAssembly.Instance(d.module, { env: { memory: d.memory } }).exports;
  } catch (e) {
    Atomics.store(c, state, -1);
    return;
  }
  const claim = () => {
    for (;;) {
      const w = Atomics.load(c, base + ${CLAIM});
      const next = w & 0xffff;
      if (next >= w >>> 16) return -1;
      if (Atomics.compareExchange(c, base + ${CLAIM}, w, w + 1) === w) return next;
    }
  };
  Atomics.store(c, state, 1);
  for (;;) {
    const s = Atomics.load(c, base + ${SEQ});
    if (Atomics.load(c, state) !== 1) return;
    for (let i = claim(); i >= 0; i = claim()) {
      try {
        const f = c[base + ${OP}] === 1 ? x.gemmF64 : x.gemmF32;
        const p = base + ${TABLE} + 11 * i;
        const tile = c[base + ${SCRATCH}] + (d.index + 1) * c[base + ${SLOT}];
        const ap = tile + ${TILE_BYTES};
        f(c[p], c[p + 1], c[p + 2], c[p + 3], c[p + 4], c[p + 5], c[p + 6], c[p + 7], c[p + 8], c[p + 9], c[p + 10], ap, ap + c[base + ${PACKA}], tile);
      } catch (e) {
        Atomics.store(c, base + ${FAILED}, 1);
      }
      Atomics.add(c, base + ${FINISHED}, 1);
      Atomics.notify(c, base + ${FINISHED});
    }
    Atomics.wait(c, base + ${SEQ}, s);
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

type NodeWorker = {
  unref(): void;
  on(ev: string, f: (e: unknown) => void): void;
  postMessage(m: unknown): void;
  terminate(): unknown;
};
type WorkerThreads = {
  Worker: new (src: string, opts: { eval: boolean; name?: string }) => NodeWorker;
};

/** One product to share: the kernel, the chunks (11 kernel arguments each) and the scratch. */
export interface GemmJob {
  /** 0 float32, 1 float64. */
  op: number;
  /** Kernel arguments a, lda, ta, b, ldb, tb, c, ldc, m, n, k of each chunk, concatenated. */
  chunks: readonly number[];
  /** Byte offset of thread 0's scratch, bytes per thread's scratch, bytes of packed-A scratch. */
  scratch: number;
  slot: number;
  packA: number;
}

/**
 * Helper threads serving one gemm module instance. The caller's thread is thread 0 and helper h
 * uses thread h + 1's scratch.
 */
export class GemmPool {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  private readonly stops: Array<() => void> = [];
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
   * How many threads (the caller's and the helpers that are ready) can share a product now,
   * starting helpers up to `want − 1` (asynchronously: they count once ready) and stopping any
   * beyond it.
   */
  ready(want: number): number {
    if (!this.possible || this.failed) return 1;
    while (this.stops.length > Math.max(want - 1, 0)) this.stops.pop()?.();
    while (this.stops.length < want - 1) {
      if (!this.spawn()) {
        this.failed = true;
        this.close();
        return 1;
      }
    }
    const c = this.view();
    const base = CTRL >> 2;
    let n = 1;
    for (let h = 0; h < this.stops.length; h++) if (Atomics.load(c, base + STATES + h) === 1) n++;
    return n;
  }

  /** Number of helper threads started (ready or not). */
  get started(): number {
    return this.stops.length;
  }

  /** Whether helper threads can run here (shared memory and worker_threads or isolated Web Workers). */
  get available(): boolean {
    return this.possible && !this.failed;
  }

  private spawn(): boolean {
    const index = this.stops.length;
    const state = (CTRL >> 2) + STATES + index;
    Atomics.store(this.view(), state, 0);
    const msg = { module: this.module, memory: this.memory, index };
    const stop = (terminate: () => unknown) => () => {
      Atomics.store(this.view(), state, -1);
      terminate();
    };
    try {
      const wt = nodeProcess()?.getBuiltinModule?.('node:worker_threads') as
        | WorkerThreads
        | undefined;
      if (wt) {
        const w = new wt.Worker(workerSource(), { eval: true, name: 'gd-gemm' });
        w.unref();
        w.on('error', () => Atomics.store(this.view(), state, -1));
        w.postMessage(msg);
        this.stops.push(stop(() => w.terminate()));
        return true;
      }
      const g = globalThis as unknown as {
        Worker: new (
          url: string,
        ) => { postMessage(m: unknown): void; terminate(): void; onerror: unknown };
        Blob: typeof Blob;
        URL: typeof URL;
      };
      const url = g.URL.createObjectURL(new g.Blob([workerSource()], { type: 'text/javascript' }));
      const w = new g.Worker(url);
      g.URL.revokeObjectURL(url);
      w.onerror = () => Atomics.store(this.view(), state, -1);
      w.postMessage(msg);
      this.stops.push(stop(() => w.terminate()));
      return true;
    } catch {
      return false;
    }
  }

  private view(): Int32Array {
    if (this.i32.buffer !== this.memory.buffer) this.i32 = new Int32Array(this.memory.buffer);
    return this.i32;
  }

  /**
   * Runs `job` cut into `chunks` chunks: posts it, claims and computes chunks on this thread
   * with `f` until none is left, then waits for the chunks helpers claimed. A helper that is
   * slow to wake simply claims nothing. Returns false when a helper's kernel call failed (the
   * caller then recomputes the product alone; the pool stops using threads).
   */
  run(job: GemmJob, f: GemmFn): boolean {
    const c = this.view();
    const base = CTRL >> 2;
    const chunks = job.chunks.length / 11;
    c[base + OP] = job.op;
    c[base + NCHUNKS] = chunks;
    c[base + SCRATCH] = job.scratch;
    c[base + SLOT] = job.slot;
    c[base + PACKA] = job.packA;
    for (let i = 0; i < job.chunks.length; i++) c[base + TABLE + i] = job.chunks[i];
    Atomics.store(c, base + FINISHED, 0);
    Atomics.store(c, base + FAILED, 0);
    Atomics.store(c, base + CLAIM, chunks << 16);
    Atomics.add(c, base + SEQ, 1);
    Atomics.notify(c, base + SEQ);
    let mine = 0;
    for (let i = claim(c, base); i >= 0; i = claim(c, base)) {
      runChunk(c, base, i, 0, f);
      mine++;
    }
    for (;;) {
      const done = Atomics.load(c, base + FINISHED);
      if (done + mine >= chunks) break;
      if (this.blocking) {
        try {
          Atomics.wait(c, base + FINISHED, done, 50);
        } catch {
          this.blocking = false; // a browser main thread may not block: spin instead
        }
      }
    }
    if (Atomics.load(c, base + FAILED) !== 0) {
      this.failed = true;
      this.close();
      return false;
    }
    return true;
  }

  /** Stops every helper (used when threads are turned off). */
  close(): void {
    while (this.stops.length) this.stops.pop()?.();
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
        const mod = leb(); // module name
        i += mod;
        const field = leb(); // field name
        i += field;
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
