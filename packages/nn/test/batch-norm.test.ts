import { variable } from '@gd/autodiff';
import { ShapeError, randn, tensor } from '@gd/tensor';
import { afterAll, describe, expect, it } from 'vitest';
import { BatchNorm1d } from '../src/batch-norm';
import { dec, deviation, expectClose, fixture } from './golden';

describe('BatchNorm1d matches PyTorch (float64) over training steps and eval', () => {
  for (const c of fixture.batchNorm) {
    it(c.name, () => {
      const bn = new BatchNorm1d(c.numFeatures, { ...c.options, dtype: 'float64' });
      if (bn.weight && bn.bias) {
        bn.weight.value.data.set(c.init.weight.data);
        bn.bias.value.data.set(c.init.bias.data);
      }
      c.steps.forEach((s, k) => {
        const what = `${c.name} step ${k} (${s.mode})`;
        bn.train(s.mode === 'train');
        bn.zeroGrad();
        const x = variable(dec(s.input));
        const y = bn.forward(x);
        expectClose(y.value, s.output, `${what} output`);
        y.backward(dec(s.upstream));
        expectClose(x.grad, s.gradInput, `${what} grad input`);
        if (s.gradWeight) expectClose(bn.weight?.grad ?? null, s.gradWeight, `${what} grad weight`);
        if (s.gradBias) expectClose(bn.bias?.grad ?? null, s.gradBias, `${what} grad bias`);
        if (s.runningMean) expectClose(bn.runningMean, s.runningMean, `${what} running mean`);
        if (s.runningVar) expectClose(bn.runningVar, s.runningVar, `${what} running var`);
        if (s.numBatchesTracked !== undefined) {
          expect(bn.numBatchesTracked).toBe(s.numBatchesTracked);
        }
      });
    });
  }
  afterAll(() => console.log(`BatchNorm1d: max |deviation| from PyTorch: ${deviation.max}`));
});

describe('BatchNorm1d behaviour', () => {
  it('eval mode does not touch the running statistics', () => {
    const bn = new BatchNorm1d(3, { dtype: 'float64' });
    bn.forward(randn([8, 3], { dtype: 'float64' }));
    const before = [...(bn.runningMean?.data ?? [])];
    bn.eval().forward(randn([8, 3], { dtype: 'float64' }));
    expect([...(bn.runningMean?.data ?? [])]).toEqual(before);
    expect(bn.numBatchesTracked).toBe(1);
  });

  it('stateDict has weight, bias and the running buffers', () => {
    const keys = Object.keys(new BatchNorm1d(4).stateDict());
    expect(keys).toEqual(['weight', 'bias', 'running_mean', 'running_var', 'num_batches_tracked']);
    expect(
      Object.keys(new BatchNorm1d(4, { affine: false, trackRunningStats: false }).stateDict()),
    ).toEqual([]);
  });

  it('rejects wrong feature counts, single-value batches in training and bad options', () => {
    const bn = new BatchNorm1d(3);
    expect(() => bn.forward(randn([4, 5]))).toThrow(ShapeError);
    expect(() => bn.forward(randn([4, 5]))).toThrow(
      /expected input \[N, 3\] or \[N, 3, L\], got \[4, 5\]/,
    );
    expect(() => bn.forward(tensor([[1, 2, 3]]))).toThrow(/more than 1 value per feature/);
    expect(() => bn.eval().forward(tensor([[1, 2, 3]]))).not.toThrow();
    expect(() => new BatchNorm1d(0)).toThrow(RangeError);
    expect(() => new BatchNorm1d(3, { momentum: 1.5 })).toThrow(/momentum/);
    expect(() => new BatchNorm1d(3, { eps: -1 })).toThrow(/eps/);
  });
});
