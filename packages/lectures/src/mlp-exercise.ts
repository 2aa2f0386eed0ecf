import { type Var, noGrad } from '@gd/autodiff';
import { loadDigits, trainTestSplit } from '@gd/datasets';
import { accuracy, crossEntropy } from '@gd/losses';
import { mlp } from '@gd/nn';
import { Adagrad, Adam, RMSprop, SGD } from '@gd/optim';
import { Generator, Tensor } from '@gd/tensor';
import { linePlot } from '@gd/viz';
import type { RaceOptimizer } from './optimizers';
import type { Figure, LectureNumber, LectureReport } from './report';
import { formatNumber } from './report';

/** Train and test data for {@link mlpExercise}: flattened images in [0, 1] and int32 labels. */
export interface ExerciseData {
  /** What the data is, e.g. `Fashion-MNIST` or `digits (8×8)`. */
  name: string;
  /** Training images [N, D], float32. */
  xTrain: Tensor;
  /** Training labels [N], int32. */
  yTrain: Tensor;
  /** Test images [M, D], float32. */
  xTest: Tensor;
  /** Test labels [M], int32. */
  yTest: Tensor;
}

/**
 * The bundled digits as exercise data (the offline stand-in for MNIST): 8 × 8 images scaled to
 * [0, 1] (pixel/16), 64 inputs, split 75 % / 25 % stratified with seed 0.
 *
 * @example
 * ```ts
 * const d = digitsExerciseData();
 * d.xTrain.shape; // [1347, 64]
 * ```
 */
export function digitsExerciseData(): ExerciseData {
  const { data, target } = loadDigits();
  const [xTrain, xTest, yTrain, yTest] = trainTestSplit([data.div(16), target], {
    testSize: 0.25,
    seed: 0,
    stratify: target,
  });
  return { name: 'digits (8×8, bundled)', xTrain, yTrain, xTest, yTest };
}

/** One optimizer of the exercise: its label and how to build it from the network's parameters. */
export interface ExerciseOptimizer {
  /** Legend label. */
  label: string;
  /** The update rule as the exercise writes it. */
  lectureForm: string;
  /** The exercise's rule as gd options. */
  rule: string;
  /** Builds the optimizer. */
  make: (params: Var[]) => RaceOptimizer;
}

/**
 * The exercise's five optimizers with its hyperparameters (learning rate 0.01, the exercise's
 * `learn_rate`) and update rules, each as @gd/optim options:
 * SGD $w ← w − ε∇E$; Momentum $V ← μV − ε∇E,\ w ← w + V$ (μ = 0.9) as `{ momentum: 0.9 }`;
 * AdaGrad $h_0 = θ,\ h ← h + (∇E)^2,\ w ← w − ε∇E/(\sqrt h + θ)$ (θ = 1e-7);
 * RMSProp $h ← αh + (1−α)(∇E)^2$ (α = 0.99) with the same θ;
 * Adam $\hat m = m/(1−ρ_1),\ \hat v = v/(1−ρ_2),\ w ← w − η\hat m/(\sqrt{\hat v} + ε)$
 * (ρ = 0.9, 0.999, ε = 1e-7) as `{ biasCorrection: 'constant' }`.
 *
 * @example
 * ```ts
 * EXERCISE_OPTIMIZERS.map((o) => o.label); // ['SGD', 'Momentum', 'AdaGrad', 'RMSProp', 'Adam']
 * ```
 */
export const EXERCISE_OPTIMIZERS: readonly ExerciseOptimizer[] = Object.freeze([
  {
    label: 'SGD',
    lectureForm: 'w ← w − ε∇E, ε = 0.01',
    rule: '{ lr: 0.01 }',
    make: (p: Var[]) => new SGD(p, { lr: 0.01 }),
  },
  {
    label: 'Momentum',
    lectureForm: 'V ← μV − ε∇E, w ← w + V, ε = 0.01, μ = 0.9',
    rule: '{ lr: 0.01, momentum: 0.9 }',
    make: (p: Var[]) => new SGD(p, { lr: 0.01, momentum: 0.9 }),
  },
  {
    label: 'AdaGrad',
    lectureForm: 'h₀ = θ, h ← h + (∇E)², w ← w − ε∇E/(√h + θ), ε = 0.01, θ = 1e-7',
    rule: '{ lr: 0.01, initialAccumulatorValue: 1e-7, eps: 1e-7 }',
    make: (p: Var[]) => new Adagrad(p, { lr: 0.01, initialAccumulatorValue: 1e-7, eps: 1e-7 }),
  },
  {
    label: 'RMSProp',
    lectureForm: 'h ← αh + (1−α)(∇E)², w ← w − ε∇E/(√h + θ), ε = 0.01, α = 0.99, θ = 1e-7',
    rule: '{ lr: 0.01, alpha: 0.99, eps: 1e-7, initialAccumulatorValue: 1e-7 }',
    make: (p: Var[]) =>
      new RMSprop(p, { lr: 0.01, alpha: 0.99, eps: 1e-7, initialAccumulatorValue: 1e-7 }),
  },
  {
    label: 'Adam',
    lectureForm:
      'm̂ = m/(1−ρ₁), v̂ = v/(1−ρ₂), w ← w − η m̂/(√v̂ + ε), η = 0.01, ρ = (0.9, 0.999), ε = 1e-7',
    rule: "{ lr: 0.01, betas: [0.9, 0.999], eps: 1e-7, biasCorrection: 'constant' }",
    make: (p: Var[]) =>
      new Adam(p, { lr: 0.01, betas: [0.9, 0.999], eps: 1e-7, biasCorrection: 'constant' }),
  },
]);

