import {
  type Var,
  hessian,
  log,
  matmul,
  min as minOf,
  mul,
  sub,
  sum,
  valueAndGrad,
  variable,
} from '@gd/autodiff';
import { Adagrad, Adam, RMSprop, SGD, armijoBacktracking } from '@gd/optim';
import { LambdaLR, StepLR } from '@gd/schedulers';
import { Generator, type Tensor, tensor } from '@gd/tensor';
import { type Grid2D, animateTrajectory, contourPlot, linePlot, sampleGrid } from '@gd/viz';
import type { Figure, LectureNumber, LectureReport } from './report';
import { formatNumber } from './report';

/** A 2-D test surface for {@link optimizerRace}. */
export interface Surface {
  /** Short name. */
  name: string;
  /** The surface written with gd's ops (differentiated by autodiff). */
  f: (x: Var, y: Var) => Var;
  /** The same surface on plain numbers, for contour plots. */
  value: (x: number, y: number) => number;
  /** Default starting point. */
  start: [number, number];
  /** The minimiser, when known. */
  minimum?: [number, number];
  /** x range of plots. */
  xRange: [number, number];
  /** y range of plots. */
  yRange: [number, number];
}

/**
 * Built-in surfaces: `bowl` ($x^2/20 + y^2$, the elongated bowl of "ゼロから作るDeep Learning", which
 * the optimizers seminar cites), `rosenbrock` and `saddle` ($x^2 − y^2$, unbounded below).
 *
 * @example
 * ```ts
 * SURFACES.bowl.value(-7, 2); // 6.45
 * ```
 */
export const SURFACES: Readonly<Record<'bowl' | 'rosenbrock' | 'saddle', Surface>> = Object.freeze({
  bowl: {
    name: 'x²/20 + y²',
    f: (x, y) => x.pow(2).div(20).add(y.pow(2)),
    value: (x, y) => (x * x) / 20 + y * y,
    start: [-7, 2],
    minimum: [0, 0],
    xRange: [-10, 10],
    yRange: [-5, 5],
  },
  rosenbrock: {
    name: 'Rosenbrock',
    f: (x, y) =>
      x
        .neg()
        .add(1)
        .pow(2)
        .add(y.sub(x.pow(2)).pow(2).mul(100)),
    value: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    start: [-1.5, 2],
    minimum: [1, 1],
    xRange: [-2, 2],
    yRange: [-1, 3],
  },
  saddle: {
    name: 'x² − y²',
    f: (x, y) => x.pow(2).sub(y.pow(2)),
    value: (x, y) => x * x - y * y,
    start: [-1.5, 0.01],
    xRange: [-2, 2],
    yRange: [-2, 2],
  },
});

/** What a racer's optimizer must do: the PyTorch loop's `zeroGrad` and `step` (any @gd/optim optimizer). */
export interface RaceOptimizer {
  /** Clears the gradients. */
  zeroGrad(): void;
  /** Applies one update from the gradients. */
  step(): unknown;
}

/** One racer of {@link optimizerRace}: a name and how to build its optimizer. */
export interface RacerSpec {
  /** Legend label, e.g. `Momentum`. */
  label: string;
  /** The update rule as the lecture writes it, with the hyperparameters used. */
  lectureForm?: string;
  /** The @gd/optim settings that reproduce it. */
  options?: string;
  /** Builds the optimizer for the two scalar parameters [x, y]. */
  make: (params: Var[]) => RaceOptimizer;
  /** Standard deviation of Gaussian noise added to each gradient (stands in for minibatch sampling). Default 0. */
  gradientNoise?: number;
}

