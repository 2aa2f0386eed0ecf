/** `gd compare "<expr>" --optimizers a,b,c`: several optimizers side by side, table and plot. */
import { join } from 'node:path';
import type { Command } from 'commander';
import { integer, nonNegative, positive, wordList } from '../args';
import { UsageError } from '../errors';
import {
  OPTIMIZER_NAMES,
  type OptimizerFlags,
  addOptimizerOptions,
  buildOptimizer,
} from '../optimizers';
import { fmt, out, say, table } from '../output';
import { trajectoryFigure, writeFigure } from '../plots';
import {
  type RunResult,
  distanceToMinimum,
  resolveProblem,
  runProblem,
  startPoint,
} from '../problem';
import { parseDtype } from './minimize';

interface CompareFlags extends Omit<OptimizerFlags, 'optimizer' | 'lr'> {
  optimizers: string;
  lr?: string;
  x0: string[];
  steps: string;
  tolerance: string;
  dtype: string;
  out: string;
  gif?: boolean;
  json?: boolean;
  seed: string;
}

const collect = (v: string, acc: string[]) => [...acc, v];

/** Default learning rates per optimizer when --lr is not given (a common, stable choice). */
const DEFAULT_LR: Record<string, number> = {
  gd: 0.001,
  sgd: 0.001,
  momentum: 0.001,
  nesterov: 0.001,
};

/** `--lr 0.01` for all, or `--lr sgd=0.001,adam=0.05` per optimizer (a bare value is the default). */
function lrTable(raw: string | undefined): (name: string) => string | undefined {
  if (raw === undefined)
    return (name) => (DEFAULT_LR[name] === undefined ? undefined : String(DEFAULT_LR[name]));
  const map = new Map<string, string>();
  let all: string | undefined;
  for (const part of raw.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) all = String(nonNegative('--lr', part));
    else
      map.set(
        part.slice(0, eq).trim().toLowerCase(),
        String(nonNegative('--lr', part.slice(eq + 1))),
      );
  }
  return (name) =>
    map.get(name) ?? all ?? (DEFAULT_LR[name] === undefined ? undefined : String(DEFAULT_LR[name]));
}

/** First step whose gap to the minimum (or gradient-free: change in f) is within `tol`. */
function stepsToTolerance(r: RunResult, fMin: number | undefined, tol: number): number | undefined {
  for (let k = 0; k <= r.steps; k++) {
    const v = r.values[k];
    if (fMin !== undefined ? v - fMin <= tol : k > 0 && Math.abs(v - r.values[k - 1]) <= tol)
      return k;
  }
  return undefined;
}

