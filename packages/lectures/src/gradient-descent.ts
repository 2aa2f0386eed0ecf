import { type Var, grad, mean, mul, pow, sub } from '@gd/autodiff';
import { adSpend } from '@gd/datasets';
import { tensor } from '@gd/tensor';
import { animateTrajectory, functionPlot, linePlot } from '@gd/viz';
import type { Figure, LectureNumber, LectureReport } from './report';
import { formatNumber } from './report';

/** A differentiable function of one float64 scalar, written with gd's ops. */
export type ScalarFunction = (x: Var) => Var;

/** Options of {@link gradientDescent1d}. */
export interface GradientDescent1dOptions {
  /** Starting point x₀. */
  x0: number;
  /** Learning rate η. */
  lr: number;
  /** Number of updates. */
  steps: number;
}

function checkFinite(op: string, what: string, v: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new RangeError(`${op}: ${what} must be a finite number, got ${String(v)}`);
  }
}

function checkSteps(op: string, steps: number): void {
  if (!Number.isInteger(steps) || steps < 0) {
    throw new RangeError(`${op}: steps must be a non-negative integer, got ${String(steps)}`);
  }
}

/**
 * Gradient descent on a function of one variable, the gradient-descent lecture's
 * $x_{n+1} = x_n − η f'(x_n)$, with f' computed by @gd/autodiff in float64.
 *
 * @returns the iterates $x_0, x_1, …, x_{steps}$.
 * @example
 * ```ts
 * const path = gradientDescent1d((x) => x.pow(2).add(x.neg().exp()), { x0: 3, lr: 0.0005, steps: 10001 });
 * path[10001]; // 0.3517383210080008
 * ```
 */
export function gradientDescent1d(f: ScalarFunction, options: GradientDescent1dOptions): number[] {
  const op = 'gradientDescent1d';
  if (typeof f !== 'function') throw new TypeError(`${op}: f must be a function (x: Var) => Var`);
  const { x0, lr, steps } = options;
  checkFinite(op, 'x0', x0);
  checkFinite(op, 'lr', lr);
  checkSteps(op, steps);
  const df = grad(f);
  const path = [x0];
  let x = x0;
  for (let i = 0; i < steps; i++) {
    x = x - lr * df(tensor(x, { dtype: 'float64' })).item();
    path.push(x);
  }
  return path;
}

/** x² + e^-x, the lecture's second problem (no closed-form minimiser). */
export const squarePlusExp: ScalarFunction = (x) => x.pow(2).add(x.neg().exp());

/** x²/10 + 10 sin(x²/4), the lecture's non-convex example. */
export const nonConvex: ScalarFunction = (x) => x.pow(2).div(10).add(x.pow(2).div(4).sin().mul(10));

/** The same non-convex function on plain numbers, for plotting. */
function nonConvexNumber(x: number): number {
  return (x * x) / 10 + 10 * Math.sin((x * x) / 4);
}

/** The lecture's printed table for x² + e^-x from x = 3 with η = 0.0005 (`x_ i` after i + 1 updates). */
export const LECTURE_SQUARE_PLUS_EXP_TABLE: readonly (readonly [number, string])[] = [
  [0, '2.997024893534184'],
  [1000, '1.1617489280037716'],
  [2000, '0.5760466279295902'],
  [3000, '0.4109554481889124'],
  [4000, '0.36713277266602845'],
  [5000, '0.35572112254324284'],
  [6000, '0.35276507196575846'],
  [7000, '0.352000400939733'],
  [8000, '0.3518026668897593'],
  [9000, '0.3517515401706734'],
  [10000, '0.3517383210080008'],
];

/** One start of {@link nonConvexMinima}: where gradient descent ended. */
export interface LocalMinimum {
  /** Starting point. */
  x0: number;
  /** The final iterate. */
  x: number;
  /** f at the final iterate. */
  f: number;
  /** The iterates. */
  path: number[];
}

/** Options of {@link nonConvexMinima}. */
export interface NonConvexMinimaOptions {
  /** Starting points. Default [−9, −6.5, −3, −1, 0.8, 2.5, 5, 7.5]. */
  starts?: number[];
  /** Learning rate η. Default 0.01. */
  lr?: number;
  /** Updates per start. Default 500. */
  steps?: number;
}

/**
 * Gradient descent on the lecture's non-convex $f(x) = x^2/10 + 10\sin(x^2/4)$ from several starts:
 * each run stops in the local minimum of its basin, and only some reach the global one
 * (near ±4.3, f ≈ −8.1).
 *
 * Defaults: starts [−9, −6.5, −3, −1, 0.8, 2.5, 5, 7.5], lr 0.01, 500 steps.
 *
 * @example
 * ```ts
 * const runs = nonConvexMinima({ starts: [-1, 5] });
 * runs.map((r) => r.x.toFixed(3)); // a local minimum at 0, the global one near 4.3
 * ```
 */