/**
 * The optimizers seminar's seven methods in its own update rules, with gd's option settings that
 * reproduce them, tuned for the `bowl` surface (step sizes as in "ゼロから作るDeep Learning"'s
 * comparison, which the seminar cites): GD (α = 0.95), SGD (the same with noisy gradients),
 * Momentum $Δθ ← βΔθ − (1−β)α∇E$ (α = 1, β = 0.9 → `{ lr: 0.1, momentum: 0.9 }`), NAG (the same,
 * `nesterov: true`), AdaGrad (α = 1.5), RMSprop $Δθ = −α g/\sqrt{v + ε}$ (α = 0.1, ρ = 0.99,
 * ε = 1e-8 → `epsInsideSqrt: true`) and Adam (α = 0.3, β = (0.9, 0.999), ε = 1e-8 inside the root).
 *
 * @example
 * ```ts
 * SEMINAR_OPTIMIZERS.map((r) => r.label); // ['GD', 'SGD', 'Momentum', 'NAG', 'AdaGrad', 'RMSprop', 'Adam']
 * ```
 */
export const SEMINAR_OPTIMIZERS: readonly RacerSpec[] = Object.freeze([
  {
    label: 'GD',
    lectureForm: 'Δθ = −α∇E(θ), α = 0.95',
    options: 'SGD { lr: 0.95 }',
    make: (p: Var[]) => new SGD(p, { lr: 0.95 }),
  },
  {
    label: 'SGD',
    lectureForm: 'Δθ = −α∇E_B(θ) on a minibatch B, α = 0.95',
    options: 'SGD { lr: 0.95 }, gradient + N(0, 0.15²) noise',
    make: (p: Var[]) => new SGD(p, { lr: 0.95 }),
    gradientNoise: 0.15,
  },
  {
    label: 'Momentum',
    lectureForm: 'Δθ ← βΔθ − (1−β)α∇E, α = 1, β = 0.9',
    options: 'SGD { lr: 0.1, momentum: 0.9 }',
    make: (p: Var[]) => new SGD(p, { lr: 0.1, momentum: 0.9 }),
  },
  {
    label: 'NAG',
    lectureForm: 'Δθ ← βΔθ − (1−β)α∇E(θ + βΔθ), α = 1, β = 0.9',
    options: 'SGD { lr: 0.1, momentum: 0.9, nesterov: true }',
    make: (p: Var[]) => new SGD(p, { lr: 0.1, momentum: 0.9, nesterov: true }),
  },
  {
    label: 'AdaGrad',
    lectureForm: 'Δθᵢ = −α gᵢ/√(Σₛ gᵢ²), α = 1.5',
    options: 'Adagrad { lr: 1.5 } (ε = 1e-10 added to the root)',
    make: (p: Var[]) => new Adagrad(p, { lr: 1.5 }),
  },
  {
    label: 'RMSprop',
    lectureForm: 'v ← ρv + (1−ρ)g², Δθ = −α g/√(v + ε), α = 0.1, ρ = 0.99, ε = 1e-8',
    options: 'RMSprop { lr: 0.1, alpha: 0.99, eps: 1e-8, epsInsideSqrt: true }',
    make: (p: Var[]) => new RMSprop(p, { lr: 0.1, alpha: 0.99, eps: 1e-8, epsInsideSqrt: true }),
  },
  {
    label: 'Adam',
    lectureForm:
      'Δθ = −α m̂/√(v̂ + ε), m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ), α = 0.3, β = (0.9, 0.999), ε = 1e-8',
    options: 'Adam { lr: 0.3, betas: [0.9, 0.999], eps: 1e-8, epsInsideSqrt: true }',
    make: (p: Var[]) =>
      new Adam(p, { lr: 0.3, betas: [0.9, 0.999], eps: 1e-8, epsInsideSqrt: true }),
  },
]);

/** One optimizer's run in {@link optimizerRace}. */
export interface RaceResult {
  /** The racer's label. */
  label: string;
  /** Iterates x₀, x₁, … */
  x: number[];
  /** Iterates y₀, y₁, … */
  y: number[];
  /** f at each iterate. */
  losses: number[];
  /** f at the last iterate. */
  final: number;
  /** Distance of the last iterate to the known minimum (NaN when none is known). */
  distance: number;
}

