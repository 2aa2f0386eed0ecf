import { type Var, grad, gradCheck, matmul, numericalGrad, variable } from '@gd/autodiff';
import { loadDigits, trainTestSplit } from '@gd/datasets';
import { accuracy, multiclassHinge } from '@gd/losses';
import { SGD, randomLocalSearch, randomSearch } from '@gd/optim';
import { type Tensor, concat, manualSeed, ones, randn } from '@gd/tensor';

// #region data
/** The bundled 8×8 digits in place of CIFAR-10: pixels in [0, 1] and a bias column of ones. */
export function digits() {
  const { data, target } = loadDigits({ dtype: 'float64' });
  const x = concat([data.div(16), ones([data.shape[0], 1], { dtype: 'float64' })], 1);
  const [xTrain, xTest, yTrain, yTest] = trainTestSplit([x, target], { testSize: 0.25, seed: 0 });
  return { xTrain, xTest, yTrain, yTest };
}

/** The multiclass SVM loss of cs231n (Δ = 1), averaged over the examples. */
export const svmLoss = (x: Tensor, y: Tensor) => (w: Var | Tensor) =>
  multiclassHinge(matmul(x, w), y);
// #endregion data

// #region search
export function compareStrategies(trials = 1000) {
  const { xTrain, xTest, yTrain, yTest } = digits();
  const loss = svmLoss(xTrain, yTrain);
  const testAccuracy = (w: Tensor) => accuracy(xTest.matmul(w), yTest);

  manualSeed(0);
  const w1 = variable(randn([65, 10], { dtype: 'float64' }).mul(1e-4));
  const random = randomSearch([w1], () => loss(w1.value).item(), { trials });

  manualSeed(0);
  const w2 = variable(randn([65, 10], { dtype: 'float64' }).mul(1e-3));
  const local = randomLocalSearch([w2], () => loss(w2.value).item(), { trials, stepSize: 1e-2 });

  manualSeed(0);
  const w3 = variable(randn([65, 10], { dtype: 'float64' }).mul(1e-3));
  const opt = new SGD([w3], { lr: 0.1 });
  const gradient: number[] = [];
  for (let i = 0; i < trials; i++) {
    opt.zeroGrad();
    const l = loss(w3);
    l.backward();
    opt.step();
    gradient.push(l.item());
  }
  return {
    random: { curve: random.bestLosses, accuracy: testAccuracy(w1.value) },
    local: { curve: local.bestLosses, accuracy: testAccuracy(w2.value) },
    gradient: { curve: gradient, accuracy: testAccuracy(w3.value) },
  };
}
// #endregion search

// #region gradients
export function checkGradients() {
  const { xTrain, yTrain } = digits();
  const x = xTrain.slice([[0, 100]]);
  const y = yTrain.slice([[0, 100]]);
  manualSeed(1);
  const w = randn([65, 10], { dtype: 'float64' }).mul(1e-3);
  const loss = svmLoss(x, y);
  const analytic = grad(loss)(w); // exact, one backward pass
  const numeric = numericalGrad((v: Tensor) => loss(v), w, { h: 1e-5 }); // 2 · 650 loss evaluations
  const diff = analytic.sub(numeric).abs().max().item();
  const scale = analytic.abs().add(numeric.abs()).max().item();
  return { maxAbsError: diff, relativeError: diff / scale, check: gradCheck(loss, [w]) };
}
// #endregion gradients

// #region step-size
/** One step along −∇L from the same W for step sizes 10⁻⁶ … 10³: too small barely moves, too large overshoots. */
export function stepSizeSweep() {
  const { xTrain, yTrain } = digits();
  const loss = svmLoss(xTrain, yTrain);
  manualSeed(2);
  const w = randn([65, 10], { dtype: 'float64' }).mul(1e-3);
  const df = grad(loss)(w);
  const original = loss(w).item();
  const rows = [-6, -5, -4, -3, -2, -1, 0, 1, 2, 3].map((e) => {
    const step = Number(`1e${e}`);
    return { step, loss: loss(w.sub(df.mul(step))).item() };
  });
  return { original, rows };
}
// #endregion step-size

// #region slices
/** The SVM loss along one random direction (1-D) and over a plane of two (2-D) through a random W. */
export function lossSlices(n1 = 201, n2 = 41) {
  const { xTrain, yTrain } = digits();
  const loss = svmLoss(xTrain.slice([[0, 1]]), yTrain.slice([[0, 1]])); // one example, as cs231n
  const lossAll = svmLoss(xTrain.slice([[0, 100]]), yTrain.slice([[0, 100]]));
  manualSeed(3);
  const w = randn([65, 10], { dtype: 'float64' });
  const d1 = randn([65, 10], { dtype: 'float64' });
  const d2 = randn([65, 10], { dtype: 'float64' });
  const at = (f: (v: Tensor) => Var | Tensor, a: number, b = 0) =>
    f(w.add(d1.mul(a)).add(d2.mul(b))).item();
  const ts = Array.from({ length: n1 }, (_, i) => -1 + (2 * i) / (n1 - 1));
  const grid = Array.from({ length: n2 }, (_, i) => -1 + (2 * i) / (n2 - 1));
  return {
    t: ts,
    oneExample: ts.map((a) => at(loss, a)),
    hundredExamples: ts.map((a) => at(lossAll, a)),
    plane: { x: grid, y: grid, z: grid.map((b) => grid.map((a) => at(lossAll, a, b))) },
  };
}
// #endregion slices
