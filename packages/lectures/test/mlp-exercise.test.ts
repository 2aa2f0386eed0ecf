import { Adam } from '@gd/optim';
import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import {
  EXERCISE_OPTIMIZERS,
  digitsExerciseData,
  mlpExercise,
  mlpExerciseLecture,
} from '../src/mlp-exercise';

const pick = (...labels: string[]) => EXERCISE_OPTIMIZERS.filter((o) => labels.includes(o.label));

describe('digitsExerciseData', () => {
  it('scales the bundled digits to [0, 1] and splits them 75/25', () => {
    const d = digitsExerciseData();
    expect(d.xTrain.shape).toEqual([1347, 64]);
    expect(d.xTest.shape).toEqual([450, 64]);
    expect(Math.max(...d.xTrain.data)).toBe(1);
    expect(d.yTrain.dtype).toBe('int32');
  });
});

describe('EXERCISE_OPTIMIZERS', () => {
  it("builds the exercise's five optimizers; Adam uses the exercise's m̂ = m/(1−ρ₁) (no power t)", () => {
    expect(EXERCISE_OPTIMIZERS.map((o) => o.label)).toEqual([
      'SGD',
      'Momentum',
      'AdaGrad',
      'RMSProp',
      'Adam',
    ]);
    const w = tensor([1], { dtype: 'float64' });
    const adam = EXERCISE_OPTIMIZERS[4].make([{ value: w, grad: w } as never]);
    expect(adam).toBeInstanceOf(Adam);
    expect((adam as Adam).paramGroups[0]).toEqual(
      expect.objectContaining({
        lr: 0.01,
        betas: [0.9, 0.999],
        eps: 1e-7,
        biasCorrection: 'constant',
      }),
    );
  });
});

describe('mlpExercise', () => {
  it('records minibatch and test accuracy every plotInterval updates', () => {
    const [run] = mlpExercise({ iterations: 30, plotInterval: 10, optimizers: pick('Adam') });
    expect(run.label).toBe('Adam');
    expect(run.iterations).toEqual([10, 20, 30]);
    expect(run.trainAccuracy).toHaveLength(3);
    expect(run.testAccuracy).toHaveLength(3);
    expect(run.losses).toHaveLength(30);
    for (const a of [...run.trainAccuracy, ...run.testAccuracy, run.finalTestAccuracy]) {
      expect(a).toBeGreaterThanOrEqual(0);
      expect(a).toBeLessThanOrEqual(1);
    }
    expect(run.finalTestAccuracy).toBe(run.testAccuracy[2]);
  });

  it("reproduces the exercise's finding: plain SGD (lr 0.01) stays at chance while RMSProp and Adam learn", () => {
    const runs = mlpExercise({
      iterations: 200,
      plotInterval: 50,
      optimizers: pick('SGD', 'RMSProp', 'Adam'),
    });
    const acc = Object.fromEntries(runs.map((r) => [r.label, r.finalTestAccuracy]));
    expect(acc.SGD).toBeLessThan(0.2);
    // after 200 of the 1000 updates: well above chance (0.1), still climbing
    expect(acc.RMSProp).toBeGreaterThan(0.3);
    expect(acc.Adam).toBeGreaterThan(0.5);
  });

  it('starts every optimizer from the same weights and batches (deterministic per seed)', () => {
    const a = mlpExercise({ iterations: 10, plotInterval: 5, optimizers: pick('Momentum') });
    const b = mlpExercise({ iterations: 10, plotInterval: 5, optimizers: pick('Momentum') });
    expect(a[0].losses).toEqual(b[0].losses);
    const c = mlpExercise({
      iterations: 10,
      plotInterval: 5,
      optimizers: pick('Momentum'),
      seed: 1,
    });
    expect(c[0].losses).not.toEqual(a[0].losses);
    // the first minibatch loss is the same for every optimizer: same init, same batch
    const both = mlpExercise({ iterations: 1, plotInterval: 1, optimizers: pick('SGD', 'Adam') });
    expect(both[0].losses[0]).toBe(both[1].losses[0]);
    // with std 0.01 weights the first loss is ln 10
    expect(both[0].losses[0]).toBeCloseTo(Math.log(10), 2);
  });

  it('evaluates a testSubset during training and the whole test set at the end', () => {
    const [run] = mlpExercise({
      iterations: 20,
      plotInterval: 20,
      testSubset: 7,
      optimizers: pick('Adam'),
    });
    expect(run.testAccuracy[0] * 7).toBeCloseTo(Math.round(run.testAccuracy[0] * 7), 10);
    expect(run.finalTestAccuracy * 450).toBeCloseTo(Math.round(run.finalTestAccuracy * 450), 10);
  });

  it('rejects bad options and data', () => {
    expect(() => mlpExercise({ iterations: 0 })).toThrow(
      'mlpExercise: iterations must be a positive integer, got 0',
    );
    const d = digitsExerciseData();
    expect(() => mlpExercise({ data: { ...d, xTest: d.xTest.reshape([450, 8, 8]) } })).toThrow(
      /\[N, D\]/,
    );
    expect(() => mlpExercise({ data: { ...d, xTrain: d.xTrain.astype('float64') } })).toThrow(
      /float32/,
    );
  });
});

describe('mlpExerciseLecture', () => {
  it('reports each optimizer and draws its accuracy curves', () => {
    const { numbers, figures } = mlpExerciseLecture({
      iterations: 20,
      optimizers: pick('SGD', 'Adam'),
    });
    expect(numbers.find((n) => n.label === 'data, network')).toEqual(
      expect.objectContaining({
        lecture: 'MNIST, 784-40-20-10 sigmoid',
        gd: 'digits (8×8, bundled), 64-40-20-10 sigmoid',
      }),
    );
    expect(figures.map((f) => f.file)).toEqual([
      'accuracy-sgd',
      'accuracy-adam',
      'accuracy-test-all',
    ]);
    expect(figures[1].svg).toContain('test set');
  });
});