/** Options of {@link optimizerRace}. */
export interface OptimizerRaceOptions {
  /** The racers. Default {@link SEMINAR_OPTIMIZERS}. */
  optimizers?: readonly RacerSpec[];
  /** Updates per racer. Default 50. */
  steps?: number;
  /** Starting point. Default the surface's. */
  start?: [number, number];
  /** Seed of the gradient noise. Default 0. */
  seed?: number;
}

/**
 * Runs several optimizers from the same start on one 2-D surface — the seminar's comparison of
 * GD, SGD, Momentum, NAG, AdaGrad, RMSprop and Adam — with autodiff gradients in float64.
 *
 * Defaults: the seminar's seven optimizers, 50 steps, the surface's start, seed 0.
 *
 * @example
 * ```ts
 * const runs = optimizerRace('bowl');
 * runs.map((r) => `${r.label}: ${r.final.toExponential(2)}`);
 * ```
 */
export function optimizerRace(
  surface: Surface | keyof typeof SURFACES,
  options: OptimizerRaceOptions = {},
): RaceResult[] {
  const op = 'optimizerRace';
  const s = typeof surface === 'string' ? SURFACES[surface] : surface;
  if (s === undefined) {
    throw new RangeError(
      `${op}: unknown surface '${String(surface)}'; use ${Object.keys(SURFACES).join(', ')} or a Surface object`,
    );
  }
  const { optimizers = SEMINAR_OPTIMIZERS, steps = 50, start = s.start, seed = 0 } = options;
  if (!Number.isInteger(steps) || steps < 0) {
    throw new RangeError(`${op}: steps must be a non-negative integer, got ${String(steps)}`);
  }
  return optimizers.map((spec) => {
    const gen = new Generator(seed);
    const px = variable(tensor(start[0], { dtype: 'float64' }));
    const py = variable(tensor(start[1], { dtype: 'float64' }));
    const opt = spec.make([px, py]);
    const xs = [start[0]];
    const ys = [start[1]];
    const noise = spec.gradientNoise ?? 0;
    for (let k = 0; k < steps; k++) {
      opt.zeroGrad();
      s.f(px, py).backward();
      if (noise > 0) {
        for (const p of [px, py]) {
          const g = p.grad?.data;
          if (g) g[0] += noise * gen.normal();
        }
      }
      opt.step();
      xs.push(px.value.item());
      ys.push(py.value.item());
    }
    const losses = xs.map((x, k) => s.value(x, ys[k]));
    const last = xs.length - 1;
    const distance =
      s.minimum === undefined
        ? Number.NaN
        : Math.hypot(xs[last] - s.minimum[0], ys[last] - s.minimum[1]);
    return { label: spec.label, x: xs, y: ys, losses, final: losses[last], distance };
  });
}

/** Learning rates of the two schedules in {@link scheduleCurves}. */
export interface ScheduleCurves {
  /** Epochs 0 … epochs − 1. */
  epochs: number[];
  /** LambdaLR with $λ(e) = 0.95^e$: lr = base·0.95^e. */
  lambdaLR: number[];
  /** StepLR with stepSize 30, γ = 0.5: lr halves every 30 epochs. */
  stepLR: number[];
}

/**
 * The learning rates of the two schedules the seminar plots, as @gd/schedulers computes them
 * (PyTorch's sequences): LambdaLR with $λ(e) = 0.95^e$ and StepLR with stepSize 30, γ = 0.5,
 * both from a base lr of 0.1.
 *
 * Defaults: 100 epochs.
 *
 * @example
 * ```ts
 * const { stepLR } = scheduleCurves();
 * stepLR[30]; // 0.05
 * ```
 */
