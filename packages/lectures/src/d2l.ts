import { type Var, grad, hessian } from '@gd/autodiff';
import { CURVES } from '@gd/datasets';
import { eigvalsh, tensor } from '@gd/tensor';
import { functionPlot, surfacePlot } from '@gd/viz';
import { type ScalarFunction, gradientDescent1d } from './gradient-descent';
import type { Figure, LectureNumber, LectureReport } from './report';
import { formatNumber } from './report';

/** A point of a curve: where, and the value there. */
export interface CurvePoint {
  /** Where. */
  x: number;
  /** The function's value there. */
  value: number;
}

/** d2l's risk f(x) = x·cos(πx), written with gd's ops. */
const riskVar: ScalarFunction = (x) => x.mul(x.mul(Math.PI).cos());
/** d2l's empirical risk g(x) = f(x) + 0.2·cos(5πx). */
const empiricalRiskVar: ScalarFunction = (x) =>
  riskVar(x).add(
    x
      .mul(5 * Math.PI)
      .cos()
      .mul(0.2),
  );

/** The lowest grid point of f on [lo, hi] refined by gradient descent (autodiff gradients). */
function minimumNear(
  fVar: ScalarFunction,
  f: (x: number) => number,
  lo: number,
  hi: number,
  lr: number,
): CurvePoint {
  let best = lo;
  for (let i = 0; i <= 1000; i++) {
    const x = lo + ((hi - lo) * i) / 1000;
    if (f(x) < f(best)) best = x;
  }
  const path = gradientDescent1d(fVar, { x0: best, lr, steps: 2000 });
  const x = path[path.length - 1];
  return { x, value: f(x) };
}

/** Result of {@link riskVsEmpiricalRisk}. */
export interface RiskVsEmpiricalRisk {
  /** The sample points x = 0.5, 0.51, …, 1.49 (d2l's `arange(0.5, 1.5, 0.01)`). */
  x: number[];
  /** The risk f(x) = x·cos(πx) at each x. */
  risk: number[];
  /** The empirical risk g(x) = f(x) + 0.2·cos(5πx) at each x. */
  empiricalRisk: number[];
  /** The minimum of the risk on [0.5, 1.5]. */
  minRisk: CurvePoint;
  /** The minimum of the empirical risk on [0.5, 1.5]. */
  minEmpiricalRisk: CurvePoint;
}

/**
 * d2l's picture of why optimisation and generalisation differ: the risk $f(x) = x\cos(πx)$ and a
 * bumpier empirical risk $g(x) = f(x) + 0.2\cos(5πx)$ have their minima at different places
 * (≈ 1.1 and ≈ 1.0). Minima are found on a grid and refined by gradient descent.
 *
 * @example
 * ```ts
 * const { minRisk, minEmpiricalRisk } = riskVsEmpiricalRisk();
 * minEmpiricalRisk.value; // ≈ −1.2
 * ```
 */
export function riskVsEmpiricalRisk(): RiskVsEmpiricalRisk {
  const f = CURVES.xcos.f;
  const g = CURVES.xcosBumpy.f;
  const x = Array.from({ length: 100 }, (_, i) => 0.5 + i * 0.01);
  return {
    x,
    risk: x.map(f),
    empiricalRisk: x.map(g),
    minRisk: minimumNear(riskVar, f, 0.5, 1.5, 0.01),
    minEmpiricalRisk: minimumNear(empiricalRiskVar, g, 0.5, 1.5, 0.005),
  };
}

/** Result of {@link localMinima}. */
export interface LocalMinima {
  /** The local (non-global) minimum of x·cos(πx) on [−1, 2]. */
  local: CurvePoint;
  /** The global minimum of x·cos(πx) on [−1, 2]. */
  global: CurvePoint;
}

/**
 * The local and the global minimum of d2l's $f(x) = x\cos(πx)$ on $−1 ≤ x ≤ 2$, found by gradient
 * descent from a point in each basin (near −0.3 and near 1.1).
 *
 * @example
 * ```ts
 * const { local, global } = localMinima();
 * local.x; // ≈ −0.31
 * ```
 */
export function localMinima(): LocalMinima {
  const f = CURVES.xcos.f;
  return {
    local: minimumNear(riskVar, f, -1, 0.4, 0.01),
    global: minimumNear(riskVar, f, 0.4, 2, 0.01),
  };
}

/** Result of {@link cubicSaddle}. */
export interface CubicSaddle {
  /** f'(0) of f(x) = x³. */
  firstDerivative: number;
  /** f''(0) of f(x) = x³. */
  secondDerivative: number;
}

/**
 * d2l's one-dimensional saddle: $f(x) = x^3$ has $f'(0) = f''(0) = 0$ at x = 0, which is neither a
 * minimum nor a maximum. Both derivatives come from @gd/autodiff.
 *
 * @example
 * ```ts
 * cubicSaddle(); // { firstDerivative: 0, secondDerivative: 0 }
 * ```
 */
