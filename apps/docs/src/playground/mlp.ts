// The in-page MLP trainer: a small sigmoid network on the bundled digits, trained in slices so
// the page stays responsive, with the test accuracy after every slice.
import type { Var } from '@gd/autodiff';
import { loadDigits, trainTestSplit } from '@gd/datasets';
import { accuracy, crossEntropy } from '@gd/losses';
import { mlp } from '@gd/nn';
import { Adagrad, Adam, RMSprop, SGD } from '@gd/optim';
import { Generator, manualSeed, randint } from '@gd/tensor';

export const MLP_OPTIMIZERS = ['Momentum', 'AdaGrad', 'RMSprop', 'Adam'] as const;
export type MlpOptimizer = (typeof MLP_OPTIMIZERS)[number];

function optimizer(name: MlpOptimizer, params: Var[], lr: number) {
  switch (name) {
    case 'Momentum':
      return new SGD(params, { lr, momentum: 0.9 });
    case 'AdaGrad':
      return new Adagrad(params, { lr });
    case 'RMSprop':
      return new RMSprop(params, { lr });
    case 'Adam':
      return new Adam(params, { lr });
  }
}

/** A training session: call `train(k)` for k more iterations; returns the test accuracy. */
export function mlpSession(name: MlpOptimizer, lr: number, seed = 0) {
  const { data, target } = loadDigits();
  const [xTrain, xTest, yTrain, yTest] = trainTestSplit([data.div(16), target], {
    testSize: 0.25,
    seed: 0,
  });
  manualSeed(seed);
  const net = mlp([64, 32, 10], { activation: 'sigmoid' });
  const opt = optimizer(name, net.parameters(), lr);
  const rng = new Generator(seed);
  const n = xTrain.shape[0];
  let iterations = 0;
  return {
    get iterations() {
      return iterations;
    },
    train(k: number): number {
      for (let i = 0; i < k; i++) {
        const batch = randint(0, n, [64], { generator: rng });
        opt.zeroGrad();
        crossEntropy(net.forward(xTrain.take(batch, 0)), yTrain.take(batch, 0)).backward();
        opt.step();
        iterations++;
      }
      return accuracy(net.forward(xTest).value, yTest);
    },
  };
}
