import { type Var, grad, gradCheck, matmul, noGrad, numericalGrad, variable } from '@gd/autodiff';
import { loadDigits, trainTestSplit } from '@gd/datasets';
import { accuracy, multiclassHinge } from '@gd/losses';
import {
  RandomLocalSearch,
  RandomSearch,
  SGD,
  type SweepResult,
  stepSizeSweep as sweepStepSizes,
} from '@gd/optim';
import { Generator, Tensor, concat, ones, rand, randn } from '@gd/tensor';
import { type Grid2D, heatmap, landscape1d, landscape2d, linePlot } from '@gd/viz';
import type { Figure, LectureNumber, LectureReport } from './report';
import { formatNumber } from './report';

/** The linear classifier's data: features with a bias column appended (the bias trick), labels. */
export interface SvmData {
  /** Training features [N, 65]: the 64 pixel values 0…16 of the digits and a constant 1. */
  xTrain: Tensor;
  /** Training labels, int32 [N]. */
  yTrain: Tensor;
  /** Test features [M, 65]. */
  xTest: Tensor;
  /** Test labels, int32 [M]. */
  yTest: Tensor;
}

/**
 * The bundled digits prepared as cs231n prepares CIFAR-10 for its linear SVM: raw pixel values
 * (0…16), a column of ones appended for the bias, float64, split 75 % / 25 % stratified (seed 0).
 *
 * @example
 * ```ts
 * svmDigits().xTrain.shape; // [1347, 65]
 * ```
 */
export function svmDigits(): SvmData {
  const { data, target } = loadDigits({ dtype: 'float64' });
  const x = concat([data, ones([data.shape[0], 1], { dtype: 'float64' })], 1);
  const [xTrain, xTest, yTrain, yTest] = trainTestSplit([x, target], {
    testSize: 0.25,
    seed: 0,
    stratify: target,
  });
  return { xTrain, yTrain, xTest, yTest };
}

/** The data loss of the multiclass SVM at W [65, 10]: $L = \frac1N\sum_i\sum_{j≠y_i}\max(0, s_j − s_{y_i} + 1)$, s = XW. */
function svmLoss(x: Tensor, y: Tensor, w: Tensor | Var): number {
  return multiclassHinge(matmul(x, w), y).item();
}

/** Test accuracy of the linear classifier W. */
function testAccuracy(data: SvmData, w: Tensor): number {
  return accuracy(matmul(data.xTest, w), data.yTest);
}

/** The first n rows of x. */
function firstRows(x: Tensor, n: number): Tensor {
  const d = x.ndim === 1 ? 1 : x.shape[1];
  const src = x.data;
  const data = src.slice(0, n * d);
  return new Tensor(data, x.ndim === 1 ? [n] : [n, d]);
}

/** Result of {@link lossSlices}. */
export interface LossSlices {
  /** 1-D slice on one example: L(W + aW₁) at each a. */
  oneExample1d: {
    /** The steps a along W₁. */
    a: number[];
    /** L(W + aW₁) at each a. */
    loss: number[];
  };
  /** 2-D slice on one example: L(W + aW₁ + bW₂). */
  oneExample2d: Grid2D;
  /** 2-D slice of the loss averaged over `examples` examples. */
  manyExamples2d: Grid2D;
  /** Number of examples in the averaged slice. */
  examples: number;
}

/** Options of {@link lossSlices}. */
export interface LossSlicesOptions {
  /** Examples averaged in the right-hand slice. Default 100 (cs231n's). */
  examples?: number;
  /** Grid points per axis. Default 51. */
  steps?: number;
  /** Seed of W and the directions. Default 0. */
  seed?: number;
}

/**
 * cs231n's loss slices of the multiclass SVM (no regularisation) around a random W: along a line,
 * $L(W + aW_1)$, and on a plane, $L(W + aW_1 + bW_2)$, for one example (piecewise linear) and
 * averaged over 100 (a bowl made of many piecewise-linear pieces). W and the directions are
 * Gaussian (std 0.001 and 0.02); a, b ∈ [−1, 1].
 *
 * Defaults: 100 examples, 51 × 51 grid, seed 0.
 *
 * @example
 * ```ts
 * const { oneExample1d } = lossSlices({ steps: 21 });
 * ```
 */