export function cubicSaddle(): CubicSaddle {
  const cube = (x: Var) => x.pow(3);
  const at0 = tensor(0, { dtype: 'float64' });
  return {
    firstDerivative: grad(cube)(at0).item(),
    secondDerivative: hessian(cube)(at0).item(),
  };
}

/** What the Hessian's eigenvalues say about a critical point (d2l's three cases). */
export type CriticalPointKind = 'minimum' | 'maximum' | 'saddle' | 'inconclusive';

/** Result of {@link saddleHessian}. */
export interface SaddleHessian {
  /** The point (x, y). */
  point: [number, number];
  /** The gradient there. */
  gradient: [number, number];
  /** The Hessian [[f_xx, f_xy], [f_yx, f_yy]]. */
  hessian: [[number, number], [number, number]];
  /** Its eigenvalues, largest first. */
  eigenvalues: [number, number];
  /** d2l's verdict from the eigenvalues' signs. */
  kind: CriticalPointKind;
}

/**
 * d2l's saddle in two dimensions, $f(x, y) = x^2 − y^2$ at (0, 0): the gradient vanishes and the
 * Hessian (from @gd/autodiff's `hessian`) has eigenvalues 2 and −2 (@gd/tensor's `eigvalsh`) — one
 * positive, one negative, so a saddle point. Another point can be given to inspect.
 *
 * Defaults: point (0, 0).
 *
 * @example
 * ```ts
 * saddleHessian().eigenvalues; // [2, -2]
 * ```
 */
export function saddleHessian(point: [number, number] = [0, 0]): SaddleHessian {
  const f = (v: Var) =>
    v
      .mul(v)
      .mul(tensor([1, -1], { dtype: 'float64' }))
      .sum();
  const at = tensor(point, { dtype: 'float64' });
  // + 0 turns autodiff's −0 (from the −y² term) into 0
  const g = (grad(f)(at).toArray() as number[]).map((v) => v + 0);
  const h = (hessian(f)(at).toArray() as number[][]).map((r) => r.map((v) => v + 0));
  // eigvalsh returns them ascending
  const [lo, hi] = (eigvalsh(tensor(h, { dtype: 'float64' })).toArray() as number[]).map(
    (v) => v + 0,
  );
  const eigenvalues: [number, number] = [hi, lo];
  const kind: CriticalPointKind =
    lo > 0 ? 'minimum' : hi < 0 ? 'maximum' : hi > 0 && lo < 0 ? 'saddle' : 'inconclusive';
  return {
    point,
    gradient: [g[0], g[1]],
    hessian: [
      [h[0][0], h[0][1]],
      [h[1][0], h[1][1]],
    ],
    eigenvalues,
    kind,
  };
}

/** Result of {@link vanishingGradient}. */
export interface VanishingGradient {
  /** tanh'(4) = 1 − tanh²(4), from autodiff. */
  derivativeAt4: number;
  /** Gradient descent on tanh from x = 4: the iterates. */
  path: number[];
}

/** Options of {@link vanishingGradient}. */
export interface VanishingGradientOptions {
  /** Learning rate of the descent from x = 4. Default 1. */
  lr?: number;
  /** Updates. Default 100. */
  steps?: number;
}

/**
 * d2l's vanishing gradient: minimising $f(x) = \tanh x$ from x = 4, where
 * $f'(4) = 1 − \tanh^2 4 ≈ 0.0013$, so gradient descent barely moves.
 *
 * Defaults: lr 1, 100 steps.
 *
 * @example
 * ```ts
 * vanishingGradient().derivativeAt4; // 0.0013409506830258968
 * ```
 */
export function vanishingGradient(options: VanishingGradientOptions = {}): VanishingGradient {
  const { lr = 1, steps = 100 } = options;
  const tanh: ScalarFunction = (x) => x.tanh();
  return {
    derivativeAt4: grad(tanh)(tensor(4, { dtype: 'float64' })).item(),
    path: gradientDescent1d(tanh, { x0: 4, lr, steps }),
  };
}

/**
 * Runs every experiment of d2l's optimisation chapter and returns its numbers beside gd's and its
 * figures: risk vs empirical risk, local minima, the saddles x³ and x² − y², vanishing gradients.
 *
 * @example
 * ```ts
 * const { numbers } = d2lLecture();
 * numbers.find((n) => n.label.startsWith("tanh'(4)"))?.gd; // '0.0013409506830258968'
 * ```
 */
