#!/usr/bin/env node
// Times the float32 and float64 kernel loops of the js tier, both through the public ops (fresh
// outputs, as users write them) and on the backend directly (preallocated outputs: the loops
// alone). Every dtype is warmed up before anything is timed, so a loop that serves several array
// kinds shows its polymorphic speed, as it would in a program that mixes dtypes.
//
//   pnpm --filter @gd/tensor build && node packages/tensor/scripts/bench-kernels.mjs [dist/index.js]
//
// Prints one line per row (ms per call: least CPU time and median wall time) and the machine's
// load (as `uptime` shows it): the development machine is shared, so compare runs taken under
// similar load, interleaved.
import { loadavg, uptime } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = resolve(process.argv[2] ?? new URL('../dist/index.js', import.meta.url).pathname);
const gd = await import(pathToFileURL(entry).href);
const { add, backend, exp, matmul, mul, rand, sum, tensor } = gd;

const N = 1_000_000;

/**
 * Times one call: samples of ≥ 25 ms each after a warm-up; returns the smallest per-call CPU time
 * (user + system) and the median wall time, in ms. CPU time hides the waits of a loaded shared
 * machine better than wall time; the minimum is the least disturbed sample.
 */
function measure(fn) {
  for (let i = 0; i < 3; i++) fn();
  let reps = 1;
  for (;;) {
    const t = performance.now();
    for (let r = 0; r < reps; r++) fn();
    if (performance.now() - t >= 25) break;
    reps *= 2;
  }
  const cpu = [];
  const wall = [];
  for (let s = 0; s < 9; s++) {
    const c = process.cpuUsage();
    const t = performance.now();
    for (let r = 0; r < reps; r++) fn();
    wall.push((performance.now() - t) / reps);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000 / reps);
  }
  wall.sort((a, b) => a - b);
  return { cpu: Math.min(...cpu), wall: wall[4] };
}

const data = {};
for (const dtype of ['float32', 'float64']) {
  const x = rand([N], { dtype }).sub(0.5);
  const y = rand([N], { dtype }).add(0.5);
  const a = rand([256, 256], { dtype });
  const b = rand([256, 256], { dtype });
  const small = x.data.slice(0, 10_000);
  data[dtype] = { x, y, a, b, out: x.data.slice(), small, smallOut: small.slice() };
}
const ints = tensor(
  Array.from({ length: 1000 }, (_, i) => i),
  { dtype: 'int32' },
);

const k = backend();
const rows = [];
for (const dtype of ['float32', 'float64']) {
  const { x, y, a, b, out, small, smallOut } = data[dtype];
  rows.push([`exp(x)·x + 1 (ops), 1e6 ${dtype}`, () => add(mul(exp(x), x), 1)]);
  rows.push([`add (ops), 1e6 ${dtype}`, () => add(x, y)]);
  rows.push([`mul (ops), 1e6 ${dtype}`, () => mul(x, y)]);
  rows.push([`sum (ops), 1e6 ${dtype}`, () => sum(x)]);
  rows.push([`matmul 256² (ops), ${dtype}`, () => matmul(a, b)]);
  rows.push([`kernel exp, 1e6 ${dtype}`, () => k.unary('exp', x.data, out)]);
  rows.push([`kernel tanh, 1e6 ${dtype}`, () => k.unary('tanh', x.data, out)]);
  rows.push([`kernel add, 1e6 ${dtype}`, () => k.binary('add', x.data, y.data, out)]);
  rows.push([
    `kernel mul scalar, 1e6 ${dtype}`,
    () => k.binaryScalar('mul', x.data, 3, out, false),
  ]);
  rows.push([`kernel sum, 1e6 ${dtype}`, () => k.reduce('sum', x.data, 1, N, out)]);
  // In-cache sizes, where the loop's own speed shows rather than memory bandwidth.
  rows.push([`kernel add, 1e4 ${dtype}`, () => k.binary('add', small, small, smallOut)]);
  rows.push([
    `kernel mul scalar, 1e4 ${dtype}`,
    () => k.binaryScalar('mul', small, 3, smallOut, false),
  ]);
  rows.push([`kernel sum, 1e4 ${dtype}`, () => k.reduce('sum', small, 1, small.length, smallOut)]);
}

// Warm every loop with every array kind first (float32, float64, then int32 through the generic
// path), so the timings below see whatever feedback a shared loop accumulates.
for (let w = 0; w < 2; w++) {
  for (const [, fn] of rows) fn();
  add(ints, ints);
  mul(ints, 2);
  sum(ints);
  for (const dtype of ['float32', 'float64']) {
    const s = data[dtype].small;
    k.unary('exp', s, s.slice());
    k.unary('tanh', s, s.slice());
    k.binary('add', s, s, s.slice());
    k.reduce('sum', s, 1, s.length, s.slice(0, 1));
  }
}

/** What `uptime` prints: time, uptime and the 1/5/15-minute load averages. */
const load = () =>
  `${new Date().toISOString().slice(11, 19)} up ${Math.round(uptime() / 60)} min, load average: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`;
console.log(`# ${entry}`);
console.log(`# before: ${load()}`);
console.log(`${'row'.padEnd(36)} ${'cpu min'.padStart(9)} ${'wall med'.padStart(9)}  (ms)`);
for (const [name, fn] of rows) {
  const { cpu, wall } = measure(fn);
  console.log(
    `${name.padEnd(36)} ${cpu.toPrecision(4).padStart(9)} ${wall.toPrecision(4).padStart(9)}`,
  );
}
console.log(`# after:  ${load()}`);
