/**
 * `gd train`: a model on a dataset with progress, a per-epoch table, metrics (CSV, JSON), curves
 * (SVG, PNG) and a training-state checkpoint after every epoch; `--resume` continues bit for bit;
 * SIGINT finishes the step, saves and exits 130.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Var, noGrad } from '@gd/autodiff';
import { DataLoader, TensorDataset } from '@gd/datasets';
import { accuracy, crossEntropy, mse, multiclassHinge } from '@gd/losses';
import { type Module, linearClassifier, mlp } from '@gd/nn';
import { loadTrainingStateSync, saveSync, saveTrainingStateSync } from '@gd/nn/node';
import { Generator, type GeneratorState, type Tensor, oneHot, slice } from '@gd/tensor';
import { linePlot } from '@gd/viz';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { integer, nonNegative, numberList } from '../args';
import { EXIT_INTERRUPTED } from '../cli-constants';
import { DATASET_NAMES, type LoadedData, checkDataset, loadData } from '../data';
import { UsageError } from '../errors';
import { type OptimizerFlags, addOptimizerOptions, buildOptimizer } from '../optimizers';
import { fmt, note, out, say, table, writeAtomic } from '../output';
import { writeFigure } from '../plots';
import { type CliScheduler, parseSchedule } from '../schedules';

/** The flags that define a run (saved in config.json; `--resume` reads them back). */
export interface TrainConfig extends OptimizerFlags {
  dataset: string;
  model: string;
  hidden: string;
  activation: string;
  init: string;
  batchnorm?: boolean;
  dropout: string;
  loss?: string;
  schedule?: string;
  epochs: string;
  batchSize: string;
  seed: string;
  dtype: string;
  limit?: string;
  testLimit?: string;
}

interface TrainFlags extends TrainConfig {
  out?: string;
  resume?: string;
  json?: boolean;
  dataDir?: string;
  download?: boolean;
}

/** One row of metrics.csv / metrics.json. */
export interface EpochMetrics {
  epoch: number;
  lr: number;
  trainLoss: number;
  trainAccuracy: number | null;
  testLoss: number;
  testAccuracy: number | null;
}

/** Mid-epoch progress saved with a checkpoint (all zero at an epoch boundary). */
interface Partial {
  batch: number;
  lossSum: number;
  hits: number;
  seen: number;
  epochStartGenerator: GeneratorState | null;
}

const ACTIVATIONS = ['relu', 'sigmoid', 'tanh', 'gelu', 'leaky-relu'];
/** Flags that may be given with --resume; every other one comes from the saved run. */
const RESUME_FLAGS = new Set(['epochs', 'resume', 'json', 'dataDir', 'download', 'debug']);

function initOptions(raw: string): { init: string; std?: number } {
  const [name, arg] = raw.split(':');
  const map: Record<string, string> = {
    default: 'default',
    normal: 'normal',
    xavier: 'xavierUniform',
    'xavier-uniform': 'xavierUniform',
    'xavier-normal': 'xavierNormal',
    he: 'kaimingNormal',
    'he-normal': 'kaimingNormal',
    'he-uniform': 'kaimingUniform',
    kaiming: 'kaimingNormal',
  };
  const init = map[name];
  if (!init)
    throw new UsageError(
      `unknown --init '${raw}'`,
      `choose default, normal:<std>, xavier, xavier-normal, he, he-uniform`,
    );
  if (arg !== undefined && name !== 'normal')
    throw new UsageError(`--init ${name} takes no ':' argument`);
  return arg === undefined ? { init } : { init, std: nonNegative('--init normal:<std>', arg) };
}

/** Builds the model a config describes; `generator` drives init and dropout. */
export function buildModel(c: TrainConfig, data: LoadedData, generator: Generator): Module {
  const dtype = c.dtype === 'float64' ? 'float64' : 'float32';
  const { init, std } = initOptions(c.init);
  if (c.model === 'linear')
    return linearClassifier(data.inputs, data.outputs, { init, std, dtype, generator } as never);
  if (c.model !== 'mlp')
    throw new UsageError(`unknown --model '${c.model}'`, 'choose linear or mlp');
  const hidden =
    c.hidden.trim() === ''
      ? []
      : numberList('--hidden', c.hidden).map((h) => {
          if (!Number.isInteger(h) || h < 1)
            throw new UsageError(`--hidden sizes must be positive integers, got ${h}`);
          return h;
        });
  if (!ACTIVATIONS.includes(c.activation))
    throw new UsageError(
      `unknown --activation '${c.activation}'`,
      `choose ${ACTIVATIONS.join(', ')}`,
    );
  const dropout = nonNegative('--dropout', c.dropout);
  if (dropout >= 1) throw new UsageError(`--dropout must be in [0, 1), got ${dropout}`);
  return mlp([data.inputs, ...hidden, data.outputs], {
    activation: (c.activation === 'leaky-relu' ? 'leakyRelu' : c.activation) as never,
    init: init as never,
    ...(std === undefined ? {} : { std }),
    batchNorm: c.batchnorm === true,
    dropout,
    dtype,
    generator,
  });
}

