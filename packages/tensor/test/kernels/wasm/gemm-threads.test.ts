import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GdRangeError, GdTypeError } from '@gd/errors';
import { getNumThreads, matmul, randn, setNumThreads, swapAxes, wasmTier } from '@gd/tensor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TypedArray } from '../../../src/dtype';
import {
  MAX_THREADS,
  coresPresent,
  defaultThreads,
  unshareMemoryImport,
} from '../../../src/kernels/wasm/gemm-threads';
import {
  GemmRunner,
  THREAD_MIN,
  gemmRunner,
  loadGemm,
} from '../../../src/kernels/wasm/wasm-backend';
import { seededFill as fill } from '../../helpers';

type Ctor = Float32ArrayConstructor | Float64ArrayConstructor;

function runner(): GemmRunner {
  if (!gemmRunner) throw new Error('Node 20+ runs WASM SIMD: the tier must load');
  return gemmRunner;
}

/** Waits (yielding to the event loop) until `want` threads are ready; fails after 20 s. */
async function threadsReady(want: number): Promise<number> {
  const r = runner();
  const t0 = Date.now();
  let got = r.threadsFor(1 << 12, 1 << 12, 1 << 12);
  while (got < want && Date.now() - t0 < 20_000) {
    await new Promise((res) => setTimeout(res, 10));
    got = r.threadsFor(1 << 12, 1 << 12, 1 << 12);
  }
  return got;
}

const TRANS: [boolean, boolean][] = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];

/** Bit patterns, so that -0, NaN payloads and last-ulp differences all count. */
function bits(x: TypedArray): string {
  return Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('hex');
}

const before = getNumThreads();
beforeAll(async () => {
  setNumThreads(2);
  expect(await threadsReady(2)).toBe(2);
});
afterAll(() => setNumThreads(before));