/** Options of {@link mlpExercise}. */
export interface MlpExerciseOptions {
  /** The data. Default {@link digitsExerciseData}. */
  data?: ExerciseData;
  /** Updates per optimizer. Default 1000 (the exercise's `iters_num`). */
  iterations?: number;
  /** Minibatch size, drawn with replacement as `np.random.choice`. Default 100. */
  batchSize?: number;
  /** Hidden layer sizes. Default [40, 20]. */
  hidden?: number[];
  /** Standard deviation of the normal weight init. Default 0.01. */
  std?: number;
  /** Accuracies are recorded every this many updates. Default 10 (the exercise's `plot_interval`). */
  plotInterval?: number;
  /** Test examples used for the accuracy every plotInterval (the first n); the final accuracy uses all. Default: all. */
  testSubset?: number;
  /** The optimizers. Default {@link EXERCISE_OPTIMIZERS}. */
  optimizers?: readonly ExerciseOptimizer[];
  /** Seed of the init and the batches (the same for every optimizer). Default 0. */
  seed?: number;
}

/** One optimizer's run in {@link mlpExercise}. */
export interface MlpExerciseRun {
  /** The optimizer's label. */
  label: string;
  /** Update counts at which the accuracies were recorded (10, 20, …). */
  iterations: number[];
  /** Accuracy on the current minibatch (as the exercise's `accr_train`). */
  trainAccuracy: number[];
  /** Accuracy on the test set (or its first `testSubset` examples). */
  testAccuracy: number[];
  /** Minibatch loss after each update. */
  losses: number[];
  /** Accuracy on the whole test set after the last update. */
  finalTestAccuracy: number;
}

function rowsOf(x: Tensor, idx: Int32Array): Tensor {
  const d = x.shape[1];
  const src = x.data as Float32Array;
  const out = new Float32Array(idx.length * d);
  for (let i = 0; i < idx.length; i++) out.set(src.subarray(idx[i] * d, idx[i] * d + d), i * d);
  return new Tensor(out, [idx.length, d]);
}

function labelsOf(y: Tensor, idx: Int32Array): Tensor {
  const src = y.data as Int32Array;
  const out = new Int32Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = src[idx[i]];
  return new Tensor(out, [idx.length]);
}

function checkPositiveInt(op: string, name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) {
    throw new RangeError(`${op}: ${name} must be a positive integer, got ${String(v)}`);
  }
}

/**
 * The optimizer exercise: a sigmoid MLP (784-40-20-10 on MNIST-format data, 64-40-20-10 on the
 * digits) with normal(0, 0.01²) weights trained by each optimizer for 1000 minibatch updates
 * (batch 100, drawn with replacement) on the softmax cross-entropy, recording the minibatch and
 * test accuracies every 10 updates. Every optimizer starts from the same weights and sees the
 * same batches.
 *
 * Defaults: digits, 1000 iterations, batch 100, hidden [40, 20], std 0.01, plotInterval 10,
 * the whole test set, {@link EXERCISE_OPTIMIZERS}, seed 0.
 *
 * @example
 * ```ts
 * const runs = mlpExercise({ iterations: 200 });
 * runs.map((r) => `${r.label}: ${r.finalTestAccuracy}`);
 * ```
 */
