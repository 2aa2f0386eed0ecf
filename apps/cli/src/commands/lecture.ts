/** `gd lecture list` and `gd lecture <name>`: the lectures' experiments, from @gd/lectures. */
import { join } from 'node:path';
import { lectures, runLecture } from '@gd/lectures/node';
import type { Command } from 'commander';
import { UsageError } from '../errors';
import { out, say, table } from '../output';

interface LectureFlags {
  out?: string;
  dataDir?: string;
  full?: boolean;
  quick?: boolean;
  png: boolean;
  json?: boolean;
}

/** Registers `gd lecture`. */
export function registerLecture(program: Command): void {
  program
    .command('lecture')
    .description(
      "run one lecture's experiments: its numbers beside gd's, its figures and an index.html",
    )
    .argument('<name>', `'list', or one of ${lectures.map((l) => l.name).join(', ')}`)
    .option('--out <dir>', 'where figures go (default ./gd-lectures/<name>)')
    .option('--data-dir <dir>', 'MNIST-format files for the MLP exercise')
    .option('--full', 'the MLP exercise on 28×28 data (Fashion-MNIST when installed); slower')
    .option('--quick', 'smaller sizes, for a preview')
    .option('--no-png', 'SVG only (skip PNG rendering)')
    .option('--json', "print JSON: the list, or the lecture's numbers and files")
    .addHelpText(
      'after',
      `
Examples:
  $ gd lecture list
  $ gd lecture gradient-descent                 # x² and x² + e^-x, the x₁₀₀₀…x₁₀₀₀₀ table, the GIF
  $ gd lecture optimizers --out figures/seminar
  $ gd lecture list --json`,
    )
    .action(async (name: string, flags: LectureFlags) => {
      if (name === 'list') {
        if (flags.json)
          say(JSON.stringify(lectures.map((l) => ({ name: l.name, title: l.title }))));
        else
          say(
            table(
              ['name', 'title'],
              lectures.map((l) => [l.name, l.title]),
            ),
          );
        return;
      }
      if (!lectures.some((l) => l.name === name))
        throw new UsageError(
          `unknown lecture '${name}'`,
          `choose one of ${lectures.map((l) => l.name).join(', ')} (gd lecture list)`,
        );
      const outDir = flags.out ?? join('gd-lectures', name);
      const run = await runLecture(name, {
        outDir,
        ...(flags.json ? {} : { log: (line: string) => say(line) }),
        ...(flags.dataDir ? { dataDir: flags.dataDir } : {}),
        full: flags.full === true,
        quick: flags.quick === true,
        png: flags.png,
      });
      if (flags.json) {
        say(
          JSON.stringify({
            name: run.name,
            title: run.title,
            numbers: run.numbers,
            outDir,
            files: run.files,
          }),
        );
        return;
      }
      say(out.dim(`open ${join(outDir, 'index.html')}`));
    });
}
