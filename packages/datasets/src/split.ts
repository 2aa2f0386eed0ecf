import { GdRangeError, GdTypeError } from '@gd/errors';
import { Generator, ShapeError, type Tensor, permutation } from '@gd/tensor';
import { sliceRows } from './rows';

/** Options of {@link trainTestSplit}; names and defaults as scikit-learn's `train_test_split`. */
export interface TrainTestSplitOptions {
  /** Fraction in (0, 1) or a count of test examples. Default 0.25 (or the complement of `trainSize`). */
  testSize?: number;
  /** Fraction in (0, 1) or a count of training examples. Default: everything not in the test set. */
  trainSize?: number;
  /** Shuffle before splitting. Default true. */
  shuffle?: boolean;
  /** Class labels (length n): keep each class's proportion in both parts. Needs `shuffle`. */
  stratify?: Tensor | readonly number[];
  /** Source of randomness. Default: the default generator (`manualSeed` of @gd/tensor). */
  generator?: Generator;
  /** Seed for a fresh generator (scikit-learn's `random_state`); ignored when `generator` is given. */
  seed?: number | bigint;
}

function count(
  op: string,
  name: string,
  v: number,
  n: number,
  round: (x: number) => number,
): number {
  if (Number.isInteger(v) && v >= 1) {
    if (v >= n)
      throw new GdRangeError(`${op}: ${name}=${v} must be smaller than the ${n} examples`);
    return v;
  }
  if (!(v > 0 && v < 1)) {
    throw new GdRangeError(`${op}: ${name} must be a fraction in (0, 1) or a count ≥ 1, got ${v}`);
  }
  return round(v * n);
}

/**
 * Splits tensors that share their first axis into random train and test parts, as
 * scikit-learn's `train_test_split`: returns `[aTrain, aTest, bTrain, bTest, …]`. With n
 * examples, n_test = ⌈testSize·n⌉ for a fraction and n_train = n − n_test unless `trainSize`
 * is given (⌊trainSize·n⌋). `stratify` keeps class proportions: each class c with n_c
 * examples gets ≈ n_c·n_test/n test examples (largest remainders make the total exact).
 *
 * @example
 * ```ts
 * const { data, target } = loadIris();
 * const [xTrain, xTest, yTrain, yTest] = trainTestSplit([data, target], { testSize: 0.2, seed: 0, stratify: target });
 * ```
 */
export function trainTestSplit(
  arrays: readonly Tensor[],
  options: TrainTestSplitOptions = {},
): Tensor[] {
  const op = 'trainTestSplit';
  if (arrays.length === 0) throw new GdTypeError(`${op}: pass at least one tensor, e.g. [x, y]`);
  const n = arrays[0].ndim === 0 ? 0 : arrays[0].shape[0];
  arrays.forEach((a, k) => {
    if (a.ndim === 0 || a.shape[0] !== n) {
      throw new ShapeError(
        `${op}: all tensors need the same first dimension; tensor 0 has ${n} rows, tensor ${k} has shape [${a.shape.join(', ')}]`,
      );
    }
  });
  let nTest: number;
  let nTrain: number;
  if (options.testSize === undefined && options.trainSize !== undefined) {
    nTrain = count(op, 'trainSize', options.trainSize, n, Math.floor);
    nTest = n - nTrain;
  } else {
    nTest = count(op, 'testSize', options.testSize ?? 0.25, n, Math.ceil);
    nTrain =
      options.trainSize === undefined
        ? n - nTest
        : count(op, 'trainSize', options.trainSize, n, Math.floor);
  }
  if (nTrain < 1 || nTest < 1 || nTrain + nTest > n) {
    throw new GdRangeError(
      `${op}: with ${n} examples the split gives ${nTrain} train and ${nTest} test; both must be ≥ 1 and sum to at most ${n}`,
    );
  }
  const shuffle = options.shuffle ?? true;
  const generator =
    options.generator ?? (options.seed === undefined ? undefined : new Generator(options.seed));
  let trainIdx: Int32Array;
  let testIdx: Int32Array;
  if (options.stratify !== undefined) {
    if (!shuffle) throw new GdRangeError(`${op}: stratify needs shuffle: true (as scikit-learn)`);
    [trainIdx, testIdx] = stratifiedIndices(op, options.stratify, n, nTrain, nTest, generator);
  } else if (shuffle) {
    const perm = permutation(n, { generator }).data as Int32Array;
    testIdx = perm.subarray(0, nTest);
    trainIdx = perm.subarray(nTest, nTest + nTrain);
  } else {
    trainIdx = Int32Array.from({ length: nTrain }, (_, i) => i);
    testIdx = Int32Array.from({ length: nTest }, (_, i) => nTrain + i);
  }
  return arrays.flatMap((a) => [sliceRows(a, trainIdx), sliceRows(a, testIdx)]);
}

