/** `gd landscape`: 1-D/2-D loss slices around a trained run's weights or a fresh model. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Var, noGrad } from '@gd/autodiff';
import { loadSync } from '@gd/nn/node';
import { Generator, type Tensor, copy, slice } from '@gd/tensor';
import { contourPlot, heatmap, landscape1d, landscape2d, linePlot, surfacePlot } from '@gd/viz';
import type { Command } from 'commander';
import { integer, numberList } from '../args';
import { checkDataset, loadData } from '../data';
import { UsageError } from '../errors';
import { fmt, out, say } from '../output';
import { checkFigurePath, writeFigure } from '../plots';
import { type TrainConfig, buildModel, lossFunction } from './train';

interface LandscapeFlags {
  dataset: string;
  model: string;
  hidden: string;
  activation: string;
  init: string;
  seed: string;
  dim: string;
  directions: string;
  kind?: string;
  range: string;
  steps: string;
  samples: string;
  plot: string[];
  json?: boolean;
  dataDir?: string;
}

const collect = (v: string, acc: string[]) => [...acc, v];
const KINDS = ['line', 'contour', 'heatmap', 'surface'];

/** Registers `gd landscape`. */
export function registerLandscape(program: Command): void {
  program
    .command('landscape')
    .description(
      'loss along 1 or 2 random (filter-normalised) directions around a trained run or a fresh model',
    )
    .argument(
      '[run]',
      'a run folder written by gd train (default: a fresh model from the flags below)',
    )
    .option('--dataset <name>', 'dataset of a fresh model', 'digits')
    .option('--model <kind>', 'linear | mlp (fresh model)', 'mlp')
    .option('--hidden <sizes>', 'hidden sizes (fresh model)', '64')
    .option('--activation <f>', 'activation (fresh model)', 'relu')
    .option('--init <scheme>', 'init (fresh model)', 'default')
    .option('--seed <n>', 'seed of the model and the directions', '0')
    .option('--dim <n>', '1 (a line) or 2 (a plane)', '2')
    .option(
      '--directions <kind>',
      "'filter' (Li et al.), 'layer' or 'random' (unnormalised)",
      'filter',
    )
    .option('--kind <plot>', `${KINDS.join(' | ')} (default line for 1-D, contour for 2-D)`)
    .option('--range <a,b>', 'range of α (and β)', '-1,1')
    .option('--steps <n>', 'points per axis', '21')
    .option('--samples <n>', 'training examples the loss is averaged over', '512')
    .option('--data-dir <dir>', 'where MNIST-format files are')
    .option(
      '--plot <file>',
      '.svg, .png or .gif (repeatable; default landscape.svg and .png in the run folder or cwd)',
      collect,
      [],
    )
    .option('--json', 'print the grid as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ gd train --dataset digits --epochs 5 --out runs/digits && gd landscape runs/digits --dim 2 --kind contour
  $ gd landscape --dataset iris --model linear --dim 1 --plot iris-1d.png
  $ gd landscape runs/digits --kind surface --steps 25 --plot surface.png`,
    )
    .action(async (run: string | undefined, flags: LandscapeFlags) => {
      const dim = integer('--dim', flags.dim, 1);
      if (dim > 2) throw new UsageError(`--dim must be 1 or 2, got ${dim}`);
      const kind = flags.kind ?? (dim === 1 ? 'line' : 'contour');
      if (!KINDS.includes(kind))
        throw new UsageError(`unknown --kind '${kind}'`, `choose ${KINDS.join(', ')}`);
      if ((dim === 1) !== (kind === 'line'))
        throw new UsageError(
          `--kind ${kind} does not fit --dim ${dim}`,
          'use --kind line with --dim 1, contour/heatmap/surface with --dim 2',
        );
      const normalization = { filter: 'filter', layer: 'layer', random: 'none' }[
        flags.directions
      ] as 'filter' | 'layer' | 'none' | undefined;
      if (!normalization)
        throw new UsageError(
          `unknown --directions '${flags.directions}'`,
          'choose filter, layer or random',
        );
      const range = numberList('--range', flags.range, 2) as [number, number];
      if (!(range[1] > range[0]))
        throw new UsageError(`--range must be increasing, got ${flags.range}`);
      const steps = integer('--steps', flags.steps, 2);
      const samples = integer('--samples', flags.samples, 1);
      const seed = integer('--seed', flags.seed, 0);
      for (const p of flags.plot) checkFigurePath('--plot', p);

      let config: TrainConfig;
      if (run) {
        const path = join(run, 'config.json');
        if (!existsSync(path))
          throw new UsageError(`${run}: no gd train run there (config.json missing)`);
        config = JSON.parse(readFileSync(path, 'utf8')) as TrainConfig;
      } else {
        checkDataset(flags.dataset);
        config = {
          optimizer: 'sgd',
          dataset: flags.dataset,
          model: flags.model,
          hidden: flags.hidden,
          activation: flags.activation,
          init: flags.init,
          dropout: '0',
          epochs: '1',
          batchSize: '1',
          seed: String(seed),
          dtype: 'float32',
        };
      }
      const data = await loadData(config.dataset, {
        seed: Number(config.seed),
        dataDir: flags.dataDir,
        limit: samples,
      });
      const model = buildModel(config, data, new Generator(Number(config.seed)));
      if (run) loadSync(join(run, 'model.safetensors'), model);
      model.eval();
      const lossFn = lossFunction(
        config.loss ?? (data.task === 'classification' ? 'ce' : 'mse'),
        data,
      );
      const params = model.parameters() as Var[];
      const theta = params.map((p) => p.value);
      // The slices are taken around a copy: the loss writes each probe into the model's tensors.
      const center = theta.map((t) => copy(t));
      const saved = theta.map((t) => t.data.slice());
      const restore = () => {
        for (let i = 0; i < theta.length; i++) theta[i].data.set(saved[i]);
      };
      const x = slice(data.xTrain, [[0, samples]]);
      const y = slice(data.yTrain, [[0, samples]]);
      const loss = (ps: Tensor[]) =>
        noGrad(() => {
          for (let i = 0; i < ps.length; i++) theta[i].data.set(ps[i].data);
          return lossFn(model.forward(x) as Var, y).item();
        });
      const generator = new Generator(seed + 1);
      const base = run ?? '.';
      const files =
        flags.plot.length > 0
          ? flags.plot
          : [join(base, `landscape-${dim}d.svg`), join(base, `landscape-${dim}d.png`)];
      const title = `${config.dataset} ${config.model}: loss around ${run ? 'the trained weights' : 'a fresh model'} (${flags.directions} directions)`;
      let result: Record<string, unknown>;
      if (dim === 1) {
        const l = landscape1d(loss, center, { range, steps, normalization, generator });
        restore();
        const svg = linePlot([{ x: l.alphas, y: l.losses, label: 'L(θ + αd)' }], {
          title,
          xLabel: 'α',
          yLabel: 'loss',
        });
        for (const f of files) writeFigure(f, svg);
        result = { alphas: l.alphas, losses: l.losses };
      } else {
        const g = landscape2d(loss, center, {
          xRange: range,
          yRange: range,
          steps,
          normalization,
          generator,
        });
        restore();
        const svg =
          kind === 'contour'
            ? contourPlot(g, { title, xLabel: 'α', yLabel: 'β', levelScale: 'log' })
            : kind === 'heatmap'
              ? heatmap(g, { title, colormap: 'coolwarm' })
              : surfacePlot(g, { title });
        for (const f of files) writeFigure(f, svg);
        result = { x: g.x, y: g.y, z: g.z };
      }
      if (flags.json) {
        say(
          JSON.stringify({
            run: run ?? null,
            dataset: config.dataset,
            dim,
            directions: flags.directions,
            center: loss(center),
            ...result,
            files,
          }),
        );
        return;
      }
      say(`${out.bold('landscape')} ${title}`);
      say(`loss at the centre: ${fmt(loss(center), 6)}`);
      for (const f of files) say(out.dim(`wrote ${f}`));
    });
}