export function d2lLecture(): LectureReport {
  const numbers: LectureNumber[] = [];
  const figures: Figure[] = [];
  const f = CURVES.xcos.f;
  const g = CURVES.xcosBumpy.f;
  const at = (p: CurvePoint) => `(${formatNumber(p.x, 4)}, ${formatNumber(p.value, 4)})`;

  const risk = riskVsEmpiricalRisk();
  numbers.push({
    label: 'min of empirical risk g (x, g) — where d2l’s arrow points',
    lecture: '(1.0, -1.2)',
    gd: at(risk.minEmpiricalRisk),
  });
  numbers.push({
    label: 'min of risk f (x, f) — where d2l’s arrow points',
    lecture: '(1.1, -1.05)',
    gd: at(risk.minRisk),
  });
  figures.push({
    file: 'risk-vs-empirical-risk',
    caption:
      'The risk f(x) = x·cos(πx) and the empirical risk g(x) = f(x) + 0.2·cos(5πx): the minimum of the empirical risk is not where the risk is lowest.',
    svg: functionPlot([f, g], {
      domain: [0.5, 1.5],
      labels: ['risk f', 'empirical risk g'],
      title: 'Risk vs empirical risk',
      xLabel: 'x',
      yLabel: 'risk',
      annotations: [
        {
          text: 'min of empirical risk',
          xy: [risk.minEmpiricalRisk.x, risk.minEmpiricalRisk.value],
          xyText: [0.55, -1.1],
        },
        { text: 'min of risk', xy: [risk.minRisk.x, risk.minRisk.value], xyText: [0.95, -0.5] },
      ],
    }),
  });

  const minima = localMinima();
  numbers.push({
    label: 'local minimum of x·cos(πx) on [−1, 2] (x, f) — where d2l’s arrow points',
    lecture: '(-0.3, -0.25)',
    gd: at(minima.local),
  });
  numbers.push({
    label: 'global minimum of x·cos(πx) on [−1, 2] (x, f) — where d2l’s arrow points',
    lecture: '(1.1, -0.95)',
    gd: at(minima.global),
  });
  figures.push({
    file: 'local-minima',
    caption: 'x·cos(πx) on [−1, 2] has a local minimum near −0.3 and its global minimum near 1.1.',
    svg: functionPlot(f, {
      domain: [-1, 2],
      labels: ['f(x) = x·cos(πx)'],
      title: 'Local and global minima',
      xLabel: 'x',
      yLabel: 'f(x)',
      annotations: [
        { text: 'local minimum', xy: [minima.local.x, minima.local.value], xyText: [-0.77, -1.0] },
        { text: 'global minimum', xy: [minima.global.x, minima.global.value], xyText: [0.6, 0.8] },
      ],
    }),
  });

  const cubic = cubicSaddle();
  numbers.push({
    label: "x³ at 0: f'(0), f''(0)",
    lecture: '0, 0',
    gd: `${cubic.firstDerivative}, ${cubic.secondDerivative}`,
  });
  figures.push({
    file: 'saddle-cubic',
    caption:
      'f(x) = x³: first and second derivatives vanish at 0, a saddle point where gradient descent can stall.',
    svg: functionPlot((x) => x ** 3, {
      domain: [-2, 2],
      labels: ['f(x) = x³'],
      title: 'A saddle point in one dimension',
      xLabel: 'x',
      yLabel: 'f(x)',
      annotations: [{ text: 'saddle point', xy: [0, -0.2], xyText: [-0.52, -5.0] }],
    }),
  });

  const saddle = saddleHessian();
  numbers.push({
    label: 'x² − y² at (0, 0): Hessian eigenvalues',
    lecture: '2, -2',
    gd: saddle.eigenvalues.join(', '),
  });
  numbers.push({ label: 'x² − y² at (0, 0): verdict', lecture: 'saddle point', gd: saddle.kind });
  figures.push({
    file: 'saddle-surface',
    caption:
      'f(x, y) = x² − y²: a minimum along x and a maximum along y; the Hessian at (0, 0) has eigenvalues 2 and −2.',
    svg: surfacePlot((x, y) => x * x - y * y, {
      xRange: [-1, 1],
      yRange: [-1, 1],
      samples: 101,
      stride: 10,
      title: 'Saddle x² − y²',
      xLabel: 'x',
      yLabel: 'y',
      zLabel: 'f',
      points: [{ x: 0, y: 0, z: 0, marker: 'cross', color: '#D55E00', label: 'saddle (0, 0)' }],
    }),
  });

  const vanish = vanishingGradient();
  const last = vanish.path[vanish.path.length - 1];
  numbers.push({
    label: "tanh'(4) = 1 − tanh²(4)",
    lecture: '0.0013',
    gd: String(vanish.derivativeAt4),
  });
  numbers.push({
    label: 'GD on tanh from x = 4, lr = 1: x after 100 updates',
    gd: formatNumber(last, 6),
  });
  figures.push({
    file: 'vanishing-gradient',
    caption: `tanh from x = 4: the slope is 0.0013, so 100 gradient steps with lr = 1 only reach x = ${formatNumber(last, 4)}.`,
    svg: functionPlot(Math.tanh, {
      domain: [-2, 5],
      labels: ['f(x) = tanh x'],
      title: 'Vanishing gradient',
      xLabel: 'x',
      yLabel: 'f(x)',
      path: { x: vanish.path.filter((_, i) => i % 10 === 0), label: 'GD from x = 4' },
      annotations: [{ text: 'vanishing gradient', xy: [4, 1], xyText: [2, 0.0] }],
    }),
  });
  return { numbers, figures };
}
