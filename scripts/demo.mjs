#!/usr/bin/env node
// gd's demo: the lectures' headline numbers, then the optimizer exercise's experiment — the same MLP trained
// by SGD, Momentum, AdaGrad, RMSprop and Adam — on the bundled 8×8 digits (an offline MNIST).
// Until the `gd` CLI exists this is what `pnpm demo` runs; `gd demo` will replace it.
import { grad, hessian, variable } from '@gd/autodiff';
import { DataLoader, TensorDataset, loadDigits, trainTestSplit } from '@gd/datasets';
import { accuracy, crossEntropy } from '@gd/losses';
import { mlp } from '@gd/nn';
import { Adagrad, Adam, RMSprop, SGD } from '@gd/optim';
import { LambdaLR, StepLR } from '@gd/schedulers';
import { eye, manualSeed, tensor } from '@gd/tensor';
import { sparkline, terminalChart } from '@gd/viz';

const f64 = (v) => tensor(v, { dtype: 'float64' });
const line = (label, value, note = '') =>
  console.log(`  ${label.padEnd(50)} ${String(value).padEnd(24)} ${note}`);

console.log('\nThe lectures’ numbers, computed by gd (float64)\n');

// Seed 001: gradient descent on f(x) = x² + e^(−x) from x = 3, η = 0.0005, 10 001 updates.
const df = grad((x) => x.pow(2).add(x.neg().exp()));
let x = 3;
for (let i = 0; i < 10_001; i++) x -= 0.0005 * df(f64(x)).item();
line('GD on x² + e^-x from 3, η = 0.0005, 10 001 steps', x, 'lecture: 0.3517383210080008');

// Seed 001: gradient descent on x² from 3 with η = 0.1, 100 updates, through the SGD optimizer.
const w = variable(f64(3));
const sgd = new SGD([w], { lr: 0.1 });
for (let i = 0; i < 100; i++) {
  sgd.zeroGrad();
  w.pow(2).backward();
  sgd.step();
}
line('SGD on x² from 3, η = 0.1, 100 steps', w.item(), `3·0.8¹⁰⁰ = ${3 * 0.8 ** 100}`);

// Seed 003: the vanishing gradient of tanh, and the saddle point of x² − y².
line(
  "tanh'(4)",
  grad((v) => v.tanh())(f64(4))
    .item()
    .toFixed(6),
  'lecture: ≈ 0.0013',
);
const H = hessian((v) =>
  v
    .mul(v)
    .mul(f64([1, -1]))
    .sum(),
)(f64([0, 0]));
line('Hessian of x² − y² at the saddle (0, 0)', JSON.stringify(H.toArray()), 'eigenvalues 2, −2');
if (
  H.sub(eye(2, 2, { dtype: 'float64' }).mul(f64([2, -2])))
    .abs()
    .max()
    .item() !== 0
) {
  throw new Error('demo: unexpected Hessian');
}

// Seed 002: step-size schedules, LambdaLR (lr·0.95^epoch) and StepLR (×0.1 every 30 epochs),
// on any object with paramGroups — here a bare one, over 100 epochs from lr = 0.1.
for (const [label, make] of [
  ['LambdaLR(0.95^epoch), 100 epochs', (o) => new LambdaLR(o, { lrLambda: (e) => 0.95 ** e })],
  ['StepLR(stepSize 30, γ 0.1), 100 epochs', (o) => new StepLR(o, { stepSize: 30, gamma: 0.1 })],
]) {
  const opt = { paramGroups: [{ lr: 0.1 }] };
  const sched = make(opt);
  const lrs = [];
  for (let epoch = 0; epoch < 100; epoch++, sched.step()) lrs.push(opt.paramGroups[0].lr);
  line(label, `lr₉₉ = ${lrs[99].toPrecision(4)}`, sparkline(lrs.filter((_, i) => i % 4 === 0)));
}

// Seed 004: MultiLayerNet (sigmoid, weight_init_std = 0.01) trained by each optimizer for 1000
// iterations of batch 100 — here on the bundled 8×8 digits (64 inputs) instead of MNIST's 784.
console.log(
  '\nSeed 004 — optimizers on an MLP 64-40-20-10 (sigmoid, init std 0.01), bundled digits\n',
);
const digits = loadDigits();
const [xTrain, xTest, yTrain, yTest] = trainTestSplit([digits.data.div(16), digits.target], {
  testSize: 0.25,
  seed: 0,
  stratify: digits.target,
});
const optimizers = {
  SGD: (p) => new SGD(p, { lr: 0.01 }),
  Momentum: (p) => new SGD(p, { lr: 0.01, momentum: 0.9 }),
  AdaGrad: (p) => new Adagrad(p, { lr: 0.01, eps: 1e-7 }),
  RMSprop: (p) => new RMSprop(p, { lr: 0.01, alpha: 0.99, eps: 1e-7 }),
  Adam: (p) => new Adam(p, { lr: 0.01 }),
};
const iterations = 1000;
const every = 50;
const curves = {};
const t0 = performance.now();
for (const [name, make] of Object.entries(optimizers)) {
  manualSeed(0);
  const net = mlp([64, 40, 20, 10], { activation: 'sigmoid', init: 'normal', std: 0.01 });
  const opt = make(net.parameters());
  const loader = new DataLoader(new TensorDataset(xTrain, yTrain), {
    batchSize: 100,
    shuffle: true,
    seed: 0,
  });
  const curve = [];
  let i = 0;
  while (i < iterations) {
    for (const [xb, yb] of loader) {
      opt.zeroGrad();
      crossEntropy(net.forward(xb), yb).backward();
      opt.step();
      if (++i % every === 0) curve.push(accuracy(net.forward(xTest).value, yTest));
      if (i === iterations) break;
    }
  }
  curves[name] = curve;
  line(
    name,
    `test accuracy ${(curve.at(-1) * 100).toFixed(1)}%`,
    sparkline(curve, { min: 0, max: 1 }),
  );
}
console.log(
  `\n  (${Object.keys(optimizers).length} × ${iterations} iterations in ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`,
);
const iters = Array.from({ length: iterations / every }, (_, k) => (k + 1) * every);
console.log('  test accuracy against iterations\n');
console.log(
  terminalChart(Object.values(curves), {
    width: 60,
    height: 12,
    labels: Object.keys(curves),
    x: iters,
  }),
);