/** Registers `gd compare`. */
export function registerCompare(program: Command): void {
  const cmd = program
    .command('compare')
    .description(
      'run several optimizers on one formula or surface: a table and a plot of every trajectory',
    )
    .argument(
      '<expression>',
      'formula, or a surface: rosenbrock, beale, himmelblau, saddle, booth, quadratic, quadratic-exp, nonconvex',
    )
    .option(
      '--optimizers <list>',
      'comma-separated optimizer names',
      'sgd,momentum,nesterov,adagrad,rmsprop,adam',
    )
    .option('--x0 <value>', 'start (a built-in surface has its own default)', collect, [])
    .option('--steps <n>', 'updates per optimizer', '200')
    .option('--tolerance <tol>', 'gap f − f* (or change in f) counted as converged', '1e-6')
    .option('--dtype <dtype>', 'float64 or float32', 'float64')
    .option('--seed <n>', 'seed of the random searches', '0')
    .option('--out <dir>', 'where the plot is written', 'gd-compare')
    .option('--gif', 'also write an animated GIF of the race')
    .option('--json', 'print one JSON object with every run');
  addOptimizerOptions(cmd, 'sgd');
  // `--optimizer` makes no sense here; `--lr` accepts per-optimizer values.
  const optimizerOption = cmd.options.find((o) => o.long === '--optimizer');
  if (optimizerOption) optimizerOption.hidden = true;
  const lrOption = cmd.options.find((o) => o.long === '--lr');
  if (lrOption)
    lrOption.description = 'learning rate for all, or per optimizer: sgd=0.001,adam=0.05';
  cmd.addHelpText(
    'after',
    `
Examples:
  $ gd compare rosenbrock --optimizers sgd,momentum,nesterov,adagrad,rmsprop,adam --lr 0.001 --steps 500
  $ gd compare "x^2 + exp(-x)" --x0 3 --optimizers gd,momentum,adam --lr gd=0.1,momentum=0.05,adam=0.3 --gif
  $ gd compare himmelblau --optimizers sgd,adam --lr sgd=0.01,adam=0.1 --out figures --json`,
  );
  cmd.action((expression: string, flags: CompareFlags) => {
    const dtype = parseDtype(flags.dtype);
    const steps = integer('--steps', flags.steps, 1);
    const seed = integer('--seed', flags.seed, 0);
    const tol = positive('--tolerance', flags.tolerance);
    const names = wordList(flags.optimizers).map((n) => n.toLowerCase());
    if (names.length === 0)
      throw new UsageError('--optimizers is empty', 'e.g. --optimizers sgd,adam');
    for (const n of names)
      if (!(OPTIMIZER_NAMES as readonly string[]).includes(n))
        throw new UsageError(
          `unknown optimizer '${n}'`,
          `choose from ${OPTIMIZER_NAMES.join(', ')}`,
        );
    const lrOf = lrTable(flags.lr);
    const problem = resolveProblem(expression, dtype);
    const start = startPoint(problem, flags.x0);
    const fMin = problem.surface?.minimum
      ? (() => {
          const f = problem.expr.evaluate({ ...problem.surface.minimum });
          return 'item' in f ? f.item() : Number.NaN;
        })()
      : undefined;
    const runs = names.map((name) => {
      const optFlags: OptimizerFlags = { ...flags, optimizer: name, lr: lrOf(name) };
      const result = runProblem(
        problem,
        start,
        (params) => buildOptimizer(params, optFlags, seed),
        steps,
        { dtype },
      );
      return { name, lr: optFlags.lr, result };
    });
    const figure = trajectoryFigure(
      problem,
      runs.map((r) => ({ label: r.name, result: r.result })),
      `${problem.surface?.title ?? problem.expr.toString()}: ${steps} steps`,
    );
    const base = join(flags.out, problem.surface?.name ?? 'compare');
    const files = [`${base}.svg`, `${base}.png`, ...(flags.gif ? [`${base}.gif`] : [])];
    for (const f of files) writeFigure(f, figure.svg, figure.frames);
    const vars = problem.expr.variables;
    const summary = runs.map((r) => ({
      optimizer: r.name,
      lr: r.lr === undefined ? null : Number(r.lr),
      value: r.result.value,
      params: r.result.params,
      stepsToTolerance: stepsToTolerance(r.result, fMin, tol) ?? null,
      distanceToMinimum: distanceToMinimum(problem, r.result.params) ?? null,
    }));
    if (flags.json) {
      say(
        JSON.stringify({
          expression: problem.expr.toString(),
          start: Object.fromEntries(vars.map((v, i) => [v, start[i]])),
          steps,
          tolerance: tol,
          runs: summary,
          files,
        }),
      );
      return;
    }
    say(`${out.bold('compare')} on ${problem.label} from (${start.join(', ')}), ${steps} steps`);
    say(
      table(
        [
          'optimizer',
          'lr',
          'final f',
          ...vars,
          `steps to ${fmt(tol)}`,
          ...(fMin !== undefined ? ['distance to min'] : []),
        ],
        summary.map((s) => [
          s.optimizer,
          s.lr === null ? 'default' : fmt(s.lr),
          fmt(s.value, 8),
          ...vars.map((v) => fmt(s.params[v], 8)),
          s.stepsToTolerance === null ? '—' : String(s.stepsToTolerance),
          ...(fMin !== undefined ? [fmt(s.distanceToMinimum ?? Number.NaN, 4)] : []),
        ]),
      ),
    );
    for (const f of files) say(out.dim(`wrote ${f}`));
  });
}
