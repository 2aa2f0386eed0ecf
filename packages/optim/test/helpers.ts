import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tensor } from '@gd/tensor';
import type { Optimizer, Parameter } from '../src';

/** One golden run from fixtures/trajectories.json (written by gen_trajectories.py). */
export interface GoldenCase {
  optimizer: string;
  options: Record<string, unknown>;
  problem: 'rosenbrock' | 'lstsq' | 'negRosenbrock' | 'negLstsq';
  x0: number[][];
  losses: number[];
  trajectory: number[][];
  ax?: number[];
  /** For float32 cases: the same run in float64, to size float32's own rounding error. */
  float64Trajectory?: number[][];
  funcEvals?: number;
  nIter?: number;
}

export interface Golden {
  torch: string;
  A: number[][];
  b: number[];
  cases: GoldenCase[];
  float32Cases: GoldenCase[];
  clipGradNorm: {
    grads: Array<number[] | number[][]>;
    results: Array<{
      normType: number | 'Infinity';
      maxNorm: number;
      total: number;
      grads: number[][];
    }>;
  };
  clipGradValue: Array<{ clipValue: number; grads: number[][] }>;
}

export const golden: Golden = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'trajectories.json'), 'utf8'),
);

/** Closed-form loss and gradients, in the generator's operation order. */
export type Problem = (xs: Float64Array[], grads: Float64Array[]) => number;

const rosenbrock: Problem = ([p], [g]) => {
  const x = p[0];
  const y = p[1];
  const d = y - x * x;
  g[0] = -2 * (1 - x) - 400 * x * d;
  g[1] = 200 * d;
  return (1 - x) * (1 - x) + 100 * d * d;
};

const lstsq: Problem = ([w, c], [gw, gc]) => {
  const { A, b } = golden;
  let f = 0;
  gw.fill(0);
  gc[0] = 0;
  for (let i = 0; i < A.length; i++) {
    const r = A[i][0] * w[0] + A[i][1] * w[1] + A[i][2] * w[2] + c[0] - b[i];
    f += 0.5 * r * r;
    for (let j = 0; j < 3; j++) gw[j] += A[i][j] * r;
    gc[0] += r;
  }
  return f;
};

const negated =
  (p: Problem): Problem =>
  (xs, gs) => {
    const f = p(xs, gs);
    for (const g of gs) for (let i = 0; i < g.length; i++) g[i] = -g[i];
    return -f;
  };

export const PROBLEMS: Record<GoldenCase['problem'], Problem> = {
  rosenbrock,
  lstsq,
  negRosenbrock: negated(rosenbrock),
  negLstsq: negated(lstsq),
};

/** Parameters at `x0` (float64 unless told) with zeroed gradients. */
export function makeParams(x0: number[][], dtype: 'float32' | 'float64' = 'float64'): Parameter[] {
  return x0.map((v) => ({
    value: tensor(v, { dtype }),
    grad: tensor(
      v.map(() => 0),
      { dtype },
    ),
  }));
}

/** Evaluates `problem` at the parameters, writing the gradients into their grad buffers. */
export function evaluate(problem: Problem, params: Parameter[]): number {
  if (params[0].value.dtype === 'float64') {
    return problem(
      params.map((p) => p.value.data as Float64Array),
      params.map((p) => p.grad!.data as Float64Array),
    );
  }
  // float32: evaluate in double from the float32 values, store the gradient rounded, as the
  // generator does with torch.tensor(g, dtype=float32).
  const grads = params.map((p) => new Float64Array(p.value.size));
  const f = problem(
    params.map((p) => Float64Array.from(p.value.data)),
    grads,
  );
  for (const [i, p] of params.entries()) (p.grad!.data as Float32Array).set(grads[i]);
  return f;
}

/** The flat values of every parameter. */
export function flat(params: Parameter[]): number[] {
  return params.flatMap((p) => Array.from(p.value.data));
}

/** Largest relative deviation |a−b|/max(|b|, 1e-300) over two equal-length rows. */
export function maxRelDev(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-300);
    if (!(d <= m)) m = d;
  }
  return m;
}

/**
 * Deviation of a loss value: relative, but with an absolute floor of 1 — near a minimum the loss
 * suffers cancellation (Rosenbrock's 1 − x), so parameters agreeing to 1e-15 can give losses that
 * agree only to 1e-19 absolute.
 */
export function lossDev(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1);
}

/** Runs a golden case with a gd optimizer and returns the largest relative deviation seen. */
export function runGolden(
  c: GoldenCase,
  make: (params: Parameter[], options: Record<string, unknown>) => Optimizer<object>,
): number {
  const params = makeParams(c.x0);
  const opt = make(params, c.options);
  const problem = PROBLEMS[c.problem];
  let dev = 0;
  for (let k = 0; k < c.trajectory.length; k++) {
    const loss = evaluate(problem, params);
    dev = Math.max(dev, lossDev(loss, c.losses[k]));
    opt.step();
    dev = Math.max(dev, maxRelDev(flat(params), c.trajectory[k]));
  }
  return dev;
}

/** The golden cases of one optimizer. */
export function casesOf(name: string): GoldenCase[] {
  return golden.cases.filter((c) => c.optimizer === name);
}

/** A readable label for a case. */
export function label(c: GoldenCase): string {
  return `${JSON.stringify(c.options)} on ${c.problem}`;
}

/** Tolerance of the golden comparisons (relative). */
export const TOL = 1e-10;