export function lossSlices(options: LossSlicesOptions = {}): LossSlices {
  const { examples = 100, steps = 51, seed = 0 } = options;
  const data = svmDigits();
  const g = new Generator(seed);
  const w = randn([65, 10], { dtype: 'float64', generator: g }).mul(0.001);
  const d1 = [randn([65, 10], { dtype: 'float64', generator: g }).mul(0.02)];
  const d2 = [randn([65, 10], { dtype: 'float64', generator: g }).mul(0.02)];
  const x1 = firstRows(data.xTrain, 1);
  const y1 = firstRows(data.yTrain, 1);
  const xs = firstRows(data.xTrain, examples);
  const ys = firstRows(data.yTrain, examples);
  const one = (p: Tensor[]) => svmLoss(x1, y1, p[0]);
  const many = (p: Tensor[]) => svmLoss(xs, ys, p[0]);
  const s1 = landscape1d(one, [w], { direction: d1, steps: 101 });
  const grid1 = landscape2d(one, [w], { directions: [d1, d2], steps });
  const grid2 = landscape2d(many, [w], { directions: [d1, d2], steps });
  return {
    oneExample1d: { a: s1.alphas, loss: s1.losses },
    oneExample2d: { x: grid1.x, y: grid1.y, z: grid1.z },
    manyExamples2d: { x: grid2.x, y: grid2.y, z: grid2.z },
    examples,
  };
}

/** One strategy's run in {@link randomSearchVsLocalVsGradient}. */
export interface StrategyRun {
  /** 'random search', 'random local search' or 'gradient following'. */
  label: string;
  /** The best training loss after each loss evaluation / update. */
  bestLosses: number[];
  /** The final (best) training loss. */
  bestLoss: number;
  /** Test accuracy of the final W. */
  testAccuracy: number;
}

/** Options of {@link randomSearchVsLocalVsGradient}. */
export interface StrategiesOptions {
  /** Loss evaluations (random searches) and updates (gradient following). Default 1000. */
  trials?: number;
  /** Learning rate of gradient following. Default 1e-4. */
  lr?: number;
  /** Seed. Default 0. */
  seed?: number;
}

/**
 * cs231n's three strategies on the multiclass SVM, each with the same budget: random search
 * (W ~ 0.0001·N(0, 1) afresh each trial, keep the best), random local search (W + 0.0001·N(0, 1),
 * keep if better, from W ~ 0.001·N(0, 1)) — @gd/optim's RandomSearch and RandomLocalSearch — and
 * gradient following (full-batch gradient descent with autodiff's gradient). Reports the best
 * training loss and the test accuracy of the final W.
 *
 * Defaults: 1000 trials, lr 1e-4, seed 0.
 *
 * @example
 * ```ts
 * const [search, local, gradient] = randomSearchVsLocalVsGradient({ trials: 200 });
 * ```
 */
export function randomSearchVsLocalVsGradient(options: StrategiesOptions = {}): StrategyRun[] {
  const { trials = 1000, lr = 1e-4, seed = 0 } = options;
  const data = svmDigits();
  const loss = (w: Var) => multiclassHinge(matmul(data.xTrain, w), data.yTrain);
  const runs: StrategyRun[] = [];

  const ws = variable(
    randn([65, 10], { dtype: 'float64', generator: new Generator(seed) }).mul(0.0001),
  );
  const search = new RandomSearch([ws], { std: 0.0001, generator: new Generator(seed + 1) });
  const bestSearch: number[] = [];
  for (let i = 0; i < trials; i++) {
    search.step(() => noGrad(() => loss(ws).item()));
    bestSearch.push(search.bestLoss);
  }
  runs.push({
    label: 'random search',
    bestLosses: bestSearch,
    bestLoss: search.bestLoss,
    testAccuracy: testAccuracy(data, ws.value),
  });

  const wl = variable(
    randn([65, 10], { dtype: 'float64', generator: new Generator(seed + 2) }).mul(0.001),
  );
  const local = new RandomLocalSearch([wl], {
    stepSize: 0.0001,
    generator: new Generator(seed + 3),
  });
  const bestLocal: number[] = [];
  for (let i = 0; i < trials; i++) {
    local.step(() => noGrad(() => loss(wl).item()));
    bestLocal.push(local.bestLoss);
  }
  runs.push({
    label: 'random local search',
    bestLosses: bestLocal,
    bestLoss: local.bestLoss,
    testAccuracy: testAccuracy(data, wl.value),
  });

  const wg = variable(
    randn([65, 10], { dtype: 'float64', generator: new Generator(seed + 2) }).mul(0.001),
  );
  const gd = new SGD([wg], { lr });
  const gradLosses: number[] = [];
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < trials; i++) {
    gd.zeroGrad();
    const l = loss(wg);
    l.backward();
    gd.step();
    best = Math.min(best, l.item());
    gradLosses.push(best);
  }
  best = Math.min(best, loss(wg).item());
  runs.push({
    label: 'gradient following',
    bestLosses: gradLosses,
    bestLoss: best,
    testAccuracy: testAccuracy(data, wg.value),
  });
  return runs;
}