/** Per-class allocation by largest remainder, then a random pick within each class. */
function stratifiedIndices(
  op: string,
  labels: Tensor | readonly number[],
  n: number,
  nTrain: number,
  nTest: number,
  generator: Generator | undefined,
): [Int32Array, Int32Array] {
  const y = 'data' in labels ? Array.from(labels.data) : [...labels];
  if (y.length !== n)
    throw new ShapeError(`${op}: stratify has ${y.length} labels for ${n} examples`);
  const byClass = new Map<number, number[]>();
  y.forEach((c, i) => {
    const members = byClass.get(c);
    if (members) members.push(i);
    else byClass.set(c, [i]);
  });
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  for (const c of classes) {
    if ((byClass.get(c) as number[]).length < 2) {
      throw new GdRangeError(
        `${op}: class ${c} has a single example; stratify needs at least 2 per class`,
      );
    }
  }
  for (const [name, size] of [
    ['test', nTest],
    ['train', nTrain],
  ] as const) {
    if (size < classes.length) {
      throw new GdRangeError(
        `${op}: stratify needs at least one ${name} example per class, but the ${name} part has ${size} for ${classes.length} classes; raise ${name}Size (as scikit-learn requires)`,
      );
    }
  }
  // Largest-remainder allocation of `total` over `counts`. Train counts are drawn from what
  // each class has left after its test share, as scikit-learn's StratifiedShuffleSplit does;
  // allocating both parts from the full counts can give one class more than it has.
  const share = (total: number, counts: readonly number[]): number[] => {
    const sum = counts.reduce((a, b) => a + b, 0);
    const exact = counts.map((m) => (m * total) / sum);
    const out = exact.map(Math.floor);
    const order = exact
      .map((e, k) => [e - Math.floor(e), k])
      .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    const missing = total - out.reduce((a, b) => a + b, 0);
    for (let r = 0; r < missing; r++) out[order[r][1]] += 1;
    return out;
  };
  const classCounts = classes.map((c) => (byClass.get(c) as number[]).length);
  const testCounts = share(nTest, classCounts);
  const trainCounts = share(
    nTrain,
    classCounts.map((m, k) => m - testCounts[k]),
  );
  const train: number[] = [];
  const test: number[] = [];
  classes.forEach((c, k) => {
    const members = byClass.get(c) as number[];
    const perm = permutation(members.length, { generator }).data;
    for (let j = 0; j < testCounts[k]; j++) test.push(members[perm[j]]);
    const trainEnd = testCounts[k] + trainCounts[k];
    for (let j = testCounts[k]; j < trainEnd; j++) train.push(members[perm[j]]);
  });
  // Interleave classes randomly so batches drawn in order are mixed.
  const mix = (idx: number[]) => {
    const p = permutation(idx.length, { generator }).data;
    return Int32Array.from(p, (j) => idx[j]);
  };
  return [mix(train), mix(test)];
}