export function nonConvexMinima(options: NonConvexMinimaOptions = {}): LocalMinimum[] {
  const { starts = [-9, -6.5, -3, -1, 0.8, 2.5, 5, 7.5], lr = 0.01, steps = 500 } = options;
  return starts.map((x0) => {
    const path = gradientDescent1d(nonConvex, { x0, lr, steps });
    const x = path[path.length - 1];
    return { x0, x, f: nonConvexNumber(x), path };
  });
}

/** Result of {@link adSpendRegression}. */
export interface AdSpendRegression {
  /** The slope iterates a₀, a₁, … */
  path: number[];
  /** L(a_k) = mean((y − a_k x)²) at each iterate. */
  losses: number[];
  /** The least-squares slope Σxy / Σx² = 418/354. */
  exact: number;
  /** The loss as a function of a, for plotting. */
  loss: (a: number) => number;
}

/** Options of {@link adSpendRegression}. */
export interface AdSpendRegressionOptions {
  /** Starting slope. Default −4 (the lecture's). */
  a0?: number;
  /** Learning rate. Default 0.001 (the lecture's). */
  lr?: number;
  /** Updates. Default 100 (the lecture's loop). */
  steps?: number;
}

/**
 * The lecture's exercise: fit visitors ≈ a·(ad spend) to the six-shop table by gradient descent on
 * $L(a) = \frac1n\sum_i (y_i − a x_i)^2$, whose derivative $−\frac2n\sum_i x_i(y_i − a x_i)$ autodiff computes.
 *
 * Defaults: a₀ = −4, lr 0.001, 100 steps (the lecture's).
 *
 * @example
 * ```ts
 * const { path, exact } = adSpendRegression();
 * path[100]; // ≈ 1.1808, the least-squares slope 418/354
 * ```
 */
export function adSpendRegression(options: AdSpendRegressionOptions = {}): AdSpendRegression {
  const { a0 = -4, lr = 0.001, steps = 100 } = options;
  const [x, y] = adSpend({ dtype: 'float64' });
  const lossVar: ScalarFunction = (a) => mean(pow(sub(y, mul(x, a)), 2));
  const path = gradientDescent1d(lossVar, { x0: a0, lr, steps });
  const xs = Array.from(x.data);
  const ys = Array.from(y.data);
  const loss = (a: number) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += (ys[i] - a * xs[i]) ** 2;
    return s / xs.length;
  };
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += xs[i] * ys[i];
    sxx += xs[i] * xs[i];
  }
  return { path, losses: path.map(loss), exact: sxy / sxx, loss };
}

/** Options of {@link gradientDescentLecture}. */
export interface GradientDescentLectureOptions {
  /** Frames of each animated GIF. Default 50. */
  frames?: number;
}

/**
 * Runs every experiment of the gradient-descent lecture and returns its numbers beside gd's and
 * its figures (GD on x², the x² + e^-x table, the non-convex function's local minima, the
 * ad-spend regression, the animated descents).
 *
 * Defaults: 50 frames per animation.
 *
 * @example
 * ```ts
 * const { numbers, figures } = gradientDescentLecture();
 * numbers.find((n) => n.label.startsWith('x_ 10000'))?.gd; // '0.3517383210080008'
 * ```
 */