/** Result of {@link numericalVsAnalyticGradient}. */
export interface GradientComparison {
  /** The analytic gradient (autodiff), flattened. */
  analytic: number[];
  /** The central-difference gradient (h = 1e-5), flattened. */
  numerical: number[];
  /** The forward-difference gradient (cs231n's eval_numerical_gradient), flattened. */
  forward: number[];
  /** $\|a − n\| / (\|a\| + \|n\|)$ over the whole gradient (central differences); below 1e-7 is a pass. */
  relativeError: number;
  /** The same for forward differences. */
  relativeErrorForward: number;
  /**
   * max over entries of cs231n's $|a − n| / \max(10^{-8}, |a| + |n|)$ (central differences); entries
   * that are 0 up to rounding (1e-15 vs 0) reach 1e-7 through the 1e-8 floor.
   */
  maxRelativeError: number;
  /** The same for forward differences. */
  maxRelativeErrorForward: number;
  /** @gd/autodiff's gradCheck verdict (eps 1e-6, atol 1e-5, rtol 1e-3, as torch.autograd.gradcheck). */
  gradCheckOk: boolean;
}

/** Options of {@link numericalVsAnalyticGradient}. */
export interface GradientComparisonOptions {
  /** Training examples in the loss. Default 200. */
  examples?: number;
  /** Seed of W. Default 0. */
  seed?: number;
}

/** $\|a − n\|_2 / (\|a\|_2 + \|n\|_2)$. */
function normRelativeError(a: ArrayLike<number>, n: ArrayLike<number>): number {
  let d = 0;
  let na = 0;
  let nn = 0;
  for (let i = 0; i < a.length; i++) {
    d += (a[i] - n[i]) ** 2;
    na += a[i] * a[i];
    nn += n[i] * n[i];
  }
  const scale = Math.sqrt(na) + Math.sqrt(nn);
  return scale === 0 ? 0 : Math.sqrt(d) / scale;
}

/** $\max_i |a_i − n_i| / \max(10^{-8}, |a_i| + |n_i|)$, cs231n's relative error (the floor keeps entries that are 0 in both from dividing by 0). */
function maxRelativeError(a: ArrayLike<number>, n: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    worst = Math.max(
      worst,
      Math.abs(a[i] - n[i]) / Math.max(1e-8, Math.abs(a[i]) + Math.abs(n[i])),
    );
  }
  return worst;
}

/**
 * cs231n's gradient check on the SVM loss at W = 0.001·U(0, 1): the analytic gradient (autodiff)
 * against finite differences with h = 1e-5, central (@gd/autodiff's numericalGrad) and forward
 * (the notes' eval_numerical_gradient), with the relative error $\|a − n\| / (\|a\| + \|n\|)$ and
 * cs231n's entry-wise $|a − n| / \max(10^{-8}, |a| + |n|)$.
 *
 * Defaults: 200 examples, seed 0.
 *
 * @example
 * ```ts
 * numericalVsAnalyticGradient({ examples: 50 }).relativeError; // < 1e-7
 * ```
 */
