import { DataLoader } from '@gd/datasets';
import { fashionMnist } from '@gd/datasets/node';
import { crossEntropy } from '@gd/losses';
import { mlp } from '@gd/nn';
import { Adam } from '@gd/optim';
import { Generator, useBackend } from '@gd/tensor';
useBackend('wasm');
const ROOT = '/usr/share/datasets/fashion-mnist';
const train = await fashionMnist({ root: ROOT, split: 'train', flatten: true });
const g = new Generator(0);
const net = mlp([784, 256, 128, 10], { activation: 'relu', generator: g });
const opt = new Adam(net.parameters(), { lr: 1e-3 });
const loader = new DataLoader(train, { batchSize: 128, shuffle: true, generator: g });
const phases = { load: 0, fwd: 0, bwd: 0, step: 0 };
for (let epoch = 0; epoch < Number(process.env.EP ?? 2); epoch++) {
  const t0 = performance.now();
  let tl = performance.now();
  for (const [x, y] of loader) {
    const a = performance.now(); phases.load += a - tl;
    opt.zeroGrad();
    const loss = crossEntropy(net.forward(x), y);
    const b = performance.now(); phases.fwd += b - a;
    loss.backward();
    const c = performance.now(); phases.bwd += c - b;
    opt.step();
    loss.item();
    tl = performance.now(); phases.step += tl - c;
  }
  console.log('epoch', ((performance.now() - t0) / 1000).toFixed(2), 's', JSON.stringify(Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v)]))));
  for (const k of Object.keys(phases)) (phases as any)[k] = 0;
}