export function lossFunction(name: string, data: LoadedData): (scores: Var, y: Tensor) => Var {
  if (name === 'ce') {
    if (data.task !== 'classification')
      throw new UsageError(
        `--loss ce needs class labels; ${data.name} is a regression set`,
        'use --loss mse',
      );
    return (s, y) => crossEntropy(s, y);
  }
  if (name === 'hinge') {
    if (data.task !== 'classification')
      throw new UsageError(
        `--loss hinge needs class labels; ${data.name} is a regression set`,
        'use --loss mse',
      );
    return (s, y) => multiclassHinge(s, y);
  }
  if (name === 'mse') {
    if (data.task === 'regression') return (s, y) => mse(s, y);
    return (s, y) => mse(s, oneHot(y, data.outputs, { dtype: s.value.dtype }));
  }
  throw new UsageError(`unknown --loss '${name}'`, 'choose ce, hinge or mse');
}

/** Mean loss and accuracy over `x`, in eval mode, in chunks (no graph recorded). */
function evaluate(
  model: Module,
  lossFn: (s: Var, y: Tensor) => Var,
  x: Tensor,
  y: Tensor,
  classification: boolean,
): { loss: number; accuracy: number | null } {
  model.eval();
  const n = x.shape[0];
  let lossSum = 0;
  let hits = 0;
  noGrad(() => {
    for (let i = 0; i < n; i += 2000) {
      const j = Math.min(n, i + 2000);
      const xb = slice(x, [[i, j]]);
      const yb = slice(y, [[i, j]]);
      const s = model.forward(xb) as Var;
      lossSum += lossFn(s, yb).item() * (j - i);
      if (classification) hits += Math.round(accuracy(s.value, yb) * (j - i));
    }
  });
  model.train();
  return { loss: lossSum / n, accuracy: classification ? hits / n : null };
}

function csv(rows: readonly EpochMetrics[]): string {
  const keys = ['epoch', 'lr', 'trainLoss', 'trainAccuracy', 'testLoss', 'testAccuracy'] as const;
  return `${keys.join(',')}\n${rows.map((r) => keys.map((k) => (r[k] === null ? '' : String(r[k]))).join(',')).join('\n')}\n`;
}

function writeReports(
  dir: string,
  rows: readonly EpochMetrics[],
  config: TrainConfig,
  classification: boolean,
): void {
  writeAtomic(join(dir, 'metrics.csv'), csv(rows));
  writeAtomic(join(dir, 'metrics.json'), `${JSON.stringify({ config, epochs: rows }, null, 2)}\n`);
  const x = rows.map((r) => r.epoch);
  const loss = linePlot(
    [
      { x, y: rows.map((r) => r.trainLoss), label: 'train', marker: 'circle' },
      { x, y: rows.map((r) => r.testLoss), label: 'test', marker: 'square' },
    ],
    { title: `${config.dataset}: loss`, xLabel: 'epoch', yLabel: 'loss' },
  );
  writeFigure(join(dir, 'loss.svg'), loss);
  writeFigure(join(dir, 'loss.png'), loss);
  if (classification) {
    const acc = linePlot(
      [
        { x, y: rows.map((r) => r.trainAccuracy ?? 0), label: 'train', marker: 'circle' },
        { x, y: rows.map((r) => r.testAccuracy ?? 0), label: 'test', marker: 'square' },
      ],
      {
        title: `${config.dataset}: accuracy`,
        xLabel: 'epoch',
        yLabel: 'accuracy',
        legend: 'lower right',
      },
    );
    writeFigure(join(dir, 'accuracy.svg'), acc);
    writeFigure(join(dir, 'accuracy.png'), acc);
  }
}

function pct(v: number | null): string {
  return v === null ? '—' : `${(v * 100).toFixed(2)}%`;
}