export function numericalVsAnalyticGradient(
  options: GradientComparisonOptions = {},
): GradientComparison {
  const { examples = 200, seed = 0 } = options;
  const data = svmDigits();
  const x = firstRows(data.xTrain, examples);
  const y = firstRows(data.yTrain, examples);
  const w = rand([65, 10], { dtype: 'float64', generator: new Generator(seed) }).mul(0.001);
  const f = (v: Tensor | Var) => multiclassHinge(matmul(x, v), y);
  const analytic = Array.from(grad(f)(w).data);
  const numerical = Array.from(numericalGrad(f, w, { h: 1e-5 }).data);
  const forward = Array.from(numericalGrad(f, w, { h: 1e-5, method: 'forward' }).data);
  return {
    analytic,
    numerical,
    forward,
    relativeError: normRelativeError(analytic, numerical),
    relativeErrorForward: normRelativeError(analytic, forward),
    maxRelativeError: maxRelativeError(analytic, numerical),
    maxRelativeErrorForward: maxRelativeError(analytic, forward),
    gradCheckOk: gradCheck(f, [w]).ok,
  };
}

/** The losses cs231n prints for its step-size sweep on CIFAR-10 (original, then 1e-10 … 1e-1). */
export const CS231N_SWEEP_PRINTED: readonly string[] = [
  '2.200718',
  '2.200652',
  '2.200057',
  '2.194116',
  '2.135493',
  '1.647802',
  '2.844355',
  '25.558142',
  '254.086573',
  '2539.370888',
  '25392.214036',
];

/**
 * cs231n's step-size sweep: from W = 0.001·U(0, 1), one step $W − t∇L$ for t = 1e-10, 1e-9, …, 1e-1
 * (@gd/optim's stepSizeSweep), on the whole training set. Too small a step barely moves; too
 * large overshoots.
 *
 * Defaults: seed 0.
 *
 * @example
 * ```ts
 * const { original, entries, best } = stepSizeSweep();
 * ```
 */
export function stepSizeSweep(options: { seed?: number } = {}): SweepResult {
  const data = svmDigits();
  const w = rand([65, 10], { dtype: 'float64', generator: new Generator(options.seed ?? 0) }).mul(
    0.001,
  );
  const f = (v: Tensor | Var) => multiclassHinge(matmul(data.xTrain, v), data.yTrain);
  return sweepStepSizes((v) => f(v).item(), w, grad(f)(w));
}

/** Result of {@link minibatchGradientDescent}. */
export interface MinibatchRun {
  /** Minibatch loss at each update. */
  losses: number[];
  /** Full training loss at the end. */
  trainLoss: number;
  /** Test accuracy at the end. */
  testAccuracy: number;
}

/** Options of {@link minibatchGradientDescent}. */
export interface MinibatchOptions {
  /** Updates. Default 300. */
  steps?: number;
  /** Examples per minibatch. Default 256 (cs231n's). */
  batchSize?: number;
  /** Learning rate. Default 1e-3. */
  lr?: number;
  /** Seed. Default 0. */
  seed?: number;
}

/**
 * cs231n's minibatch gradient descent on the SVM: each update uses the gradient of the loss on
 * `batchSize` random training examples, $W ← W − η∇L_{batch}(W)$ (@gd/optim's SGD).
 *
 * Defaults: 300 steps, batch 256, lr 1e-3, seed 0.
 *
 * @example
 * ```ts
 * minibatchGradientDescent({ steps: 100 }).testAccuracy;
 * ```
 */
