/** `gd grad` (value, gradient, Hessian, eigenvalues, verdict) and `gd gradcheck` (cs231n's check). */
import { type Var, grad, gradCheck, hessian, numericalGrad } from '@gd/autodiff';
import { type Tensor, eigvalsh, tensor } from '@gd/tensor';
import type { Command } from 'commander';
import { assignments, positive } from '../args';
import { UsageError } from '../errors';
import { fmt, out, say, table } from '../output';
import { type Problem, resolveProblem } from '../problem';

const collect = (v: string, acc: string[]) => [...acc, v];

/** The point `--at x=1,y=2` (a bare number for a single variable), in variable order. */
function pointOf(problem: Problem, raws: readonly string[]): number[] {
  const vars = problem.expr.variables;
  if (vars.length === 0) throw new UsageError(`'${problem.expr.source}' has no variables`);
  if (raws.length === 0)
    throw new UsageError('missing --at', `e.g. --at ${vars.map((v) => `${v}=1`).join(',')}`);
  const given = assignments('--at', raws);
  const bare = given.get('');
  if (bare !== undefined && vars.length > 1)
    throw new UsageError(
      `--at ${bare} is ambiguous: variables are ${vars.join(', ')}`,
      `e.g. --at ${vars.map((v) => `${v}=1`).join(',')}`,
    );
  for (const k of given.keys())
    if (k !== '' && !vars.includes(k))
      throw new UsageError(
        `--at: the expression has no variable '${k}'`,
        `its variables are ${vars.join(', ')}`,
      );
  return vars.map((v, i) => {
    const value = i === 0 && bare !== undefined ? bare : given.get(v);
    if (value === undefined)
      throw new UsageError(
        `missing --at value for '${v}'`,
        `e.g. --at ${vars.map((n) => `${n}=1`).join(',')}`,
      );
    return value;
  });
}

function fnOf(problem: Problem): (...xs: (Var | Tensor)[]) => Var | Tensor {
  const names = problem.expr.variables;
  return (...xs) => problem.expr.evaluate(Object.fromEntries(names.map((n, i) => [n, xs[i]])));
}

/** The second-order test at a point where the gradient is (numerically) zero. */
export function verdict(gradNorm: number, eigenvalues: readonly number[], scale: number): string {
  const tol = 1e-8 * Math.max(1, scale);
  if (gradNorm > tol) return `not a critical point (‖∇f‖ = ${fmt(gradNorm)})`;
  const lo = Math.min(...eigenvalues);
  const hi = Math.max(...eigenvalues);
  if (lo > tol) return 'local minimum (Hessian positive definite)';
  if (hi < -tol) return 'local maximum (Hessian negative definite)';
  if (lo < -tol && hi > tol) return 'saddle point (Hessian eigenvalues of both signs)';
  return 'inconclusive (a zero eigenvalue: the second-order test cannot decide)';
}