/** Registers `gd train`. */
export function registerTrain(program: Command): void {
  const cmd = program
    .command('train')
    .description(
      'train a linear model or an MLP on a dataset, with checkpoints, metrics and curves',
    )
    .option('--dataset <name>', DATASET_NAMES.join(' | '), 'digits')
    .option('--model <kind>', 'linear | mlp', 'mlp')
    .option('--hidden <sizes>', 'hidden layer sizes of the MLP, e.g. 256,128', '64')
    .option('--activation <f>', ACTIVATIONS.join(' | '), 'relu')
    .option(
      '--init <scheme>',
      'default | normal:<std> | xavier | xavier-normal | he | he-uniform',
      'default',
    )
    .option('--batchnorm', 'BatchNorm1d after each hidden Linear')
    .option('--dropout <p>', 'dropout after each hidden activation', '0')
    .option('--loss <name>', 'ce | hinge | mse (default ce; mse for regression sets)')
    .option(
      '--schedule <spec>',
      'lr schedule stepped every epoch, e.g. steplr:stepSize=30,gamma=0.1',
    )
    .option('--epochs <n>', 'epochs in total (with --resume: up to this many)', '10')
    .option('--batch-size <n>', 'mini-batch size', '64')
    .option('--seed <n>', 'seed of init, shuffling, dropout and splits', '0')
    .option('--dtype <dtype>', 'float32 or float64', 'float32')
    .option('--limit <n>', 'use only the first n training examples')
    .option('--test-limit <n>', 'use only the first n test examples')
    .option(
      '--data-dir <dir>',
      'where MNIST-format / CIFAR-10 files are (default: the usual places)',
    )
    .option('--download', 'download MNIST-format / CIFAR-10 files when missing')
    .option('--out <dir>', 'run folder (default runs/<dataset>-<model>)')
    .option('--resume <dir>', 'continue the run saved in <dir> (up to --epochs)')
    .option('--json', 'print one JSON object with the final metrics on stdout');
  addOptimizerOptions(cmd, 'adam');
  cmd.addHelpText(
    'after',
    `
Examples:
  $ gd train --dataset digits --model mlp --hidden 64 --optimizer adam --lr 0.001 --epochs 20
  $ gd train --dataset fashion-mnist --model mlp --hidden 256,128 --activation relu --optimizer adam --lr 0.001 --epochs 10 --batch-size 128 --seed 0
  $ gd train --dataset iris --model linear --loss hinge --optimizer sgd --lr 0.1 --schedule steplr:stepSize=30,gamma=0.1 --epochs 100
  $ gd train --resume runs/fashion-mnist-mlp --epochs 20

Writes to the run folder: metrics.csv, metrics.json, loss.svg/png, accuracy.svg/png,
model.safetensors (PyTorch state_dict names) and state.safetensors (model, optimizer,
scheduler and RNG state) after every epoch. Ctrl-C finishes the current step, saves, exits 130.`,
  );
  cmd.action(async (flags: TrainFlags, command: Command) => {
    process.exitCode = await train(flags, command);
  });
}

