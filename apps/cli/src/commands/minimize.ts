/** `gd minimize "<expr>"`: one optimizer on a typed formula, the lectures' 1-D and 2-D runs. */
import type { Command } from 'commander';
import { integer } from '../args';
import { UsageError } from '../errors';
import {
  LECTURE_FORMS,
  type OptimizerFlags,
  addOptimizerOptions,
  buildOptimizer,
} from '../optimizers';
import { fmt, out, say, table } from '../output';
import { checkFigurePath, trajectoryFigure, writeFigure } from '../plots';
import {
  type HistoryEntry,
  type RunResult,
  resolveProblem,
  runProblem,
  startPoint,
} from '../problem';
import { parseSchedule } from '../schedules';

interface MinimizeFlags extends OptimizerFlags {
  x0: string[];
  steps: string;
  schedule?: string;
  dtype: string;
  json?: boolean;
  history?: boolean;
  plot: string[];
  seed: string;
}

const collect = (v: string, acc: string[]) => [...acc, v];

/** Checks `--dtype`. */
export function parseDtype(raw: string): 'float32' | 'float64' {
  if (raw !== 'float32' && raw !== 'float64')
    throw new UsageError(`--dtype must be float32 or float64, got '${raw}'`);
  return raw;
}

/** The recorded history: every step with --history, else up to ~200 evenly spaced points. */
export function historyOf(names: readonly string[], r: RunResult, every: boolean): HistoryEntry[] {
  const n = r.steps;
  const stride = every ? 1 : Math.max(1, Math.ceil(n / 200));
  const out: HistoryEntry[] = [];
  for (let k = 0; k <= n; k += stride) out.push(entry(names, r, k));
  if (out.at(-1)?.step !== n) out.push(entry(names, r, n));
  return out;
}

function entry(names: readonly string[], r: RunResult, k: number): HistoryEntry {
  const params: Record<string, number> = {};
  names.forEach((name, i) => {
    params[name] = r.path[i][k];
  });
  return { step: k, value: r.values[k], params };
}

/** Registers `gd minimize`. */
export function registerMinimize(program: Command): void {
  const cmd = program
    .command('minimize')
    .description('minimise a formula (or a built-in surface) with one optimizer')
    .argument(
      '<expression>',
      'formula such as "x^2 + exp(-x)", or a surface: rosenbrock, beale, himmelblau, saddle, booth, quadratic, quadratic-exp, nonconvex',
    )
    .option(
      '--x0 <value>',
      'start: a number for one variable, or name=value (repeat per variable)',
      collect,
      [],
    )
    .option('--steps <n>', 'number of updates', '100')
    .option(
      '--schedule <spec>',
      'lr schedule stepped every update, e.g. steplr:stepSize=30,gamma=0.1',
    )
    .option('--dtype <dtype>', 'float64 or float32', 'float64')
    .option('--seed <n>', 'seed of the random searches', '0')
    .option('--json', 'print one JSON object { params, value, steps, history }')
    .option('--history', 'record every step in history (default: ~200 evenly spaced points)')
    .option('--plot <file>', 'draw the run: .svg, .png or .gif (repeatable)', collect, []);
  addOptimizerOptions(cmd, 'gd');
  cmd.addHelpText(
    'after',
    `
Examples:
  $ gd minimize "x^2 + exp(-x)" --x0 3 --optimizer gd --lr 0.0005 --steps 10001   # 0.3517383210080008
  $ gd minimize "x^2" --x0 3 --optimizer gd --lr 0.1 --steps 100                  # 6.111107929003464e-10
  $ gd minimize "(1 - x)^2 + 100*(y - x^2)^2" --x0 x=-1.5 --x0 y=2 --optimizer adam --lr 0.02 --steps 2000
  $ gd minimize rosenbrock --optimizer lbfgs --line-search strong-wolfe --steps 5 --json
  $ gd minimize "x^2 - y^2" --x0 x=1,y=0.01 --optimizer momentum --lecture-form --lr 0.1 --plot saddle.png

A formula that starts with '-' goes after --:  gd minimize --x0 1 --lr 0.1 -- "-cos(x)"

Lecture forms (--lecture-form seminar|exercise):
${Object.entries(LECTURE_FORMS)
  .flatMap(([name, forms]) =>
    Object.entries(forms).map(([which, text]) => `  ${name} ${which}: ${text}`),
  )
  .join('\n')}`,
  );
  cmd.action((expression: string, flags: MinimizeFlags) => {
    const dtype = parseDtype(flags.dtype);
    const steps = integer('--steps', flags.steps, 0);
    const seed = integer('--seed', flags.seed, 0);
    for (const p of flags.plot) checkFigurePath('--plot', p);
    const problem = resolveProblem(expression, dtype);
    const start = startPoint(problem, flags.x0);
    const schedule = flags.schedule ? parseSchedule('--schedule', flags.schedule) : undefined;
    if (schedule?.needsMetric)
      throw new UsageError('ReduceLROnPlateau needs a validation metric', 'use it with gd train');
    const result = runProblem(
      problem,
      start,
      (params) => buildOptimizer(params, flags, seed),
      steps,
      {
        dtype,
        schedule: schedule ? (opt) => schedule.make(opt) : undefined,
      },
    );
    const names = problem.expr.variables;
    for (const p of flags.plot) {
      const { svg, frames } = trajectoryFigure(
        problem,
        [{ label: flags.optimizer, result }],
        `${flags.optimizer} on ${problem.expr.toString()}`,
      );
      writeFigure(p, svg, frames);
    }
    if (flags.json) {
      say(
        JSON.stringify({
          expression: problem.expr.toString(),
          optimizer: flags.optimizer,
          params: result.params,
          value: result.value,
          steps,
          history: historyOf(names, result, flags.history === true),
        }),
      );
      return;
    }
    say(
      `${out.bold('minimize')} ${problem.label} with ${flags.optimizer}, ${steps} steps, ${dtype}`,
    );
    const rows: string[][] = [];
    const shown = new Set<number>();
    for (let i = 0; i <= 10; i++) shown.add(Math.round((i * steps) / 10));
    for (const k of [...shown].sort((a, b) => a - b))
      rows.push([
        String(k),
        fmt(result.values[k], 10),
        ...names.map((_, i) => fmt(result.path[i][k], 10)),
      ]);
    say(table(['step', 'f', ...names], rows));
    say();
    for (const n of names) say(`${n} = ${out.cyan(String(result.params[n]))}`);
    say(`f = ${out.cyan(String(result.value))}`);
    for (const p of flags.plot) say(out.dim(`wrote ${p}`));
  });
}