export function scheduleCurves(epochs = 100): ScheduleCurves {
  const a = { paramGroups: [{ lr: 0.1 }] };
  const b = { paramGroups: [{ lr: 0.1 }] };
  const lambda = new LambdaLR(a, { lrLambda: (e: number) => 0.95 ** e });
  const step = new StepLR(b, { stepSize: 30, gamma: 0.5 });
  const out: ScheduleCurves = { epochs: [], lambdaLR: [], stepLR: [] };
  for (let e = 0; e < epochs; e++) {
    out.epochs.push(e);
    out.lambdaLR.push(a.paramGroups[0].lr);
    out.stepLR.push(b.paramGroups[0].lr);
    lambda.step();
    step.step();
  }
  return out;
}

/** The seminar's linear program: $c^T x$ subject to $Ax ≤ b$ (the four constraints, x ≥ 0 as two rows). */
export const SEMINAR_LP: {
  /** Objective coefficients c. */
  readonly c: readonly [1, 2];
  /** Constraint rows a_i of $a_i^Tx ≤ b_i$. */
  readonly A: readonly (readonly [number, number])[];
  /** Right-hand sides b_i. */
  readonly b: readonly number[];
} = Object.freeze({
  c: [1, 2] as const,
  A: [
    [1, 1],
    [1, 3],
    [2, 1],
    [-1, 0],
    [0, -1],
  ] as const,
  b: [6, 12, 10, 0, 0] as const,
});

/** One outer iteration of {@link logBarrierLP}. */
export interface BarrierStage {
  /** Barrier weight t. */
  t: number;
  /** The minimiser x*(t) of $t·c^Tx − Σ\log(b − Ax)$ found. */
  x: [number, number];
  /** Newton steps taken. */
  newtonSteps: number;
}

/** Result of {@link logBarrierLP}. */
export interface LogBarrierResult {
  /** 'min' or 'max'. */
  sense: 'min' | 'max';
  /** The solution found. */
  x: [number, number];
  /** $c^Tx$ there. */
  value: number;
  /** The exact optimum, by enumerating the vertices of the feasible polygon. */
  exact: {
    /** The optimal vertex. */
    x: [number, number];
    /** $x_1 + 2x_2$ there. */
    value: number;
  };
  /** The vertices of the feasible region, counter-clockwise. */
  vertices: [number, number][];
  /** The central path: one point per barrier weight t. */
  stages: BarrierStage[];
  /** The duality-gap bound m/t of the last stage (m = number of constraints). */
  gapBound: number;
}

/** Options of {@link logBarrierLP}. */
export interface LogBarrierOptions {
  /** Minimise (the seminar's problem, default) or maximise $x_1 + 2x_2$. */
  sense?: 'min' | 'max';
  /** Strictly feasible start. Default [1, 1]. */
  start?: [number, number];
  /** First barrier weight. Default 1. */
  t0?: number;
  /** Factor t grows by per stage. Default 10. */
  mu?: number;
  /** Stop once m/t falls below this. Default 1e-8. */
  tolerance?: number;
}

/** Solves the 2 × 2 system [[a, b], [c, d]] x = r (Cramer's rule). */
function solve2(
  a: number,
  b: number,
  c: number,
  d: number,
  r0: number,
  r1: number,
): [number, number] | null {
  const det = a * d - b * c;
  if (Math.abs(det) < 1e-14) return null;
  // + 0 turns −0 into 0, so vertices print as (0, 0)
  return [(r0 * d - b * r1) / det + 0, (a * r1 - r0 * c) / det + 0];
}

/** The feasible polygon's vertices, counter-clockwise: every pairwise intersection that satisfies all rows. */
function feasibleVertices(
  A: readonly (readonly number[])[],
  b: readonly number[],
): [number, number][] {
  const pts: [number, number][] = [];
  for (let i = 0; i < A.length; i++)
    for (let j = i + 1; j < A.length; j++) {
      const p = solve2(A[i][0], A[i][1], A[j][0], A[j][1], b[i], b[j]);
      if (p === null) continue;
      if (A.every((row, k) => row[0] * p[0] + row[1] * p[1] <= b[k] + 1e-9)) {
        if (!pts.some((q) => Math.hypot(q[0] - p[0], q[1] - p[1]) < 1e-9)) pts.push(p);
      }
    }
  const cx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const cy = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  return pts.sort((p, q) => Math.atan2(p[1] - cy, p[0] - cx) - Math.atan2(q[1] - cy, q[0] - cx));
}

