import { loadDigits, trainTestSplit } from '@gd/datasets';
import { accuracy, crossEntropy } from '@gd/losses';
import { mlp } from '@gd/nn';
import { Adagrad, Adam, RMSprop, SGD } from '@gd/optim';
import type { Var } from '@gd/autodiff';
import { Generator, manualSeed, randint } from '@gd/tensor';

/** What the loops below need from an optimizer. */
export interface Stepper {
  zeroGrad(): void;
  step(): unknown;
}

// #region setup
/** The exercise's network on the bundled digits: 64-40-20-10 sigmoid, weights N(0, 0.01²). */
export const optimizers: Record<string, (p: Var[]) => Stepper> = {
  Momentum: (p) => new SGD(p, { lr: 0.01, momentum: 0.9 }),
  AdaGrad: (p) => new Adagrad(p, { lr: 0.01, initialAccumulatorValue: 1e-7, eps: 1e-7 }),
  RMSprop: (p) =>
    new RMSprop(p, { lr: 0.01, alpha: 0.99, eps: 1e-7, initialAccumulatorValue: 1e-7 }),
  Adam: (p) => new Adam(p, { lr: 0.01 }),
};
// #endregion setup

// #region train
export function train(make: (p: Var[]) => Stepper, iterations = 1000, batchSize = 100) {
  const { data, target } = loadDigits();
  const [xTrain, xTest, yTrain, yTest] = trainTestSplit([data.div(16), target], {
    testSize: 0.25,
    seed: 0,
  });
  manualSeed(0);
  const net = mlp([64, 40, 20, 10], { activation: 'sigmoid', init: 'normal', std: 0.01 });
  const opt = make(net.parameters());
  const rng = new Generator(0);
  const n = xTrain.shape[0];
  const testAccuracy: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const batch = randint(0, n, [batchSize], { generator: rng }); // sampled with replacement, as np.random.choice
    const x = xTrain.take(batch, 0);
    const y = yTrain.take(batch, 0);
    opt.zeroGrad();
    const loss = crossEntropy(net.forward(x), y);
    loss.backward();
    opt.step();
    if ((i + 1) % 10 === 0) testAccuracy.push(accuracy(net.forward(xTest).value, yTest));
  }
  return testAccuracy;
}
// #endregion train