export function minibatchGradientDescent(options: MinibatchOptions = {}): MinibatchRun {
  const { steps = 300, batchSize = 256, lr = 1e-3, seed = 0 } = options;
  const data = svmDigits();
  const g = new Generator(seed);
  const w = variable(randn([65, 10], { dtype: 'float64', generator: g }).mul(0.001));
  const opt = new SGD([w], { lr });
  const n = data.xTrain.shape[0];
  const xs = data.xTrain.data as Float64Array;
  const ys = data.yTrain.data as Int32Array;
  const losses: number[] = [];
  const xb = new Float64Array(batchSize * 65);
  const yb = new Int32Array(batchSize);
  for (let s = 0; s < steps; s++) {
    for (let k = 0; k < batchSize; k++) {
      const i = g.integer(0, n);
      xb.set(xs.subarray(i * 65, i * 65 + 65), k * 65);
      yb[k] = ys[i];
    }
    opt.zeroGrad();
    const l = multiclassHinge(
      matmul(new Tensor(xb.slice(), [batchSize, 65]), w),
      new Tensor(yb.slice(), [batchSize]),
    );
    l.backward();
    opt.step();
    losses.push(l.item());
  }
  return {
    losses,
    trainLoss: svmLoss(data.xTrain, data.yTrain, w.value),
    testAccuracy: testAccuracy(data, w.value),
  };
}

/** Options of {@link cs231nLecture}. */
export interface Cs231nLectureOptions {
  /** Budget of the three strategies. Default 1000. */
  trials?: number;
  /** Grid points per axis of the 2-D slices. Default 51. */
  sliceSteps?: number;
  /** Minibatch updates. Default 300. */
  minibatchSteps?: number;
  /** Training examples in the gradient check. Default 200. */
  checkExamples?: number;
}

/**
 * Runs every experiment of cs231n's optimisation notes on the bundled digits (in place of
 * CIFAR-10) and returns its numbers beside the notes' and its figures: loss slices, the three
 * strategies, the gradient check, the step-size sweep and minibatch gradient descent.
 *
 * Defaults: 1000 trials, 51 × 51 slices, 300 minibatch updates, 200 examples in the gradient check.
 *
 * @example
 * ```ts
 * const { numbers } = cs231nLecture({ trials: 100, sliceSteps: 21, minibatchSteps: 50 });
 * ```
 */