describe('threaded WASM gemm', () => {
  it('starts a helper thread in Node (shared memory + worker_threads)', () => {
    expect(wasmTier().threads).toBe(true);
    expect(runner().threadsFor(256, 256, 256)).toBe(2);
    // Small products never use a helper.
    expect(runner().threadsFor(16, 16, 16)).toBe(1);
    expect(THREAD_MIN).toBeGreaterThan(16 ** 3);
  });

  it('gives bit-identical results with 1, 2 and 3 threads on odd shapes, every transpose, both dtypes', () => {
    const shapes = [
      [128, 256, 784],
      [256, 784, 128],
      [784, 256, 128],
      [33, 17, 300],
      [5, 1031, 9],
      [130, 37, 513],
      [1, 300, 50],
      [300, 1, 50],
      [67, 71, 1],
    ];
    let seed = 1;
    for (const [m, n, k] of shapes)
      for (const ctor of [Float32Array, Float64Array] as Ctor[])
        for (const [ta, tb] of TRANS) {
          const a = fill(new ctor(m * k + 3), seed++);
          const b = fill(new ctor(k * n + 2), seed++);
          const one = new ctor(m * n + 4);
          const two = new ctor(m * n + 4);
          const three = new ctor(m * n + 4);
          runner().run(a, 3, ta, b, 2, tb, one, 4, m, n, k, 1);
          runner().run(a, 3, ta, b, 2, tb, two, 4, m, n, k, 2);
          // Asking for 3 threads cuts 6 chunks, claimed by this thread and the one helper.
          runner().run(a, 3, ta, b, 2, tb, three, 4, m, n, k, 3);
          expect(bits(two), `${m}×${k}·${k}×${n} ta=${ta} tb=${tb} ${ctor.name}`).toBe(bits(one));
          expect(bits(three)).toBe(bits(one));
          expect([...one.subarray(0, 4)]).toEqual([0, 0, 0, 0]);
          // And it is a product: spot-check one element against a float64 sum.
          const i = m - 1;
          const j = n >> 1;
          let ref = 0;
          for (let p = 0; p < k; p++)
            ref +=
              (ta ? a[3 + p * m + i] : a[3 + i * k + p]) *
              (tb ? b[2 + j * k + p] : b[2 + p * n + j]);
          expect(Math.abs(one[4 + i * n + j] - ref)).toBeLessThan(1e-4 * (1 + k));
        }
  });

  it('gives bit-identical batched and broadcast products through matmul, threads on and off', () => {
    const a = randn([3, 1, 130, 200]);
    const b = randn([4, 200, 150]);
    for (const [ta, tb] of TRANS) {
      const A = ta ? swapAxes(a, -1, -2) : a;
      const B = tb ? swapAxes(b, -1, -2) : b;
      const opts = { transposeA: ta, transposeB: tb };
      setNumThreads(2);
      const two = matmul(A, B, opts);
      setNumThreads(1);
      const one = matmul(A, B, opts);
      setNumThreads(2);
      expect(two.shape).toEqual([3, 4, 130, 150]);
      expect(bits(two.data)).toBe(bits(one.data));
    }
  });

  it('stops its helpers when set to 1 thread and starts them again after', async () => {
    setNumThreads(1);
    expect(runner().threadsFor(512, 512, 512)).toBe(1);
    expect(runner().pool?.started).toBe(0);
    setNumThreads(2);
    expect(await threadsReady(2)).toBe(2);
    const a = fill(new Float32Array(200 * 300), 5);
    const b = fill(new Float32Array(300 * 250), 6);
    const one = new Float32Array(200 * 250);
    const two = new Float32Array(200 * 250);
    runner().run(a, 0, false, b, 0, false, one, 0, 200, 250, 300, 1);
    runner().run(a, 0, false, b, 0, false, two, 0, 200, 250, 300, 2);
    expect(bits(two)).toBe(bits(one));
  });

  it('gives every started helper its own scratch, even when a product uses fewer threads', async () => {
    setNumThreads(3);
    expect(await threadsReady(3)).toBe(3);
    // 32 columns make 2 chunks: 2 threads are asked for, but either helper may claim one.
    const m = 32;
    const k = 3000;
    const a = fill(new Float32Array(m * k), 21);
    const b = fill(new Float32Array(k * m), 22);
    const one = new Float32Array(m * m);
    runner().run(a, 0, false, b, 0, false, one, 0, m, m, k, 1);
    for (let rep = 0; rep < 20; rep++) {
      const two = new Float32Array(m * m);
      runner().run(a, 0, false, b, 0, false, two, 0, m, m, k, 2);
      expect(bits(two)).toBe(bits(one));
    }
    setNumThreads(2);
    expect(runner().threadsFor(512, 512, 512)).toBe(2);
    expect(runner().pool?.started).toBe(1);
  });

  it('grows its shared memory in place between threaded products (helpers see the new size)', () => {
    const r = runner();
    const small = fill(new Float32Array(64 * 64), 9);
    const c1 = new Float32Array(64 * 64);
    r.run(small, 0, false, small, 0, false, c1, 0, 64, 64, 64, 2);
    const size = r.memory.buffer.byteLength;
    const m = 700;
    const k = 900;
    const a = fill(new Float32Array(m * k), 10);
    const one = new Float32Array(m * m);
    const two = new Float32Array(m * m);
    r.run(a, 0, false, a, 0, true, two, 0, m, m, k, 2);
    expect(r.memory.buffer.byteLength).toBeGreaterThan(size);
    r.run(a, 0, false, a, 0, true, one, 0, m, m, k, 1);
    expect(bits(two)).toBe(bits(one));
  });
});