/** Registers `gd grad` and `gd gradcheck`. */
export function registerGrad(program: Command): void {
  program
    .command('grad')
    .description(
      'value, gradient and (with --hessian) Hessian, eigenvalues and the verdict at a point',
    )
    .argument('<expression>', 'formula or built-in surface name')
    .option('--at <point>', 'the point, e.g. x=1,y=2 (repeatable)', collect, [])
    .option('--hessian', 'also the Hessian, its eigenvalues and the second-order verdict')
    .option('--json', 'print one JSON object')
    .addHelpText(
      'after',
      `
Examples:
  $ gd grad "x^2 - y^2" --at x=0,y=0 --hessian      # eigenvalues -2, 2: saddle point
  $ gd grad "tanh(x)" --at 4                          # the vanishing gradient, ≈ 0.0013
  $ gd grad rosenbrock --at x=1,y=1 --hessian --json`,
    )
    .action((expression: string, flags: { at: string[]; hessian?: boolean; json?: boolean }) => {
      const problem = resolveProblem(expression);
      const names = problem.expr.variables;
      const point = pointOf(problem, flags.at);
      const xs = point.map((v) => tensor(v, { dtype: 'float64' }));
      const f = fnOf(problem);
      const value = (f(...xs) as Tensor).item();
      const argnums = names.map((_, i) => i);
      const g = (grad(f as never, { argnums }) as (...a: Tensor[]) => Tensor[])(...xs).map((t) =>
        t.item(),
      );
      const gradNorm = Math.hypot(...g);
      let H: number[][] | undefined;
      let eig: number[] | undefined;
      let v: string | undefined;
      if (flags.hessian) {
        const blocks = (hessian(f as never, { argnums }) as (...a: Tensor[]) => Tensor[][])(...xs);
        H = blocks.map((row) => row.map((t) => t.item()));
        eig = Array.from(eigvalsh(tensor(H, { dtype: 'float64' })).data);
        v = verdict(gradNorm, eig, Math.abs(value));
      }
      const at = Object.fromEntries(names.map((n, i) => [n, point[i]]));
      if (flags.json) {
        say(
          JSON.stringify({
            expression: problem.expr.toString(),
            at,
            value,
            gradient: Object.fromEntries(names.map((n, i) => [n, g[i]])),
            ...(H ? { hessian: H, eigenvalues: eig, verdict: v } : {}),
          }),
        );
        return;
      }
      say(
        `${out.bold('f')} = ${problem.expr.toString()} at (${names.map((n, i) => `${n} = ${point[i]}`).join(', ')})`,
      );
      say(`f = ${out.cyan(String(value))}`);
      say(`∇f = (${g.map((x) => String(x)).join(', ')})`);
      if (H && eig) {
        say('Hessian:');
        say(
          table(
            ['', ...names],
            H.map((row, i) => [names[i], ...row.map((x) => fmt(x, 10))]),
          ),
        );
        say(`eigenvalues: ${eig.map((x) => fmt(x, 10)).join(', ')}`);
        say(`verdict: ${out.bold(v ?? '')}`);
      }
    });

  program
    .command('gradcheck')
    .description("compare the analytic gradient with the numerical one (cs231n's gradient check)")
    .argument('<expression>', 'formula or built-in surface name')
    .option('--at <point>', 'the point, e.g. x=1,y=2 (repeatable)', collect, [])
    .option('--h <h>', 'finite-difference step of the centred difference', '1e-5')
    .option('--json', 'print one JSON object')
    .addHelpText(
      'after',
      `
Examples:
  $ gd gradcheck "x^2*y + exp(-x)/y" --at x=1,y=2
  $ gd gradcheck "relu(x)" --at 0         # a kink: subgradient 0, centred difference 0.5 → fails`,
    )
    .action((expression: string, flags: { at: string[]; h: string; json?: boolean }) => {
      const h = positive('--h', flags.h);
      const problem = resolveProblem(expression);
      const names = problem.expr.variables;
      const point = pointOf(problem, flags.at);
      const xs = point.map((v) => tensor(v, { dtype: 'float64' }));
      const f = fnOf(problem);
      const analytic = (
        grad(f as never, { argnums: names.map((_, i) => i) }) as (...a: Tensor[]) => Tensor[]
      )(...xs).map((t) => t.item());
      const numerical = names.map((_, i) =>
        numericalGrad((xi: Tensor) => f(...xs.map((x, j) => (j === i ? xi : x))) as Tensor, xs[i], {
          h,
        }).item(),
      );
      const rel = analytic.map((a, i) => {
        const n = numerical[i];
        const d = Math.max(Math.abs(a), Math.abs(n));
        return d === 0 ? 0 : Math.abs(a - n) / d;
      });
      const check = gradCheck(f as never, xs);
      const rows = names.map((n, i) => ({
        variable: n,
        analytic: analytic[i],
        numerical: numerical[i],
        relativeError: rel[i],
      }));
      if (flags.json) {
        say(
          JSON.stringify({
            expression: problem.expr.toString(),
            at: Object.fromEntries(names.map((n, i) => [n, point[i]])),
            h,
            rows,
            ok: check.ok,
            maxAbsError: check.maxAbsError,
            maxRelError: check.maxRelError,
          }),
        );
      } else {
        say(
          table(
            ['variable', 'analytic', 'numerical', 'relative error'],
            rows.map((r) => [
              r.variable,
              String(r.analytic),
              String(r.numerical),
              fmt(r.relativeError, 3),
            ]),
          ),
        );
        say(`relative error = |a − n| / max(|a|, |n|); cs231n: < 1e-7 is good, > 1e-2 means a bug`);
        say(check.ok ? out.green('gradient check passed') : out.red('gradient check failed'));
      }
      if (!check.ok) process.exitCode = 1;
    });
}
