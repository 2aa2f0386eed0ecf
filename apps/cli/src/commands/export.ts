/** `gd export runs/<name> --onnx model.onnx`: a trained run's model as an ONNX graph. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSync } from '@gd/nn/node';
import { exportOnnx } from '@gd/nn/onnx';
import { Generator } from '@gd/tensor';
import type { Command } from 'commander';
import { integer } from '../args';
import { loadData } from '../data';
import { UsageError } from '../errors';
import { out, say, writeAtomic } from '../output';
import { type TrainConfig, buildModel } from './train';

/** Registers `gd export`. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description("write a trained run's model as ONNX (Gemm/activations, eval mode, dynamic batch)")
    .argument('<run>', 'a run folder written by gd train')
    .requiredOption('--onnx <file>', 'the .onnx file to write')
    .option('--opset <n>', 'ONNX opset version', '17')
    .option('--data-dir <dir>', 'where MNIST-format files are (to rebuild the model shape)')
    .addHelpText(
      'after',
      '\nExample:\n  $ gd train --dataset digits --epochs 5 --out runs/digits && gd export runs/digits --onnx digits.onnx',
    )
    .action(async (run: string, flags: { onnx: string; opset: string; dataDir?: string }) => {
      const opset = integer('--opset', flags.opset, 7);
      const configPath = join(run, 'config.json');
      if (!existsSync(configPath) || !existsSync(join(run, 'model.safetensors')))
        throw new UsageError(
          `${run}: no gd train run there (config.json or model.safetensors missing)`,
          'pass a folder gd train wrote',
        );
      const config = JSON.parse(readFileSync(configPath, 'utf8')) as TrainConfig;
      // Only the shapes matter here: load one example to learn the input and output sizes.
      const data = await loadData(config.dataset, {
        seed: Number(config.seed),
        dataDir: flags.dataDir,
        limit: 1,
        testLimit: 1,
      });
      const model = buildModel(config, data, new Generator(0));
      loadSync(join(run, 'model.safetensors'), model);
      model.eval();
      const bytes = exportOnnx(model, { opset, inputShape: [data.inputs] });
      writeAtomic(flags.onnx, bytes);
      say(
        `wrote ${flags.onnx} ${out.dim(`(${bytes.length} bytes, opset ${opset}, input [batch, ${data.inputs}], output [batch, ${data.outputs}])`)}`,
      );
    });
}
