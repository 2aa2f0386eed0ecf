/** A typed formula (or a built-in surface) and runs of an optimizer on it. */
import { type Var, noGrad, variable } from '@gd/autodiff';
import {
  type CompiledExpression,
  ExpressionError,
  type Surface,
  compileExpression,
  surfaces,
} from '@gd/expr';
import type { Tensor } from '@gd/tensor';
import { assignments } from './args';
import { UsageError } from './errors';
import type { BuiltOptimizer } from './optimizers';
import type { CliScheduler } from './schedules';

/** Starting points of the built-in surfaces (used when no --x0 is given). */
const DEFAULT_STARTS: Record<string, Record<string, number>> = {
  rosenbrock: { x: -1.5, y: 2 },
  beale: { x: 1, y: 1.5 },
  himmelblau: { x: 0, y: 0 },
  saddle: { x: -1.5, y: 0.01 },
  booth: { x: -8, y: 8 },
  quadratic: { x: 3 },
  'quadratic-exp': { x: 3 },
  nonconvex: { x: 3 },
};

/** The function to work on: its compiled formula, a label, and the surface it names if any. */
export interface Problem {
  label: string;
  expr: CompiledExpression;
  surface: Surface | undefined;
}

/** Turns an ExpressionError into a usage error that shows the caret. */
export function expressionUsage(e: unknown): never {
  if (e instanceof ExpressionError)
    throw new UsageError(
      `bad expression: ${e.message}\n  ${e.caret.replace('\n', '\n  ')}`,
      'expressions use numbers, variables, + - * / ^, ( ), exp log sqrt sin cos tan tanh sigmoid relu abs min max, pi, e',
    );
  throw e;
}

/** Resolves `arg`: a built-in surface name, or a formula parsed by @gd/expr. */
export function resolveProblem(arg: string, dtype: 'float32' | 'float64' = 'float64'): Problem {
  const surface = Object.hasOwn(surfaces, arg) ? surfaces[arg] : undefined;
  try {
    const expr = compileExpression(surface ? surface.expression : arg, { dtype });
    return { label: surface ? `${surface.title} (${surface.expression})` : arg, expr, surface };
  } catch (e) {
    expressionUsage(e);
  }
}

/** The starting point from `--x0` values (`3` for one variable, `x=1` per variable). */
export function startPoint(problem: Problem, raws: readonly string[]): number[] {
  const vars = problem.expr.variables;
  if (vars.length === 0)
    throw new UsageError(
      `'${problem.expr.source}' has no variables to optimise`,
      'use a variable, e.g. x^2',
    );
  const given = assignments('--x0', raws);
  const fallback = problem.surface ? DEFAULT_STARTS[problem.surface.name] : undefined;
  const bare = given.get('');
  if (bare !== undefined && vars.length > 1)
    throw new UsageError(
      `--x0 ${bare} is ambiguous: the expression has variables ${vars.join(', ')}`,
      `give each its own value: ${vars.map((v) => `--x0 ${v}=…`).join(' ')}`,
    );
  for (const k of given.keys())
    if (k !== '' && !vars.includes(k))
      throw new UsageError(
        `--x0 ${k}=…: the expression has no variable '${k}'`,
        `its variables are ${vars.join(', ')}`,
      );
  return vars.map((v, i) => {
    const value = (i === 0 && bare !== undefined ? bare : given.get(v)) ?? fallback?.[v];
    if (value === undefined)
      throw new UsageError(
        `missing --x0 for variable '${v}'`,
        vars.length === 1
          ? `add --x0 <value>, e.g. --x0 3`
          : `add ${vars.map((n) => `--x0 ${n}=…`).join(' ')}`,
      );
    return value;
  });
}

/** One recorded point of a run. */
export interface HistoryEntry {
  step: number;
  value: number;
  params: Record<string, number>;
}

/** What a run produced: the final point, its value, every iterate, and a recorded history. */
export interface RunResult {
  params: Record<string, number>;
  value: number;
  steps: number;
  /** Iterates per variable, steps + 1 each (the start first). */
  path: Float64Array[];
  /** f at every iterate. */
  values: Float64Array;
  /** Learning rate used at each step. */
  lrs: Float64Array;
}

/** Runs `built` for `steps` steps on the problem from `start`. */
export function runProblem(
  problem: Problem,
  start: readonly number[],
  makeOptimizer: (params: Var[]) => BuiltOptimizer,
  steps: number,
  options: {
    dtype?: 'float32' | 'float64';
    schedule?: (opt: BuiltOptimizer['optimizer']) => CliScheduler;
  } = {},
): RunResult {
  const dtype = options.dtype ?? 'float64';
  const names = problem.expr.variables;
  const vars = start.map((v) => variable(v, { dtype }));
  const env: Record<string, Var> = {};
  names.forEach((n, i) => {
    env[n] = vars[i];
  });
  const built = makeOptimizer(vars);
  const opt = built.optimizer;
  const sched = options.schedule?.(opt);
  const loss = () => problem.expr.evaluate(env) as Var;
  const path = names.map(() => new Float64Array(steps + 1));
  const values = new Float64Array(steps + 1);
  const lrs = new Float64Array(steps);
  const record = (k: number, value: number) => {
    for (let i = 0; i < vars.length; i++) path[i][k] = vars[i].value.data[0];
    values[k] = value;
  };
  for (let k = 0; k < steps; k++) {
    lrs[k] = (opt.paramGroups[0] as { lr?: number }).lr ?? Number.NaN;
    if (built.kind === 'plain') {
      opt.zeroGrad();
      const l = loss();
      record(k, l.item());
      l.backward();
      opt.step();
    } else if (built.kind === 'closure') {
      record(
        k,
        noGrad(() => loss().item()),
      );
      opt.step(() => {
        opt.zeroGrad();
        const l = loss();
        l.backward();
        return l;
      });
    } else {
      record(
        k,
        noGrad(() => loss().item()),
      );
      opt.step(() => noGrad(() => (loss() as unknown as Tensor).item()));
    }
    sched?.step();
  }
  const final = noGrad(() => loss().item());
  record(steps, final);
  const params: Record<string, number> = {};
  names.forEach((n, i) => {
    params[n] = vars[i].value.data[0];
  });
  return { params, value: final, steps, path, values, lrs };
}

/** Distance from `params` to the surface's known minimum, or undefined. */
export function distanceToMinimum(
  problem: Problem,
  params: Record<string, number>,
): number | undefined {
  const m = problem.surface?.minimum;
  if (!m) return undefined;
  let s = 0;
  for (const [k, v] of Object.entries(m)) s += (params[k] - v) ** 2;
  return Math.sqrt(s);
}

/** f as a plain function of numbers, for plotting. */
export function numericFunction(problem: Problem): (...xs: number[]) => number {
  const names = problem.expr.variables;
  return (...xs) =>
    noGrad(() => {
      const env: Record<string, number> = {};
      names.forEach((n, i) => {
        env[n] = xs[i];
      });
      return (problem.expr.evaluate(env) as Tensor).item();
    });
}