async function train(flags: TrainFlags, command: Command): Promise<number> {
  let config: TrainConfig;
  let dir: string;
  let resuming = false;
  if (flags.resume) {
    dir = flags.resume;
    const path = join(dir, 'config.json');
    if (!existsSync(path))
      throw new UsageError(
        `--resume ${dir}: no run there (config.json missing)`,
        'pass the folder a previous gd train wrote',
      );
    for (const key of Object.keys(command.opts()))
      if (command.getOptionValueSource(key) === 'cli' && !RESUME_FLAGS.has(key))
        throw new UsageError(
          `--resume continues a saved run; its options cannot change (got --${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)})`,
          'only --epochs may be given with --resume',
        );
    config = JSON.parse(readFileSync(path, 'utf8')) as TrainConfig;
    if (command.getOptionValueSource('epochs') === 'cli') config.epochs = flags.epochs;
    resuming = existsSync(join(dir, 'state.safetensors'));
  } else {
    const { out: o, resume: _r, json: _j, dataDir: _d, download: _w, ...rest } = flags;
    config = rest;
    checkDataset(config.dataset);
    dir = o ?? join('runs', `${config.dataset}-${config.model}`);
  }
  const epochs = integer('--epochs', config.epochs, 1);
  const batchSize = integer('--batch-size', config.batchSize, 1);
  const seed = integer('--seed', config.seed, 0);
  if (config.dtype !== 'float32' && config.dtype !== 'float64')
    throw new UsageError(`--dtype must be float32 or float64, got '${config.dtype}'`);
  const limit = config.limit === undefined ? undefined : integer('--limit', config.limit, 1);
  const testLimit =
    config.testLimit === undefined ? undefined : integer('--test-limit', config.testLimit, 1);
  const schedule = config.schedule ? parseSchedule('--schedule', config.schedule) : undefined;
  checkDataset(config.dataset);
  initOptions(config.init);

  const data = await loadData(config.dataset, {
    seed,
    dataDir: flags.dataDir,
    download: flags.download,
    limit,
    testLimit,
  });
  const classification = data.task === 'classification';
  const lossFn = lossFunction(config.loss ?? (classification ? 'ce' : 'mse'), data);
  const generator = new Generator(seed);
  const model = buildModel(config, data, generator);
  if (config.dtype === 'float64') {
    data.xTrain = data.xTrain.astype('float64');
    data.xTest = data.xTest.astype('float64');
    if (!classification) {
      data.yTrain = data.yTrain.astype('float64');
      data.yTest = data.yTest.astype('float64');
    }
  }
  const built = buildOptimizer(model.parameters() as never, config, seed);
  if (built.kind !== 'plain')
    throw new UsageError(
      `gd train steps mini-batches; ${built.name} needs a closure over the whole loss`,
      'use it with gd minimize',
    );
  const opt = built.optimizer;
  const sched: CliScheduler | undefined = schedule?.make(opt);
  const loader = new DataLoader(new TensorDataset(data.xTrain, data.yTrain), {
    batchSize,
    shuffle: true,
    generator,
  });

  let rows: EpochMetrics[] = [];
  let startEpoch = 0;
  let partial: Partial = { batch: 0, lossSum: 0, hits: 0, seen: 0, epochStartGenerator: null };
  if (resuming) {
    const { extra } = loadTrainingStateSync(join(dir, 'state.safetensors'), {
      model,
      optimizer: opt as never,
      scheduler: sched as never,
      generator,
    });
    const e = extra as { epoch: number; rows: EpochMetrics[]; partial: Partial };
    startEpoch = e.epoch;
    rows = e.rows;
    partial = e.partial;
  } else writeAtomic(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);

  const saveCheckpoint = (epoch: number, p: Partial) => {
    saveSync(model, join(dir, 'model.safetensors'));
    saveTrainingStateSync(join(dir, 'state.safetensors'), {
      model,
      optimizer: opt as never,
      ...(sched ? { scheduler: sched as never } : {}),
      generator,
      extra: { epoch, rows, partial: p } as never,
    });
  };

  let interrupted = false;
  const onSigint = () => {
    if (interrupted) process.exit(EXIT_INTERRUPTED);
    interrupted = true;
  };
  process.on('SIGINT', onSigint);
  const tty = process.stderr.isTTY === true;
  const json = flags.json === true;
  if (!json)
    say(
      `${out.bold('train')} ${config.model} on ${data.name} (${data.xTrain.shape[0]} train, ${data.xTest.shape[0]} test), ${built.name}, ${epochs} epochs, batch ${batchSize}, seed ${seed} → ${dir}`,
    );
  if (resuming && !json)
    say(
      out.dim(
        `resuming after epoch ${startEpoch}${partial.batch ? `, batch ${partial.batch}` : ''}`,
      ),
    );
  const t0 = performance.now();
  try {
    for (let epoch = startEpoch; epoch < epochs; epoch++) {
      const resumeMid = partial.batch > 0 && partial.epochStartGenerator !== null;
      const afterResume = resumeMid ? generator.getState() : null;
      if (resumeMid && partial.epochStartGenerator) generator.setState(partial.epochStartGenerator);
      const epochStartGenerator = generator.getState();
      const it = loader[Symbol.iterator]();
      let { lossSum, hits, seen } = partial;
      let batch = 0;
      const total = loader.length;
      const bar =
        tty && !json
          ? new cliProgress.SingleBar(
              {
                format: `epoch ${epoch + 1}/${epochs} [{bar}] {value}/{total} | loss {loss} | acc {acc} | {rate} steps/s | ETA {eta_formatted}`,
                stream: process.stderr,
                hideCursor: true,
                clearOnComplete: true,
              },
              cliProgress.Presets.shades_classic,
            )
          : undefined;
      bar?.start(total, 0, { loss: '—', acc: '—', rate: '—' });
      const tEpoch = performance.now();
      let lastYield = performance.now();
      const plainEvery = Math.max(1, Math.floor(total / 5));
      for (let r = it.next(); !r.done; r = it.next()) {
        if (resumeMid && batch === 0 && afterResume) generator.setState(afterResume);
        if (batch < partial.batch) {
          batch++;
          continue;
        }
        const [xb, yb] = r.value as [Tensor, Tensor];
        opt.zeroGrad();
        const scores = model.forward(xb) as Var;
        const loss = lossFn(scores, yb);
        loss.backward();
        opt.step();
        const n = xb.shape[0];
        lossSum += loss.item() * n;
        if (classification) hits += Math.round(accuracy(scores.value, yb) * n);
        seen += n;
        batch++;
        const rate = ((batch - partial.batch) / ((performance.now() - tEpoch) / 1000)).toFixed(0);
        const accText = classification ? pct(hits / seen) : '—';
        if (bar) bar.update(batch, { loss: fmt(lossSum / seen, 4), acc: accText, rate });
        else if (batch % plainEvery === 0 || batch === total)
          note(
            `epoch ${epoch + 1}/${epochs} step ${batch}/${total} loss ${fmt(lossSum / seen, 4)} acc ${accText} ${rate} steps/s`,
          );
        if (performance.now() - lastYield > 25) {
          // Let the SIGINT handler run: signals are delivered between turns of the event loop.
          await new Promise((resolve) => setImmediate(resolve));
          lastYield = performance.now();
        }
        if (interrupted) break;
      }
      bar?.stop();
      if (interrupted) {
        const done = batch >= total;
        if (!done) {
          saveCheckpoint(epoch, { batch, lossSum, hits, seen, epochStartGenerator });
          note(
            `interrupted: saved ${join(dir, 'state.safetensors')} at epoch ${epoch + 1}, batch ${batch}/${total}`,
          );
          note(
            `resume with: gd train --resume ${dir}${command.getOptionValueSource('epochs') === 'cli' ? ` --epochs ${epochs}` : ''}`,
          );
          return EXIT_INTERRUPTED;
        }
      }
      partial = { batch: 0, lossSum: 0, hits: 0, seen: 0, epochStartGenerator: null };
      const test = evaluate(model, lossFn, data.xTest, data.yTest, classification);
      const lr = (opt.paramGroups[0] as { lr: number }).lr;
      rows.push({
        epoch: epoch + 1,
        lr,
        trainLoss: lossSum / seen,
        trainAccuracy: classification ? hits / seen : null,
        testLoss: test.loss,
        testAccuracy: test.accuracy,
      });
      if (schedule?.needsMetric) sched?.step(test.loss);
      else sched?.step();
      saveCheckpoint(epoch + 1, partial);
      writeReports(dir, rows, config, classification);
      const row = rows[rows.length - 1];
      (json ? note : say)(
        `epoch ${String(row.epoch).padStart(String(epochs).length)}  train loss ${fmt(row.trainLoss, 5)}  acc ${pct(row.trainAccuracy)}  │  test loss ${fmt(row.testLoss, 5)}  acc ${pct(row.testAccuracy)}  │  ${((performance.now() - tEpoch) / 1000).toFixed(1)} s`,
      );
      if (interrupted) {
        note(`interrupted after epoch ${epoch + 1}: checkpoint saved in ${dir}`);
        return EXIT_INTERRUPTED;
      }
    }
  } finally {
    process.off('SIGINT', onSigint);
  }
  const last = rows[rows.length - 1];
  const seconds = (performance.now() - t0) / 1000;
  if (json) {
    say(
      JSON.stringify({
        dataset: data.name,
        model: config.model,
        optimizer: built.name,
        epochs: rows.length,
        out: dir,
        metrics: rows,
        train: { loss: last?.trainLoss ?? null, accuracy: last?.trainAccuracy ?? null },
        test: { loss: last?.testLoss ?? null, accuracy: last?.testAccuracy ?? null },
        seconds,
      }),
    );
    return 0;
  }
  say();
  say(
    table(
      ['epoch', 'lr', 'train loss', 'train acc', 'test loss', 'test acc'],
      rows.map((r) => [
        String(r.epoch),
        fmt(r.lr, 4),
        fmt(r.trainLoss, 5),
        pct(r.trainAccuracy),
        fmt(r.testLoss, 5),
        pct(r.testAccuracy),
      ]),
    ),
  );
  say(
    out.dim(
      `${seconds.toFixed(1)} s; wrote metrics.csv, metrics.json, loss.svg/png${classification ? ', accuracy.svg/png' : ''}, model.safetensors, state.safetensors in ${dir}`,
    ),
  );
  return 0;
}
