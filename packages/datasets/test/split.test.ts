import { Generator, ShapeError, Tensor, arange, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { loadIris } from '../src/bundled/iris';
import { trainTestSplit } from '../src/split';

const n = 20;
const x = new Tensor(
  Float32Array.from({ length: 2 * n }, (_, i) => Math.floor(i / 2)),
  [n, 2],
);
const y = arange(n, undefined, undefined, { dtype: 'int32' });

describe('trainTestSplit', () => {
  it('returns [xTrain, xTest, yTrain, yTest] with rows kept together and ⌈0.25·n⌉ test rows', () => {
    const [xTr, xTe, yTr, yTe] = trainTestSplit([x, y], { seed: 0 });
    expect(xTe.shape).toEqual([5, 2]);
    expect(xTr.shape).toEqual([15, 2]);
    for (const [xs, ys] of [
      [xTr, yTr],
      [xTe, yTe],
    ]) {
      ys.data.forEach((id, j) => {
        expect(xs.data[2 * j]).toBe(id);
      });
    }
    const all = [...yTr.data, ...yTe.data].sort((a, b) => a - b);
    expect(all).toEqual([...Array(n).keys()]);
  });

  it('follows scikit-learn sizes: fractions round test up and train down, counts are exact', () => {
    expect(trainTestSplit([y], { testSize: 0.33, seed: 1 })[1].shape).toEqual([7]);
    expect(trainTestSplit([y], { trainSize: 0.66, seed: 1 })[0].shape).toEqual([13]);
    const [tr, te] = trainTestSplit([y], { testSize: 4, trainSize: 10, seed: 1 });
    expect([tr.shape[0], te.shape[0]]).toEqual([10, 4]);
  });

  it('is reproducible by seed or generator, and keeps order without shuffle', () => {
    const a = trainTestSplit([y], { seed: 5 })[1].data;
    const b = trainTestSplit([y], { generator: new Generator(5) })[1].data;
    expect(Array.from(a)).toEqual(Array.from(b));
    const [tr, te] = trainTestSplit([y], { shuffle: false, testSize: 0.2 });
    expect(Array.from(tr.data)).toEqual([...Array(16).keys()]);
    expect(Array.from(te.data)).toEqual([16, 17, 18, 19]);
  });

  it('stratify keeps class proportions (iris: 10 of each class in a 30-example test set)', () => {
    const { data, target } = loadIris();
    const [, xTe, yTr, yTe] = trainTestSplit([data, target], {
      testSize: 0.2,
      stratify: target,
      seed: 0,
    });
    expect(xTe.shape).toEqual([30, 4]);
    const count = (t: Tensor) =>
      [0, 1, 2].map((c) => Array.from(t.data).filter((v) => v === c).length);
    expect(count(yTe)).toEqual([10, 10, 10]);
    expect(count(yTr)).toEqual([40, 40, 40]);
  });

  it('stratify returns exactly n − n_test train rows and uses every example once', () => {
    // Class sizes where rounding the train and test shares independently loses rows.
    for (const sizes of [
      [6, 3, 13, 10],
      [10, 4, 11, 5, 12],
    ]) {
      const labels = sizes.flatMap((m, c) => Array.from({ length: m }, () => c));
      const total = labels.length;
      const ids = arange(total, undefined, undefined, { dtype: 'int32' });
      for (const testSize of [0.2, 0.5]) {
        const [idTr, idTe, yTr, yTe] = trainTestSplit([ids, tensor(labels, { dtype: 'int32' })], {
          testSize,
          stratify: labels,
          seed: 3,
        });
        const nTest = Math.ceil(testSize * total);
        expect(idTe.shape).toEqual([nTest]);
        expect(idTr.shape).toEqual([total - nTest]);
        expect(new Set([...idTr.data, ...idTe.data]).size).toBe(total);
        sizes.forEach((m, c) => {
          const inTest = Array.from(yTe.data).filter((v) => v === c).length;
          const inTrain = Array.from(yTr.data).filter((v) => v === c).length;
          expect(inTest + inTrain).toBe(m);
          expect(Math.abs(inTest - (m * nTest) / total)).toBeLessThan(1);
        });
      }
    }
  });

  it('rejects mismatched lengths, bad sizes and impossible stratification', () => {
    expect(() => trainTestSplit([x, tensor([1, 2])])).toThrow(ShapeError);
    expect(() => trainTestSplit([y], { testSize: 1.5 })).toThrow(/testSize must be a fraction/);
    expect(() => trainTestSplit([y], { testSize: 20 })).toThrow(RangeError);
    expect(() => trainTestSplit([y], { testSize: 0.5, trainSize: 0.8 })).toThrow(/sum to at most/);
    expect(() => trainTestSplit([y], { stratify: tensor([0, 1]) })).toThrow(
      /stratify has 2 labels/,
    );
    expect(() =>
      trainTestSplit([y], { stratify: Array.from({ length: n }, (_, i) => (i === 0 ? 9 : 1)) }),
    ).toThrow(/class 9 has a single example/);
    // scikit-learn: "The test_size = 1 should be greater or equal to the number of classes = 2"
    const twoClasses = Array.from({ length: n }, (_, i) => i % 2);
    expect(() => trainTestSplit([y], { testSize: 1, stratify: twoClasses })).toThrow(
      /at least one test example per class, but the test part has 1 for 2 classes/,
    );
    expect(() => trainTestSplit([y], { trainSize: 1, stratify: twoClasses })).toThrow(
      /at least one train example per class/,
    );
    expect(() => trainTestSplit([])).toThrow(TypeError);
  });
});