/**
 * The seminar's linear program — minimise $x_1 + 2x_2$ subject to $x_1 + x_2 ≤ 6$,
 * $x_1 + 3x_2 ≤ 12$, $2x_1 + x_2 ≤ 10$, $x_1, x_2 ≥ 0$ — solved by the log-barrier (interior-point)
 * method: for t = t₀, μt₀, μ²t₀, … minimise $φ_t(x) = t\,c^Tx − \sum_i \log(b_i − a_i^Tx)$ with
 * Newton steps (gradient and Hessian from @gd/autodiff) and @gd/optim's Armijo backtracking line
 * search, warm-starting each stage from the last, until the gap bound m/t is below `tolerance`.
 * The exact optimum (a vertex of the feasible polygon) is computed alongside for comparison.
 * With `sense: 'max'` it solves the maximisation (optimum (3, 3), value 9) instead.
 *
 * Defaults: sense 'min', start [1, 1], t0 1, mu 10, tolerance 1e-8.
 *
 * @example
 * ```ts
 * const r = logBarrierLP();
 * r.x;     // ≈ [0, 0] (to 1e-8)
 * r.exact; // { x: [0, 0], value: 0 }
 * ```
 */
export function logBarrierLP(options: LogBarrierOptions = {}): LogBarrierResult {
  const op = 'logBarrierLP';
  const { sense = 'min', start = [1, 1], t0 = 1, mu = 10, tolerance = 1e-8 } = options;
  if (sense !== 'min' && sense !== 'max') {
    throw new RangeError(`${op}: sense must be 'min' or 'max', got '${String(sense)}'`);
  }
  if (!(t0 > 0) || !(mu > 1) || !(tolerance > 0)) {
    throw new RangeError(
      `${op}: need t0 > 0, mu > 1 and tolerance > 0, got ${t0}, ${mu}, ${tolerance}`,
    );
  }
  const { A: rows, b: rhs } = SEMINAR_LP;
  const sign = sense === 'min' ? 1 : -1;
  const c = SEMINAR_LP.c.map((v) => sign * v);
  const A = tensor(
    rows.map((r) => [...r]),
    { dtype: 'float64' },
  );
  const b = tensor([...rhs], { dtype: 'float64' });
  const cT = tensor(c, { dtype: 'float64' });
  const m = rows.length;
  const slack = (x: Tensor): Tensor => sub(b, matmul(A, x));
  if (minOf(slack(tensor(start, { dtype: 'float64' }))).item() <= 0) {
    throw new RangeError(`${op}: start [${start.join(', ')}] must be strictly feasible`);
  }

  const stages: BarrierStage[] = [];
  let x = tensor(start, { dtype: 'float64' });
  let t = t0;
  for (;;) {
    const tNow = t;
    const phi = (v: Var) => sub(mul(sum(mul(cT, v)), tNow), sum(log(sub(b, matmul(A, v)))));
    const phiValue = (v: Tensor): number => {
      const s = slack(v);
      if (minOf(s).item() <= 0) return Number.POSITIVE_INFINITY;
      return tNow * sum(mul(cT, v)).item() - sum(log(s)).item();
    };
    let newtonSteps = 0;
    for (; newtonSteps < 100; newtonSteps++) {
      const [value, g] = valueAndGrad(phi)(x);
      const H = hessian(phi)(x).toArray() as number[][];
      const gd = g.toArray() as number[];
      const d = solve2(H[0][0], H[0][1], H[1][0], H[1][1], -gd[0], -gd[1]);
      if (d === null) break;
      const decrement = -(gd[0] * d[0] + gd[1] * d[1]);
      if (decrement / 2 <= 1e-12) break;
      const ls = armijoBacktracking(phiValue, x, g, {
        direction: tensor(d, { dtype: 'float64' }),
        initialStep: 1,
        shrink: 0.5,
        c1: 0.25,
        loss: value,
      });
      if (!ls.accepted) break;
      x = ls.x;
    }
    const xv = x.toArray() as number[];
    stages.push({ t: tNow, x: [xv[0], xv[1]], newtonSteps });
    if (m / tNow < tolerance) break;
    t = tNow * mu;
  }
  const xv = x.toArray() as number[];
  const value = SEMINAR_LP.c[0] * xv[0] + SEMINAR_LP.c[1] * xv[1];
  const vertices = feasibleVertices(rows, rhs);
  let best = vertices[0];
  for (const v of vertices)
    if (c[0] * v[0] + c[1] * v[1] < c[0] * best[0] + c[1] * best[1]) best = v;
  return {
    sense,
    x: [xv[0], xv[1]],
    value,
    exact: { x: best, value: SEMINAR_LP.c[0] * best[0] + SEMINAR_LP.c[1] * best[1] + 0 },
    vertices,
    stages,
    gapBound: m / stages[stages.length - 1].t,
  };
}

