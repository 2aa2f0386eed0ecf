/** The datasets `gd train` and `gd landscape` know, loaded as train/test tensors. */
import {
  loadBreastCancer,
  loadDiabetes,
  loadDigits,
  loadIris,
  loadWine,
  makeBlobs,
  makeCircles,
  makeMoons,
  makeSpirals,
  makeXor,
  standardize,
  trainTestSplit,
} from '@gd/datasets';
import { cifar10, fashionMnist, kmnist, mnist } from '@gd/datasets/node';
import { type Tensor, slice } from '@gd/tensor';
import { UsageError } from './errors';

/** Every dataset name `--dataset` accepts. */
export const DATASET_NAMES = [
  'digits',
  'iris',
  'wine',
  'breast-cancer',
  'diabetes',
  'spirals',
  'moons',
  'circles',
  'blobs',
  'xor',
  'mnist',
  'fashion-mnist',
  'kmnist',
  'cifar10',
] as const;

/** Train and test tensors of a dataset, with what the model needs to know. */
export interface LoadedData {
  name: string;
  xTrain: Tensor;
  yTrain: Tensor;
  xTest: Tensor;
  yTest: Tensor;
  /** Features per example. */
  inputs: number;
  /** Number of classes; 1 output for regression. */
  outputs: number;
  task: 'classification' | 'regression';
}

/** Options of {@link loadData}. */
export interface DataOptions {
  seed: number;
  /** Where MNIST-format/CIFAR files are looked for (besides the usual places). */
  dataDir?: string;
  download?: boolean;
  /** Keep only the first n training / test examples (quick runs). */
  limit?: number;
  testLimit?: number;
}

/** Checks a dataset name early. */
export function checkDataset(name: string): void {
  if (!(DATASET_NAMES as readonly string[]).includes(name))
    throw new UsageError(`unknown dataset '${name}'`, `choose one of ${DATASET_NAMES.join(', ')}`);
}

function head(t: Tensor, n: number | undefined): Tensor {
  if (n === undefined || n >= t.shape[0]) return t;
  return slice(t, [[0, n]]);
}

function split(
  x: Tensor,
  y: Tensor,
  seed: number,
  stratify: boolean,
): [Tensor, Tensor, Tensor, Tensor] {
  const [xTrain, xTest, yTrain, yTest] = trainTestSplit([x, y], {
    testSize: 0.25,
    seed,
    ...(stratify ? { stratify: y } : {}),
  });
  return [xTrain, xTest, yTrain, yTest];
}

/** Loads `name`: bundled and toy sets split 75/25 (seeded, stratified), image sets as published. */
export async function loadData(name: string, o: DataOptions): Promise<LoadedData> {
  checkDataset(name);
  let xTrain: Tensor;
  let xTest: Tensor;
  let yTrain: Tensor;
  let yTest: Tensor;
  let task: LoadedData['task'] = 'classification';
  const images = { mnist, 'fashion-mnist': fashionMnist, kmnist } as const;
  if (name in images) {
    const load = images[name as keyof typeof images];
    const common = {
      flatten: true,
      download: o.download === true,
      progress: process.stderr.isTTY === true,
      ...(o.dataDir ? { root: o.dataDir, searchDirs: [o.dataDir] } : {}),
    };
    const train = await load({ ...common, split: 'train' });
    const test = await load({ ...common, split: 'test' });
    [xTrain, yTrain, xTest, yTest] = [train.images, train.labels, test.images, test.labels];
  } else if (name === 'cifar10') {
    const common = {
      flatten: true,
      download: o.download === true,
      ...(o.dataDir ? { root: o.dataDir } : {}),
    };
    const train = await cifar10({ ...common, split: 'train' });
    const test = await cifar10({ ...common, split: 'test' });
    [xTrain, yTrain, xTest, yTest] = [train.images, train.labels, test.images, test.labels];
  } else {
    let x: Tensor;
    let y: Tensor;
    let scale = true;
    switch (name) {
      case 'digits': {
        const d = loadDigits();
        x = d.data.div(16);
        y = d.target;
        scale = false;
        break;
      }
      case 'iris':
        ({ data: x, target: y } = loadIris());
        break;
      case 'wine':
        ({ data: x, target: y } = loadWine());
        break;
      case 'breast-cancer':
        ({ data: x, target: y } = loadBreastCancer());
        break;
      case 'diabetes': {
        const d = loadDiabetes();
        x = d.data;
        // Standardised target: the MSE is then in units of the target's variance.
        const t = d.target;
        const mean = t.mean().item();
        const std = t.std().item();
        y = t.sub(mean).div(std).reshape([-1, 1]);
        task = 'regression';
        break;
      }
      case 'spirals':
        [x, y] = makeSpirals({ nPerClass: 200, noise: 0.2, seed: o.seed });
        break;
      case 'moons':
        [x, y] = makeMoons({ nSamples: 600, noise: 0.15, seed: o.seed });
        break;
      case 'circles':
        [x, y] = makeCircles({ nSamples: 600, noise: 0.08, seed: o.seed });
        break;
      case 'blobs':
        [x, y] = makeBlobs({ nSamples: 600, seed: o.seed });
        break;
      default:
        [x, y] = makeXor({ nSamples: 600, noise: 0.1, seed: o.seed });
        break;
    }
    [xTrain, xTest, yTrain, yTest] = split(x, y, o.seed, task === 'classification');
    if (scale) {
      const scaler = standardize(xTrain);
      xTrain = scaler.transform(xTrain);
      xTest = scaler.transform(xTest);
    }
  }
  // Classes from the whole training set, before any --limit cut.
  let outputs = 1;
  if (task === 'classification') {
    let max = 0;
    for (const v of yTrain.data) max = Math.max(max, v);
    outputs = max + 1;
  }
  xTrain = head(xTrain, o.limit);
  yTrain = head(yTrain, o.limit);
  xTest = head(xTest, o.testLimit);
  yTest = head(yTest, o.testLimit);
  return { name, xTrain, yTrain, xTest, yTest, inputs: xTrain.shape[1], outputs, task };
}
