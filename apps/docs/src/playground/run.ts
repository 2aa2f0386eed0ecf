// The playground's computations, free of any UI so that Node tests (and the browser test) can
// run exactly what the page runs. The optimisation loop is the one `gd minimize` runs: one
// float64 scalar Var per variable, zeroGrad → evaluate → backward → step, the schedule stepped
// after every update, and the final value computed without recording.
import { type Var, noGrad, variable } from '@gd/autodiff';
import { type CompiledExpression, ExpressionError, compileExpression, surfaces } from '@gd/expr';
import { Adagrad, Adam, RMSprop, SGD } from '@gd/optim';
import { CosineAnnealingLR, ExponentialLR, type OptimizerLike, StepLR } from '@gd/schedulers';
import { type Tensor, linspace } from '@gd/tensor';
import type { Grid2D } from '@gd/viz';

/** The optimizers the playground offers, as `gd minimize --optimizer` names them. */
export const OPTIMIZERS = ['gd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** One optimizer to run: its name and hyperparameters (`momentum` for momentum/nesterov). */
export interface OptimizerChoice {
  name: OptimizerName;
  lr: number;
  momentum?: number;
}

/** A learning-rate schedule stepped after every update (as `gd minimize --schedule`). */
export type ScheduleChoice =
  | { name: 'none' }
  | { name: 'steplr'; stepSize: number; gamma: number }
  | { name: 'exponentiallr'; gamma: number }
  | { name: 'cosineannealinglr'; tMax: number; etaMin: number };

/** The optimizer for `params` with the options `gd minimize` would pass for the same flags. */
export function makeOptimizer(params: Var[], c: OptimizerChoice) {
  switch (c.name) {
    case 'gd':
      return new SGD(params, { lr: c.lr });
    case 'momentum':
      return new SGD(params, { lr: c.lr, momentum: c.momentum ?? 0.9 });
    case 'nesterov':
      return new SGD(params, { lr: c.lr, momentum: c.momentum ?? 0.9, nesterov: true });
    case 'adagrad':
      return new Adagrad(params, { lr: c.lr });
    case 'rmsprop':
      return new RMSprop(params, { lr: c.lr });
    case 'adam':
      return new Adam(params, { lr: c.lr });
  }
}

/** The scheduler of a choice, or undefined for 'none'. */
export function makeScheduler(opt: OptimizerLike, s: ScheduleChoice) {
  switch (s.name) {
    case 'none':
      return undefined;
    case 'steplr':
      return new StepLR(opt, { stepSize: s.stepSize, gamma: s.gamma });
    case 'exponentiallr':
      return new ExponentialLR(opt, { gamma: s.gamma });
    case 'cosineannealinglr':
      return new CosineAnnealingLR(opt, { tMax: s.tMax, etaMin: s.etaMin });
  }
}

/** A run: iterates per variable (start first), f at each iterate, the lr of each step. */
export interface Run {
  path: number[][];
  values: number[];
  lrs: number[];
  final: { params: Record<string, number>; value: number };
}

/** Runs one optimizer for `steps` updates on `expr` from `start`, exactly as `gd minimize`. */
export function runOptimizer(
  expr: CompiledExpression,
  start: Record<string, number>,
  choice: OptimizerChoice,
  steps: number,
  schedule: ScheduleChoice = { name: 'none' },
): Run {
  const names = expr.variables;
  const vars = names.map((n) => variable(start[n] ?? 0, { dtype: 'float64' }));
  const env: Record<string, Var> = {};
  names.forEach((n, i) => {
    env[n] = vars[i];
  });
  const opt = makeOptimizer(vars, choice);
  const sched = makeScheduler(opt, schedule);
  const loss = () => expr.evaluate(env) as Var;
  const path = names.map(() => [] as number[]);
  const values: number[] = [];
  const lrs: number[] = [];
  const record = (value: number) => {
    vars.forEach((v, i) => {
      path[i].push(v.value.data[0]);
    });
    values.push(value);
  };
  for (let k = 0; k < steps; k++) {
    lrs.push(opt.paramGroups[0].lr);
    opt.zeroGrad();
    const l = loss();
    record(l.item());
    l.backward();
    opt.step();
    sched?.step();
  }
  const value = noGrad(() => loss().item());
  record(value);
  const params: Record<string, number> = {};
  names.forEach((n, i) => {
    params[n] = vars[i].value.data[0];
  });
  return { path, values, lrs, final: { params, value } };
}

/** A parsed function of two variables, or the error to show under the input. */
export type Parsed =
  | { ok: true; expr: CompiledExpression }
  | { ok: false; message: string; position: number };

/** Parses a typed formula with @gd/expr (never evaluated as JavaScript). */
export function parseFunction(source: string): Parsed {
  try {
    const expr = compileExpression(source, { dtype: 'float64' });
    if (expr.variables.length === 0 || expr.variables.length > 2) {
      return {
        ok: false,
        message: `the playground draws functions of one or two variables (x, y); '${source}' has ${expr.variables.length}`,
        position: 0,
      };
    }
    return { ok: true, expr };
  } catch (e) {
    if (e instanceof ExpressionError)
      return { ok: false, message: e.message, position: e.position };
    throw e;
  }
}

/** The built-in surfaces the playground lists (two-variable ones), with starts and domains. */
export const SURFACES = Object.values(surfaces).filter((s) => Object.keys(s.domain).length === 2);

/** Default starts, as `gd minimize` uses them. */
export const STARTS: Record<string, Record<string, number>> = {
  rosenbrock: { x: -1.5, y: 2 },
  beale: { x: 1, y: 1.5 },
  himmelblau: { x: 0, y: 0 },
  saddle: { x: -1.5, y: 0.01 },
  booth: { x: -8, y: 8 },
};

/** The variables drawn across and up: x and y when the formula uses them, else in order of appearance. */
export function planeAxes(expr: CompiledExpression): [string, string] {
  const v = expr.variables;
  if (v.includes('x') && (v.includes('y') || v.length === 1)) return ['x', 'y'];
  return [v[0], v[1] ?? 'y'];
}

/** f sampled on an n × n grid over the domain in one broadcast evaluation: z[row = y][col = x]. */
export function sampleSurface(
  expr: CompiledExpression,
  xRange: [number, number],
  yRange: [number, number],
  n = 81,
): Grid2D {
  const [vx, vy] = planeAxes(expr);
  const xs = linspace(xRange[0], xRange[1], n, { dtype: 'float64' });
  const ys = linspace(yRange[0], yRange[1], n, { dtype: 'float64' });
  const z = noGrad(
    () => expr.evaluate({ [vx]: xs.reshape([1, n]), [vy]: ys.reshape([n, 1]) }) as Tensor,
  );
  const flat = z.shape.length === 2 ? z : z.reshape([1, n]).add(ys.reshape([n, 1]).mul(0));
  const values = flat.toArray() as number[][];
  return { x: xs.toArray() as number[], y: ys.toArray() as number[], z: values };
}