export function mlpExercise(options: MlpExerciseOptions = {}): MlpExerciseRun[] {
  const op = 'mlpExercise';
  const {
    iterations = 1000,
    batchSize = 100,
    hidden = [40, 20],
    std = 0.01,
    plotInterval = 10,
    optimizers = EXERCISE_OPTIMIZERS,
    seed = 0,
  } = options;
  checkPositiveInt(op, 'iterations', iterations);
  checkPositiveInt(op, 'batchSize', batchSize);
  checkPositiveInt(op, 'plotInterval', plotInterval);
  const data = options.data ?? digitsExerciseData();
  const { xTrain, yTrain, xTest, yTest } = data;
  if (xTrain.ndim !== 2 || xTest.ndim !== 2 || xTrain.shape[1] !== xTest.shape[1]) {
    throw new RangeError(
      `${op}: data.xTrain and data.xTest must be [N, D] with the same D, got [${xTrain.shape.join(', ')}] and [${xTest.shape.join(', ')}]`,
    );
  }
  if (xTrain.dtype !== 'float32' || xTest.dtype !== 'float32') {
    throw new TypeError(
      `${op}: the images must be float32, got ${xTrain.dtype} and ${xTest.dtype}`,
    );
  }
  const n = xTrain.shape[0];
  const nTest = xTest.shape[0];
  const sub = Math.min(options.testSubset ?? nTest, nTest);
  checkPositiveInt(op, 'testSubset', sub);
  const allTest = Int32Array.from({ length: nTest }, (_, i) => i);
  const xEval = sub === nTest ? xTest : rowsOf(xTest, allTest.subarray(0, sub));
  const yEval = sub === nTest ? yTest : labelsOf(yTest, allTest.subarray(0, sub));
  const classes = Math.max(...(yTrain.data as Int32Array)) + 1;
  const sizes = [xTrain.shape[1], ...hidden, Math.max(classes, 10)];

  return optimizers.map((spec) => {
    const net = mlp(sizes, {
      activation: 'sigmoid',
      init: 'normal',
      std,
      generator: new Generator(seed),
    });
    const opt = spec.make(net.parameters());
    const batches = new Generator(seed + 1);
    const idx = new Int32Array(batchSize);
    const run: MlpExerciseRun = {
      label: spec.label,
      iterations: [],
      trainAccuracy: [],
      testAccuracy: [],
      losses: [],
      finalTestAccuracy: 0,
    };
    for (let i = 0; i < iterations; i++) {
      for (let k = 0; k < batchSize; k++) idx[k] = batches.integer(0, n);
      const xb = rowsOf(xTrain, idx);
      const yb = labelsOf(yTrain, idx);
      opt.zeroGrad();
      const scores = net.forward(xb);
      const loss = crossEntropy(scores, yb);
      loss.backward();
      opt.step();
      run.losses.push(loss.value.item());
      if ((i + 1) % plotInterval === 0) {
        run.iterations.push(i + 1);
        noGrad(() => {
          run.trainAccuracy.push(accuracy(net.forward(xb).value, yb));
          run.testAccuracy.push(accuracy(net.forward(xEval).value, yEval));
        });
      }
    }
    run.finalTestAccuracy = noGrad(() => accuracy(net.forward(xTest).value, yTest));
    return run;
  });
}

/**
 * Runs the optimizer exercise and returns its numbers (final accuracies per optimizer, and the
 * accuracy near the 400th update where the exercise sees AdaGrad stall) and its figures (train/test
 * accuracy curves per optimizer, and the test accuracies side by side).
 *
 * Defaults: as {@link mlpExercise}.
 *
 * @example
 * ```ts
 * const { numbers, figures } = mlpExerciseLecture({ iterations: 300 });
 * ```
 */
export function mlpExerciseLecture(options: MlpExerciseOptions = {}): LectureReport {
  const data = options.data ?? digitsExerciseData();
  const runs = mlpExercise({ ...options, data });
  const numbers: LectureNumber[] = [];
  const figures: Figure[] = [];
  const iterations = options.iterations ?? 1000;
  const d = data.xTrain.shape[1];
  const layers = [d, ...(options.hidden ?? [40, 20]), 10].join('-');
  const specs = options.optimizers ?? EXERCISE_OPTIMIZERS;
  for (const o of specs) {
    numbers.push({ label: `${o.label}: update rule`, lecture: o.lectureForm, gd: o.rule });
  }
  numbers.push({
    label: 'iterations, batch size, init std',
    lecture: '1000, 100, 0.01',
    gd: `${iterations}, ${options.batchSize ?? 100}, ${options.std ?? 0.01}`,
  });
  numbers.push({
    label: 'data, network',
    lecture: 'MNIST, 784-40-20-10 sigmoid',
    gd: `${data.name}, ${layers} sigmoid`,
  });
  for (const r of runs) {
    const at400 = r.iterations.indexOf(400);
    numbers.push({
      label: `${r.label}: test accuracy after ${iterations} updates${at400 >= 0 ? ' (after 400)' : ''}`,
      gd:
        formatNumber(r.finalTestAccuracy, 4) +
        (at400 >= 0 ? ` (${formatNumber(r.testAccuracy[at400], 4)})` : ''),
    });
  }
  for (const r of runs) {
    const rule = specs.find((s) => s.label === r.label)?.rule;
    figures.push({
      file: `accuracy-${r.label.toLowerCase()}`,
      caption: `${r.label} ${rule ?? ''}: accuracy on the minibatch (training set) and on the test set every ${options.plotInterval ?? 10} updates, ${data.name}.`,
      svg: linePlot(
        [
          { x: r.iterations, y: r.trainAccuracy, label: 'training set' },
          { x: r.iterations, y: r.testAccuracy, label: 'test set' },
        ],
        {
          title: `accuracy — ${r.label}`,
          xLabel: 'count',
          yLabel: 'accuracy',
          yLim: [0, 1],
          legend: 'lower right',
        },
      ),
    });
  }
  figures.push({
    file: 'accuracy-test-all',
    caption: `Test accuracy of the five optimizers under the exercise's rules, ${data.name}.`,
    svg: linePlot(
      runs.map((r) => ({ x: r.iterations, y: r.testAccuracy, label: r.label })),
      {
        title: 'test accuracy',
        xLabel: 'count',
        yLabel: 'accuracy',
        yLim: [0, 1],
        legend: 'lower right',
      },
    ),
  });
  return { numbers, figures };
}
