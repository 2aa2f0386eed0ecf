// What the browser smoke test runs inside headless Chromium: every package's browser entry, doing
// real work — the lecture's GD number through autodiff, an MLP trained on bundled iris with Adam
// and StepLR through a DataLoader, a cross-entropy, a contour plot, and d2l's lecture experiments.
// Results land on window.__gd.
import { grad } from '@gd/autodiff';
import { compileExpression, surfaces } from '@gd/expr';
import { DataLoader, TensorDataset, loadIris, standardize } from '@gd/datasets';
import { lectureReport, saddleHessian } from '@gd/lectures';
import { accuracy, crossEntropy } from '@gd/losses';
import { mlp } from '@gd/nn';
import { Adam } from '@gd/optim';
import { StepLR } from '@gd/schedulers';
import { backendName, manualSeed, matmul, randn, tensor, useBackend, wasmTier } from '@gd/tensor';
import { contourPlot } from '@gd/viz';

function run() {
  const df = grad((x) => x.pow(2).add(x.neg().exp()));
  let x = 3;
  for (let i = 0; i < 10_001; i++) x -= 0.0005 * df(tensor(x, { dtype: 'float64' })).item();

  manualSeed(0);
  const a = randn([64, 64]);
  const matmulOk = matmul(a, a, { transposeB: true }).shape.join('x');

  // The WASM SIMD kernel tier must be the one running here, and agree with the JS tier.
  const tier = backendName();
  const relaxedSimd = wasmTier().relaxedSimd;
  const p = randn([70, 90]);
  const q = randn([90, 50]);
  const viaWasm = matmul(p, q, { transposeA: false }).data;
  useBackend('js');
  const viaJs = matmul(p, q).data;
  useBackend('wasm');
  let wasmVsJs = 0;
  for (let i = 0; i < viaJs.length; i++)
    wasmVsJs = Math.max(wasmVsJs, Math.abs(viaWasm[i] - viaJs[i]));

  const iris = loadIris();
  const features = standardize(iris.data).transform(iris.data);
  const net = mlp([4, 16, 3], { activation: 'tanh' });
  const opt = new Adam(net.parameters(), { lr: 0.02 });
  const sched = new StepLR(opt, { stepSize: 20, gamma: 0.5 });
  const loader = new DataLoader(new TensorDataset(features, iris.target), {
    batchSize: 30,
    shuffle: true,
    seed: 0,
  });
  for (let epoch = 0; epoch < 60; epoch++) {
    for (const [xb, yb] of loader) {
      opt.zeroGrad();
      crossEntropy(net.forward(xb), yb).backward();
      opt.step();
    }
    sched.step();
  }
  const irisAccuracy = accuracy(net.forward(features).value, iris.target);

  // The docs playground's path: a typed formula compiled onto autodiff ops and differentiated.
  const typed = compileExpression(surfaces.rosenbrock.expression);
  const dTyped = grad((u, v) => typed.evaluate({ x: u, y: v }), { argnums: [0, 1] })(
    tensor(-1.5, { dtype: 'float64' }),
    tensor(2, { dtype: 'float64' }),
  ).map((t) => t.item());

  const svg = contourPlot((u, v) => (1 - u) ** 2 + 100 * (v - u * u) ** 2, {
    xRange: [-2, 2],
    yRange: [-1, 3],
    minimum: [1, 1],
  });
  document.body.innerHTML = svg;
  const d2l = lectureReport('d2l');
  return {
    saddleEigenvalues: saddleHessian().eigenvalues.join(','),
    d2lFigures: d2l.figures.filter((f) => f.svg.startsWith('<svg')).length,
    gd: x,
    exprGrad: dTyped,
    matmulOk,
    tier,
    relaxedSimd,
    wasmVsJs,
    irisAccuracy,
    lr: opt.paramGroups[0].lr,
    svgPaths: document.querySelectorAll('svg path').length,
    userAgent: navigator.userAgent,
  };
}

try {
  window.__gd = run();
} catch (e) {
  window.__gdError = `${e?.name}: ${e?.message}\n${e?.stack}`;
}
