import { type Var, logSoftmax, mul, noGrad, sum } from '@gd/autodiff';
import { Generator, Tensor, randn } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { Linear } from '../src/linear';
import { linearClassifier } from '../src/linear-classifier';

/** Three Gaussian blobs in 2-D, one per class. */
function blobs(n: number, seed: number): { x: Tensor; y: number[]; onehot: Tensor } {
  const centers = [
    [2, 0],
    [-1, 1.7],
    [-1, -1.7],
  ];
  const noise = randn([n, 2], { dtype: 'float64', generator: new Generator(seed) }).data;
  const x = new Float64Array(n * 2);
  const oh = new Float64Array(n * 3);
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    x[2 * i] = centers[c][0] + 0.5 * noise[2 * i];
    x[2 * i + 1] = centers[c][1] + 0.5 * noise[2 * i + 1];
    oh[3 * i + c] = 1;
    y.push(c);
  }
  return { x: new Tensor(x, [n, 2]), y, onehot: new Tensor(oh, [n, 3]) };
}

describe('linearClassifier', () => {
  it('is a Linear layer computing Wx + b', () => {
    const m = linearClassifier(4, 3);
    expect(m).toBeInstanceOf(Linear);
    expect(m.weight.shape).toEqual([3, 4]);
    expect(m.bias?.shape).toEqual([3]);
  });

  it('learns a 3-class problem with plain SGD (softmax loss falls, accuracy rises)', () => {
    const { x, y, onehot } = blobs(150, 1);
    const model = linearClassifier(2, 3, { dtype: 'float64', generator: new Generator(2) });
    // softmax cross-entropy written inline from autodiff ops (nn does not depend on @gd/losses)
    const loss = (): Var => sum(mul(logSoftmax(model.forward(x)), onehot)).mul(-1 / 150);
    const accuracy = () => {
      const s = model.forward(x).value.data;
      let hits = 0;
      for (let i = 0; i < y.length; i++) {
        const row = [s[3 * i], s[3 * i + 1], s[3 * i + 2]];
        if (row.indexOf(Math.max(...row)) === y[i]) hits++;
      }
      return hits / y.length;
    };
    const first = loss().item();
    const lr = 0.5;
    let last = first;
    for (let step = 0; step < 100; step++) {
      model.zeroGrad();
      const l = loss();
      l.backward();
      noGrad(() => {
        for (const p of model.parameters()) {
          const w = p.value.data;
          const g = (p.grad as Tensor).data;
          for (let i = 0; i < w.length; i++) w[i] -= lr * g[i];
        }
      });
      last = l.item();
    }
    expect(first).toBeGreaterThan(0.5);
    expect(last).toBeLessThan(0.1 * first);
    expect(accuracy()).toBeGreaterThan(0.95);
  });
});