export function cs231nLecture(options: Cs231nLectureOptions = {}): LectureReport {
  const { trials = 1000, sliceSteps = 51, minibatchSteps = 300, checkExamples = 200 } = options;
  const numbers: LectureNumber[] = [];
  const figures: Figure[] = [];
  numbers.push({
    label: 'data',
    lecture: 'CIFAR-10, W 10 × 3073',
    gd: 'digits (8×8, bundled), W 65 × 10',
  });

  const slices = lossSlices({ steps: sliceSteps });
  figures.push({
    file: 'loss-slice-1d',
    caption:
      'The multiclass SVM loss of one example along a random direction, L(W + aW₁): piecewise linear.',
    svg: linePlot(
      { x: slices.oneExample1d.a, y: slices.oneExample1d.loss, label: 'one example' },
      { title: 'SVM loss along a line', xLabel: 'a', yLabel: 'loss' },
    ),
  });
  figures.push({
    file: 'loss-slice-2d-one',
    caption:
      'L(W + aW₁ + bW₂) for one example (blue = low, red = high): flat pieces joined at kinks.',
    svg: heatmap(slices.oneExample2d, {
      title: 'SVM loss on a plane, one example',
      xLabel: 'a',
      yLabel: 'b',
      colormap: 'coolwarm',
    }),
  });
  figures.push({
    file: 'loss-slice-2d-many',
    caption: `The same plane for the loss averaged over ${slices.examples} examples: a bowl made of many piecewise-linear pieces.`,
    svg: heatmap(slices.manyExamples2d, {
      title: `SVM loss on a plane, ${slices.examples} examples`,
      xLabel: 'a',
      yLabel: 'b',
      colormap: 'coolwarm',
    }),
  });

  const runs = randomSearchVsLocalVsGradient({ trials });
  const printedAcc: Record<string, string | undefined> = {
    'random search': '15.5%',
    'random local search': '21.4%',
  };
  numbers.push({
    label: 'random search: loss of the first attempt (W = 0.0001·N(0, 1))',
    lecture: '9.401632',
    gd: formatNumber(runs[0].bestLosses[0], 7),
  });
  for (const r of runs) {
    numbers.push({
      label: `${r.label}, ${trials} evaluations: best training loss`,
      gd: formatNumber(r.bestLoss, 7),
    });
    numbers.push({
      label: `${r.label}: test accuracy of the final W`,
      lecture: printedAcc[r.label],
      gd: `${formatNumber(100 * r.testAccuracy, 3)}%`,
    });
  }
  figures.push({
    file: 'search-strategies',
    caption: `Best training loss after each of ${trials} loss evaluations: random search, random local search, and following the gradient.`,
    svg: linePlot(
      runs.map((r) => ({ y: r.bestLosses, label: r.label })),
      { title: 'Three strategies', xLabel: 'loss evaluation', yLabel: 'best loss', yScale: 'log' },
    ),
  });

  const check = numericalVsAnalyticGradient({ examples: checkExamples });
  numbers.push({
    label: 'gradient check, central differences (h = 1e-5): ‖a − n‖/(‖a‖ + ‖n‖)',
    gd: check.relativeError.toExponential(2),
  });
  numbers.push({
    label: 'gradient check, central differences: max entry-wise |a − n|/max(1e-8, |a| + |n|)',
    gd: check.maxRelativeError.toExponential(2),
  });
  numbers.push({
    label: 'gradCheck (eps 1e-6, atol 1e-5, rtol 1e-3)',
    gd: check.gradCheckOk ? 'ok' : 'FAILED',
  });
  numbers.push({
    label: 'gradient check, forward differences (h = 1e-5): ‖a − n‖/(‖a‖ + ‖n‖)',
    gd: check.relativeErrorForward.toExponential(2),
  });
  figures.push({
    file: 'gradient-check',
    caption:
      'Each entry of the SVM gradient at a random W: the numerical (central-difference) value against the analytic one (autodiff) — they lie on the diagonal.',
    svg: linePlot(
      [
        { x: check.analytic, y: check.numerical, label: 'entries', marker: 'circle', lineWidth: 0 },
        {
          x: [Math.min(...check.analytic), Math.max(...check.analytic)],
          y: [Math.min(...check.analytic), Math.max(...check.analytic)],
          label: 'numerical = analytic',
          dash: 'dashed',
        },
      ],
      { title: 'Numerical vs analytic gradient', xLabel: 'analytic', yLabel: 'numerical' },
    ),
  });

  const sweep = stepSizeSweep();
  numbers.push({
    label: 'step-size sweep: original loss',
    lecture: CS231N_SWEEP_PRINTED[0],
    gd: formatNumber(sweep.original, 7),
  });
  sweep.entries.forEach((e, i) => {
    numbers.push({
      label: `step size ${e.stepSize.toExponential(0)}: new loss`,
      lecture: CS231N_SWEEP_PRINTED[i + 1],
      gd: formatNumber(e.loss, 7),
    });
  });
  figures.push({
    file: 'step-size-sweep',
    caption:
      'The loss after one gradient step of each size from the same W: tiny steps barely help, large ones overshoot.',
    svg: linePlot(
      [
        {
          x: sweep.entries.map((e) => e.stepSize),
          y: sweep.entries.map((e) => e.loss),
          label: 'after one step',
          marker: 'circle',
        },
        {
          x: [sweep.entries[0].stepSize, sweep.entries[sweep.entries.length - 1].stepSize],
          y: [sweep.original, sweep.original],
          label: 'original loss',
          dash: 'dashed',
        },
      ],
      {
        title: 'Step-size sweep',
        xLabel: 'step size',
        yLabel: 'loss',
        xScale: 'log',
        yScale: 'log',
      },
    ),
  });

  const mb = minibatchGradientDescent({ steps: minibatchSteps });
  numbers.push({
    label: `minibatch GD (batch 256, lr 1e-3, ${minibatchSteps} updates): training loss`,
    gd: formatNumber(mb.trainLoss, 5),
  });
  numbers.push({
    label: 'minibatch GD: test accuracy',
    gd: `${formatNumber(100 * mb.testAccuracy, 3)}%`,
  });
  figures.push({
    file: 'minibatch-gd',
    caption:
      'Minibatch gradient descent (256 examples per update): the minibatch loss is noisy but falls.',
    svg: linePlot(
      { y: mb.losses, label: 'minibatch loss' },
      { title: 'Minibatch gradient descent', xLabel: 'update', yLabel: 'loss', yScale: 'log' },
    ),
  });
  return { numbers, figures };
}