export function gradientDescentLecture(options: GradientDescentLectureOptions = {}): LectureReport {
  const frames = options.frames ?? 50;
  const numbers: LectureNumber[] = [];
  const figures: Figure[] = [];

  const square: ScalarFunction = (x) => x.pow(2);
  const sq = gradientDescent1d(square, { x0: 3, lr: 0.1, steps: 100 });
  const sqLecture = ['2.4', '1.92', '1.536'];
  for (let k = 1; k <= 3; k++) {
    numbers.push({
      label: `x² from 3, η = 0.1: x_${k}`,
      lecture: sqLecture[k - 1],
      gd: String(sq[k]),
    });
  }
  numbers.push({
    label: 'x² from 3, η = 0.1: x_100 (= 3·0.8¹⁰⁰; the slide prints one zero too many)',
    lecture: '0.00000000006111107929',
    gd: String(sq[100]),
  });
  figures.push({
    file: 'gd-square',
    caption:
      'Gradient descent on f(x) = x² from x₀ = 3 with η = 0.1: each step moves against the slope, x_{n+1} = 0.8·x_n.',
    svg: functionPlot((x) => x * x, {
      domain: [-3.5, 3.5],
      title: 'Gradient descent on x² (η = 0.1)',
      xLabel: 'x',
      yLabel: 'f(x)',
      labels: ['f(x) = x²'],
      path: { x: sq.slice(0, 21), label: 'x_0 … x_20' },
    }),
    frames: animateTrajectory({
      f: (x) => x * x,
      domain: [-3.5, 3.5],
      path: sq.slice(0, 31),
      label: 'GD, η = 0.1',
      frames: Math.min(frames, 31),
      title: 'Gradient descent on x²',
      xLabel: 'x',
      yLabel: 'f(x)',
    }),
  });

  const sp = gradientDescent1d(squarePlusExp, { x0: 3, lr: 0.0005, steps: 10001 });
  for (const [i, printed] of LECTURE_SQUARE_PLUS_EXP_TABLE) {
    numbers.push({
      label: `x_ ${i} (x² + e^-x from 3, η = 0.0005)`,
      lecture: printed,
      gd: String(sp[i + 1]),
    });
  }
  numbers.push({
    label: 'true minimiser of x² + e^-x: the root of 2x = e^-x, W(1/2)',
    lecture: '0.351734',
    gd: formatNumber(solveTwoXEqualsExpMinusX(), 10),
  });
  const spf = (x: number) => x * x + Math.exp(-x);
  const every = sp.filter((_, i) => i % 500 === 0);
  figures.push({
    file: 'gd-square-plus-exp',
    caption:
      'x² + e^-x from x₀ = 3 with η = 0.0005: 10 001 updates reach 0.3517383210080008 (every 500th iterate shown).',
    svg: functionPlot(spf, {
      domain: [-0.5, 3.2],
      title: 'Gradient descent on x² + e^-x (η = 0.0005)',
      xLabel: 'x',
      yLabel: 'f(x)',
      labels: ['f(x) = x² + e^-x'],
      path: { x: every, label: 'every 500th iterate' },
    }),
  });
  figures.push({
    file: 'gd-square-plus-exp-trace',
    caption:
      'The iterates x_n of the table above against n: fast at first, then slower as the slope flattens.',
    svg: linePlot(
      { x: sp.map((_, i) => i), y: sp, label: 'x_n' },
      { title: 'x_n for x² + e^-x', xLabel: 'update n', yLabel: 'x_n' },
    ),
  });

  const runs = nonConvexMinima();
  for (const r of runs) {
    numbers.push({
      label: `x²/10 + 10 sin(x²/4) from x₀ = ${r.x0}: final x, f(x)`,
      gd: `${formatNumber(r.x, 6)}, ${formatNumber(r.f, 6)}`,
    });
  }
  figures.push({
    file: 'nonconvex-minima',
    caption:
      'The non-convex x²/10 + 10 sin(x²/4): gradient descent (η = 0.01) from eight starts ends in the local minimum of each basin; only some reach the global minima near ±4.3.',
    svg: functionPlot(nonConvexNumber, {
      domain: [-10, 10],
      samples: 801,
      title: 'Local minima of x²/10 + 10 sin(x²/4)',
      xLabel: 'x',
      yLabel: 'f(x)',
      labels: ['f(x)'],
      path: runs.map((r) => ({
        x: r.path.filter((_, i) => i % 25 === 0 || i === r.path.length - 1),
        label: `x₀ = ${r.x0}`,
      })),
      legend: 'none',
    }),
  });

  const reg = adSpendRegression();
  numbers.push({
    label: 'ad spend: slope a after 100 updates (a₀ = −4, lr = 0.001)',
    gd: String(reg.path[reg.path.length - 1]),
  });
  numbers.push({ label: 'ad spend: least-squares slope Σxy/Σx² = 418/354', gd: String(reg.exact) });
  numbers.push({
    label: 'ad spend: loss L(a) after 100 updates',
    gd: formatNumber(reg.losses[reg.losses.length - 1], 8),
  });
  const linregPath = reg.path.slice(0, 51);
  figures.push({
    file: 'linreg',
    caption:
      'The lecture’s linreg.gif: gradient descent on the ad-spend loss L(a) from a = −4 with lr = 0.001, 50 updates.',
    svg: functionPlot(reg.loss, {
      domain: [-10, 10],
      title: 'Ad-spend regression: L(a) = mean((y − a·x)²)',
      xLabel: 'a',
      yLabel: 'L(a)',
      labels: ['L(a)'],
      path: { x: linregPath, label: 'a_0 … a_50' },
    }),
    frames: animateTrajectory({
      f: reg.loss,
      domain: [-10, 10],
      path: linregPath,
      label: 'GD, lr = 0.001',
      frames,
      title: 'Ad-spend regression',
      xLabel: 'a',
      yLabel: 'L(a)',
    }),
  });
  const [x, y] = adSpend({ dtype: 'float64' });
  const aFinal = reg.path[reg.path.length - 1];
  figures.push({
    file: 'linreg-fit',
    caption: `The fitted line visitors = ${formatNumber(aFinal, 4)}·(ad spend) through the six shops.`,
    svg: linePlot(
      [
        {
          x: Array.from(x.data),
          y: Array.from(y.data),
          label: 'shops',
          marker: 'circle',
          lineWidth: 0,
        },
        { x: [0, 11], y: [0, 11 * aFinal], label: `a = ${formatNumber(aFinal, 4)}` },
      ],
      { title: 'Ad spend vs visitors', xLabel: 'ad spend ($)', yLabel: 'visitors' },
    ),
  });
  return { numbers, figures };
}

/** The root of 2x = e^-x by Newton's method (the lecture's "true solution" to compare with). */
function solveTwoXEqualsExpMinusX(): number {
  let x = 0.5;
  for (let i = 0; i < 50; i++) x -= (2 * x - Math.exp(-x)) / (2 + Math.exp(-x));
  return x;
}
