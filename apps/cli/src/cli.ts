/** The `gd` program: commander set-up, exit codes (0 ok, 2 usage, 1 runtime) and error printing. */
import { readFileSync } from 'node:fs';
import { CommanderError, Command } from 'commander';
import { registerCompare } from './commands/compare';
import { registerDemo } from './commands/demo';
import { registerExport } from './commands/export';
import { registerGrad } from './commands/grad';
import { registerLandscape } from './commands/landscape';
import { registerLecture } from './commands/lecture';
import { registerMinimize } from './commands/minimize';
import { registerSchedule } from './commands/schedule';
import { registerTrain } from './commands/train';
import { UsageError } from './errors';
import { err } from './output';

/** The CLI's version, read from its package.json. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export { EXIT_INTERRUPTED } from './cli-constants';

function program(): Command {
  const p = new Command('gd')
    .description(
      'gd — gradient descent from the command line: minimise formulas, compare optimizers, train on real data, reproduce the lectures',
    )
    .version(version(), '-V, --version', 'print the version')
    .option('--debug', 'print stack traces of errors')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: () => {} })
    .addHelpText(
      'after',
      `
Examples:
  $ gd demo
  $ gd minimize "x^2 + exp(-x)" --x0 3 --optimizer gd --lr 0.0005 --steps 10001
  $ gd compare rosenbrock --optimizers sgd,momentum,adam --lr 0.001 --steps 500
  $ gd train --dataset digits --model mlp --hidden 64 --optimizer adam --epochs 5
  $ gd grad "x^2 - y^2" --at x=0,y=0 --hessian
  $ gd lecture list`,
    );
  for (const register of [
    registerMinimize,
    registerCompare,
    registerTrain,
    registerLandscape,
    registerSchedule,
    registerGrad,
    registerDemo,
    registerLecture,
    registerExport,
  ])
    register(p);
  for (const c of p.commands) c.exitOverride().configureOutput({ outputError: () => {} });
  return p;
}

function printError(message: string, hint: string | undefined): void {
  process.stderr.write(`${err.red(err.bold('gd: error:'))} ${message}\n`);
  if (hint) process.stderr.write(`${err.dim('hint:')} ${hint}\n`);
}

/**
 * Runs the command line on `argv` (without `node` and the script) and resolves to the exit code:
 * 0 on success, 2 on a usage error, 1 on a runtime error, 130 when interrupted.
 *
 * @example
 * ```ts
 * process.exitCode = await main(['minimize', 'x^2', '--x0', '3', '--lr', '0.1']);
 * ```
 */
export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const p = program();
  try {
    await p.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return 0;
      const message = e.message.replace(/^error: /, '').replace(/\n/g, ' ');
      const hint =
        e.code === 'commander.unknownCommand'
          ? 'run `gd --help` for the list of commands'
          : 'run `gd <command> --help` for its options and examples';
      printError(message, hint);
      return 2;
    }
    if (e instanceof UsageError) {
      printError(e.message, e.hint);
      if (debug && e.stack) process.stderr.write(`${e.stack}\n`);
      return 2;
    }
    const error = e instanceof Error ? e : new Error(String(e));
    printError(
      `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`,
      debug ? undefined : 'run again with --debug for the stack trace',
    );
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
