/** `gd schedule <name>`: the learning rates any scheduler of @gd/schedulers produces. */
import { linePlot } from '@gd/viz';
import type { Command } from 'commander';
import { type SpecValue, integer, nonNegative, number, numberList } from '../args';
import { UsageError } from '../errors';
import { fmt, out, say, table } from '../output';
import { checkFigurePath, writeFigure } from '../plots';
import { SCHEDULE_NAMES, parseSchedule, scheduleExamples } from '../schedules';

const collect = (v: string, acc: string[]) => [...acc, v];

/** `--set key=value` options, and unknown `--kebab-key value` flags, as camelCase scheduler options. */
function extraOptions(sets: readonly string[], rest: readonly string[]): Map<string, SpecValue> {
  const out = new Map<string, SpecValue>();
  const put = (key: string, raw: string) => {
    const k = key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(k))
      throw new UsageError(`'${key}' is not a scheduler option name`);
    if (raw.startsWith('[') || raw.includes(','))
      out.set(k, numberList(`--${key}`, raw.replace(/^\[|\]$/g, '')));
    else if (raw === 'true' || raw === 'false') out.set(k, raw === 'true');
    else if (/^[+-]?[\d.]/.test(raw)) out.set(k, number(`--${key}`, raw));
    else out.set(k, raw);
  };
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq < 0) throw new UsageError(`--set expects key=value, got '${s}'`, 'e.g. --set gamma=0.5');
    put(s.slice(0, eq), s.slice(eq + 1));
  }
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--'))
      throw new UsageError(
        `unexpected argument '${a}'`,
        'scheduler options look like --step-size 30',
      );
    const eq = a.indexOf('=');
    if (eq > 0) put(a.slice(2, eq), a.slice(eq + 1));
    else {
      const v = rest[i + 1];
      if (v === undefined || (v.startsWith('--') && !/^--?\d/.test(v)))
        out.set(
          a.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()),
          true,
        );
      else {
        put(a.slice(2), v);
        i++;
      }
    }
  }
  return out;
}

/** Registers `gd schedule`. */
export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description('print or plot the learning rate of any scheduler over its steps')
    .argument(
      '<name>',
      `${SCHEDULE_NAMES.join(', ')} (options inline as name:key=value,… or as flags)`,
    )
    .option('--lr <η>', 'initial learning rate', '0.1')
    .option('--steps <n>', 'number of scheduler steps (epochs)', '100')
    .option('--set <key=value>', 'a scheduler option (repeatable)', collect, [])
    .option('--plot <file>', 'draw the schedule: .svg, .png or .gif', collect, [])
    .option('--log', 'logarithmic lr axis in the plot')
    .option('--json', 'print one JSON object { name, options, lr: [...] }')
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .addHelpText(
      'after',
      `
Scheduler options are PyTorch's in camelCase, given inline, with --set, or as kebab-case flags.

Examples:
${scheduleExamples()
  .map((e) => `  $ gd schedule ${e}`)
  .join('\n')}
  $ gd schedule steplr --step-size 30 --gamma 0.1 --steps 100 --plot steplr.svg`,
    )
    .action(
      (
        name: string,
        flags: {
          lr: string;
          steps: string;
          set: string[];
          plot: string[];
          log?: boolean;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        const lr = nonNegative('--lr', flags.lr);
        const steps = integer('--steps', flags.steps, 1);
        for (const p of flags.plot) checkFigurePath('--plot', p);
        const spec = parseSchedule('schedule', name, extraOptions(flags.set, cmd.args.slice(1)));
        if (spec.needsMetric)
          throw new UsageError(
            'ReduceLROnPlateau depends on a validation metric, so it has no fixed schedule',
            'use it in gd train --schedule reducelronplateau:…',
          );
        const opt = { paramGroups: [{ lr, momentum: 0.9 }] };
        const sched = spec.make(opt);
        const lrs: number[] = [];
        for (let t = 0; t < steps; t++) {
          lrs.push(opt.paramGroups[0].lr);
          sched.step();
        }
        for (const p of flags.plot)
          writeFigure(
            p,
            linePlot([{ y: lrs, label: spec.title, step: 'post' }], {
              title: `${spec.title}, initial lr ${lr}`,
              xLabel: 'step',
              yLabel: 'learning rate',
              yScale: flags.log ? 'log' : 'linear',
            }),
          );
        const options = Object.fromEntries(
          Object.entries(spec.options).map(([k, v]) => [
            k,
            typeof v === 'function' ? String(name.match(/lrLambda=([^,]*)/)?.[1] ?? 'λ') : v,
          ]),
        );
        if (flags.json) {
          say(JSON.stringify({ name: spec.title, options, initialLr: lr, steps, lr: lrs }));
          return;
        }
        say(`${out.bold(spec.title)} ${JSON.stringify(options)}, initial lr ${lr}`);
        const rows: string[][] = [];
        let prev = Number.NaN;
        for (let t = 0; t < steps; t++) {
          if (lrs[t] !== prev || t === steps - 1) rows.push([String(t), fmt(lrs[t], 8)]);
          prev = lrs[t];
          if (rows.length >= 40) break;
        }
        say(table(['step', 'lr'], rows));
        if (rows.length >= 40) say(out.dim('(first 40 changes; --json prints every step)'));
        for (const p of flags.plot) say(out.dim(`wrote ${p}`));
      },
    );
}