describe('setNumThreads / getNumThreads', () => {
  it('round-trips valid counts', () => {
    setNumThreads(1);
    expect(getNumThreads()).toBe(1);
    setNumThreads(3);
    expect(getNumThreads()).toBe(3);
    setNumThreads(2);
    expect(getNumThreads()).toBe(2);
  });

  it('rejects non-integers and counts outside 1..64 with a GdRangeError naming the function', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_THREADS + 1]) {
      expect(() => setNumThreads(bad)).toThrow(GdRangeError);
      expect(() => setNumThreads(bad)).toThrow(/^setNumThreads: n must be an integer from 1 to 64/);
    }
    expect(() => setNumThreads('2' as unknown as number)).toThrow(GdTypeError);
    expect(() => setNumThreads('2' as unknown as number)).toThrow(/setNumThreads/);
    expect(getNumThreads()).toBe(2);
  });

  it('defaults to the cores present, capped at 64', () => {
    expect(coresPresent()).toBeGreaterThanOrEqual(1);
    const saved = process.env.GD_NUM_THREADS;
    try {
      delete process.env.GD_NUM_THREADS;
      expect(defaultThreads()).toBe(Math.min(coresPresent(), MAX_THREADS));
      process.env.GD_NUM_THREADS = '3';
      expect(defaultThreads()).toBe(3);
      process.env.GD_NUM_THREADS = '500';
      expect(defaultThreads()).toBe(MAX_THREADS);
      for (const ignored of ['0', 'two', '-2', '1.5', '']) {
        process.env.GD_NUM_THREADS = ignored;
        expect(defaultThreads()).toBe(Math.min(coresPresent(), MAX_THREADS));
      }
    } finally {
      if (saved === undefined) delete process.env.GD_NUM_THREADS;
      else process.env.GD_NUM_THREADS = saved;
    }
  });
});

describe('without shared memory', () => {
  it('loads the module on a plain memory (import rewritten) and computes the same bits alone', () => {
    const plain = loadGemm(false);
    expect(plain).not.toBeNull();
    if (!plain) return;
    expect(plain.shared).toBe(false);
    expect(plain.memory.buffer instanceof SharedArrayBuffer).toBe(false);
    const r = new GemmRunner(plain);
    expect(r.pool).toBeNull();
    expect(r.threadsFor(512, 512, 512)).toBe(1);
    const a = fill(new Float32Array(90 * 110), 3);
    const b = fill(new Float32Array(110 * 70), 4);
    const got = new Float32Array(90 * 70);
    const ref = new Float32Array(90 * 70);
    r.run(a, 0, true, b, 0, false, got, 0, 90, 70, 110, 4);
    runner().run(a, 0, true, b, 0, false, ref, 0, 90, 70, 110, 2);
    expect(bits(got)).toBe(bits(ref));
  });

  it('rewrites only the shared bit of a memory import', () => {
    // (module (import "env" "memory" (memory 1 65536 shared)))
    const bytes = Uint8Array.of(
      ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
      ...[0x02, 0x12, 0x01, 0x03, 0x65, 0x6e, 0x76, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79],
      ...[0x02, 0x03, 0x01, 0x80, 0x80, 0x04],
    );
    const copy = bytes.slice();
    unshareMemoryImport(copy);
    expect(copy[23]).toBe(0x01);
    copy[23] = 0x03;
    expect([...copy]).toEqual([...bytes]);
    unshareMemoryImport(copy);
    expect(WebAssembly.validate(bytes)).toBe(true);
    expect(WebAssembly.validate(copy)).toBe(true);
  });
});

describe('process lifetime', () => {
  const dist = join(import.meta.dirname, '..', '..', '..', 'dist', 'index.js');

  it('exits promptly after threaded products (helpers are unref’d) and reads GD_NUM_THREADS', () => {
    expect(existsSync(dist), 'build @gd/tensor first (turbo runs build before test)').toBe(true);
    const script = `
      import { getNumThreads, matmul, randn, wasmTier } from ${JSON.stringify(dist)};
      const a = randn([256, 256]);
      matmul(a, a);
      await new Promise((r) => setTimeout(r, 500));
      const c = matmul(a, a);
      console.log(JSON.stringify({ n: getNumThreads(), threads: wasmTier().threads, shape: c.shape }));
    `;
    const t0 = Date.now();
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, GD_NUM_THREADS: '2' },
      timeout: 60_000,
    });
    const elapsed = Date.now() - t0;
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ n: 2, threads: true, shape: [256, 256] });
    // Node start-up and import take well under a second here; a helper keeping the process
    // alive would hit the 60 s timeout instead.
    expect(elapsed).toBeLessThan(20_000);
  });
});