/** The objective over the plot box, NaN outside the feasible region (drawn as holes). */
function feasibleGrid(samples: number): Grid2D {
  const { A, b } = SEMINAR_LP;
  return sampleGrid(
    (x, y) => (A.every((r, k) => r[0] * x + r[1] * y <= b[k] + 1e-12) ? x + 2 * y : Number.NaN),
    [-0.5, 6.5],
    [-0.5, 4.5],
    samples,
  );
}

/** Options of {@link optimizersLecture}. */
export interface OptimizersLectureOptions {
  /** Updates per optimizer in the race. Default 50. */
  steps?: number;
  /** Frames of the race animation. Default 40. */
  frames?: number;
}

/**
 * Runs every experiment of the optimizers seminar and returns its numbers beside gd's and its
 * figures: the seven optimizers racing on one surface, LambdaLR and StepLR, and the linear
 * program solved by a log-barrier method with its feasible region drawn.
 *
 * Defaults: 50 steps, 40 frames.
 *
 * @example
 * ```ts
 * const { numbers, figures } = optimizersLecture({ steps: 30 });
 * ```
 */
export function optimizersLecture(options: OptimizersLectureOptions = {}): LectureReport {
  const { steps = 50, frames = 40 } = options;
  const numbers: LectureNumber[] = [];
  const figures: Figure[] = [];
  const s = SURFACES.bowl;
  const runs = optimizerRace(s, { steps });
  for (const spec of SEMINAR_OPTIMIZERS) {
    numbers.push({
      label: `${spec.label}: update rule`,
      lecture: spec.lectureForm,
      gd: spec.options ?? '',
    });
  }
  for (const r of runs) {
    numbers.push({
      label: `${r.label} on x²/20 + y² from (−7, 2), ${steps} steps: f, distance to (0, 0)`,
      gd: `${formatNumber(r.final, 4)}, ${formatNumber(r.distance, 4)}`,
    });
  }
  const trajectories = runs.map((r) => ({ x: r.x, y: r.y, label: r.label }));
  figures.push({
    file: 'optimizer-race',
    caption: `GD, SGD, Momentum, NAG, AdaGrad, RMSprop and Adam from (−7, 2) on f(x, y) = x²/20 + y², ${steps} updates each, in the seminar's update rules.`,
    svg: contourPlot(s.value, {
      xRange: s.xRange,
      yRange: s.yRange,
      trajectories,
      minimum: [0, 0],
      title: 'Seven optimizers on x²/20 + y²',
      xLabel: 'x',
      yLabel: 'y',
      legend: 'lower right',
    }),
    frames: animateTrajectory({
      f: s.value,
      xRange: s.xRange,
      yRange: s.yRange,
      trajectories,
      minimum: [0, 0],
      frames,
      title: 'Seven optimizers on x²/20 + y²',
      xLabel: 'x',
      yLabel: 'y',
      legend: 'lower right',
    }),
  });
  figures.push({
    file: 'optimizer-race-loss',
    caption: 'f(x_k, y_k) against the update k for each optimizer (log scale).',
    svg: linePlot(
      runs.map((r) => ({ y: r.losses.map((v) => Math.max(v, 1e-16)), label: r.label })),
      { title: 'Loss per update', xLabel: 'update k', yLabel: 'f', yScale: 'log' },
    ),
  });

  const sched = scheduleCurves();
  numbers.push({
    label: 'LambdaLR λ(e) = 0.95^e, base lr 0.1: lr at epochs 0, 10, 50',
    gd: [0, 10, 50].map((e) => formatNumber(sched.lambdaLR[e], 6)).join(', '),
  });
  numbers.push({
    label: 'StepLR stepSize 30, γ = 0.5, base lr 0.1: lr at epochs 29, 30, 60, 90',
    gd: [29, 30, 60, 90].map((e) => formatNumber(sched.stepLR[e], 6)).join(', '),
  });
  figures.push({
    file: 'lambda-lr',
    caption: 'The learning rate under LambdaLR with λ(epoch) = 0.95^epoch (base lr 0.1).',
    svg: linePlot(
      { x: sched.epochs, y: sched.lambdaLR, label: 'LambdaLR' },
      { title: 'LambdaLR', xLabel: 'epoch', yLabel: 'learning rate' },
    ),
  });
  figures.push({
    file: 'step-lr',
    caption: 'The learning rate under StepLR (stepSize 30, γ = 0.5, base lr 0.1).',
    svg: linePlot(
      { x: sched.epochs, y: sched.stepLR, label: 'StepLR', step: 'post' },
      { title: 'StepLR', xLabel: 'epoch', yLabel: 'learning rate' },
    ),
  });

  for (const sense of ['min', 'max'] as const) {
    const lp = logBarrierLP({ sense });
    const word = sense === 'min' ? 'minimise' : 'maximise';
    numbers.push({
      label: `LP: ${word} x₁ + 2x₂ — log-barrier solution (x₁, x₂), value`,
      gd: `(${formatNumber(lp.x[0], 8)}, ${formatNumber(lp.x[1], 8)}), ${formatNumber(lp.value, 10)}`,
    });
    numbers.push({
      label: `LP: ${word} x₁ + 2x₂ — exact optimum (vertex), value`,
      gd: `(${lp.exact.x.join(', ')}), ${lp.exact.value}`,
    });
    const path = [[1, 1] as [number, number], ...lp.stages.map((st) => st.x)];
    const poly = [...lp.vertices, lp.vertices[0]];
    figures.push({
      file: `lp-barrier-${sense}`,
      caption: `The seminar's linear program (${word} x₁ + 2x₂): the feasible region (coloured by the objective) bounded by x₁ + x₂ ≤ 6, x₁ + 3x₂ ≤ 12, 2x₁ + x₂ ≤ 10, x₁, x₂ ≥ 0, and the log-barrier central path from (1, 1) to the optimum (${lp.exact.x.join(', ')}).`,
      svg: contourPlot(feasibleGrid(141), {
        trajectories: [
          {
            x: poly.map((p) => p[0]),
            y: poly.map((p) => p[1]),
            label: 'feasible region',
            marker: 'none',
            color: '#000000',
          },
          {
            x: path.map((p) => p[0]),
            y: path.map((p) => p[1]),
            label: 'central path (t = 1 … 1e9)',
          },
        ],
        // the × is labelled 'minimum': drawn for the minimisation only; the path's ★ ends at the optimum
        minimum: sense === 'min' ? lp.exact.x : undefined,
        title: `LP: ${word} x₁ + 2x₂`,
        xLabel: 'x₁',
        yLabel: 'x₂',
        colorbarLabel: 'x₁ + 2x₂',
        legend: 'upper right',
      }),
    });
  }
  return { numbers, figures };
}
