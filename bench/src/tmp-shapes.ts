import { Tensor, matmul, useBackend } from '@gd/tensor';
import { randomFloat32 } from './lib/data';
const shapes: [string, number, number, number, boolean, boolean][] = [
  ['fwd x·W1ᵀ', 128, 128, 784, false, true], ['dW1 gᵀ·x', 128, 784, 128, true, false],
  ['fwd h·W2ᵀ', 128, 64, 128, false, true], ['dX2 g·W2', 128, 128, 64, false, false], ['dW2', 64, 128, 128, true, false],
  ['fwd3', 128, 10, 64, false, true], ['dW3', 10, 64, 128, true, false], ['dX3', 128, 64, 10, false, false],
  ['lecture fwd1', 100, 40, 784, false, true], ['lecture dW1', 40, 784, 100, true, false],
];
for (const tier of ['wasm', 'wasm'] as const) {
  useBackend(tier);
  for (const [name, m, n, k, ta, tb] of shapes) {
    const a = new Tensor(randomFloat32(m * k, 1), ta ? [k, m] : [m, k]);
    const b = new Tensor(randomFloat32(k * n, 2), tb ? [n, k] : [k, n]);
    for (let i = 0; i < 20; i++) matmul(a, b, { transposeA: ta, transposeB: tb });
    let best = 1e9;
    for (let r = 0; r < 15; r++) { const t0 = performance.now(); for (let i = 0; i < 10; i++) matmul(a, b, { transposeA: ta, transposeB: tb }); best = Math.min(best, (performance.now() - t0) / 10); }
    console.log(tier, name.padEnd(14), `${m}x${n}x${k}`.padEnd(12), (best * 1000).toFixed(0).padStart(6), 'µs', ((2 * m * n * k) / best / 1e6).toFixed(1), 'GFLOP/s');
  }
}
