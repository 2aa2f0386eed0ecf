#!/usr/bin/env node
// Times the fused optimizer updates, fusedAdam and fusedSgd, on the 'wasm' tier (WASM SIMD kernel)
// against the 'js' tier (the reference loop), A/B interleaved in one process, over the parameter
// shapes of the Fashion-MNIST MLP 784-256-128-10 (235 146 parameters) and of the lectures' MLP
// 784-40-20-10 (32 430). Both tiers give the same bits; only the time differs.
//
//   pnpm --filter @gd/tensor build && node packages/tensor/scripts/bench-optim.mjs [dist/index.js]
//
// Prints, per row, the least time of one update of every parameter over 15 interleaved rounds
// (ms, and ns per parameter) and the machine's load: the development machine is shared.
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = resolve(process.argv[2] ?? new URL('../dist/index.js', import.meta.url).pathname);
const { fusedAdam, fusedSgd, useBackend } = await import(pathToFileURL(entry).href);

const NETS = {
  'MLP 784-256-128-10': [784 * 256, 256, 256 * 128, 128, 128 * 10, 10],
  'MLP 784-40-20-10': [784 * 40, 40, 40 * 20, 20, 20 * 10, 10],
};

function params(sizes, Ctor) {
  return sizes.map((n) => {
    const p = new Ctor(n);
    const g = new Ctor(n);
    for (let i = 0; i < n; i++) {
      p[i] = Math.sin(i) * 0.05;
      g[i] = Math.cos(i) * 0.01;
    }
    return { p, g, m: new Ctor(n), v: new Ctor(n), b: new Ctor(n) };
  });
}

const UPDATES = {
  Adam: (ps, t) => {
    for (const q of ps)
      fusedAdam(q.p, q.g, q.m, q.v, null, { step: t, lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8 });
  },
  AdamW: (ps, t) => {
    for (const q of ps)
      fusedAdam(q.p, q.g, q.m, q.v, null, {
        step: t,
        lr: 1e-3,
        betas: [0.9, 0.999],
        eps: 1e-8,
        decoupledWeightDecay: 1e-2,
      });
  },
  SGD: (ps) => {
    for (const q of ps) fusedSgd(q.p, q.g, null, { lr: 0.1 });
  },
  'SGD momentum 0.9': (ps, t) => {
    for (const q of ps) fusedSgd(q.p, q.g, q.b, { lr: 0.1, momentum: 0.9, isFirstStep: t === 1 });
  },
};

console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
for (const [net, sizes] of Object.entries(NETS)) {
  const total = sizes.reduce((a, b) => a + b, 0);
  for (const Ctor of [Float32Array, Float64Array]) {
    for (const [name, update] of Object.entries(UPDATES)) {
      const ps = params(sizes, Ctor);
      const reps = Math.max(1, Math.round(2e6 / total));
      const best = { js: Number.POSITIVE_INFINITY, wasm: Number.POSITIVE_INFINITY };
      let t = 0;
      for (let round = 0; round < 15; round++) {
        for (const tier of ['wasm', 'js']) {
          useBackend(tier);
          const t0 = performance.now();
          for (let r = 0; r < reps; r++) update(ps, ++t);
          best[tier] = Math.min(best[tier], (performance.now() - t0) / reps);
        }
      }
      const ns = (ms) => ((ms * 1e6) / total).toFixed(2);
      console.log(
        `${net} ${Ctor === Float32Array ? 'float32' : 'float64'} ${name.padEnd(16)} js ${best.js.toFixed(3)} ms (${ns(best.js)} ns/param)  wasm ${best.wasm.toFixed(3)} ms (${ns(best.wasm)} ns/param)  ×${(best.js / best.wasm).toFixed(2)}`,
      );
    }
  }
}
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
