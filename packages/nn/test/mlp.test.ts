import { variable } from '@gd/autodiff';
import { Generator, randn } from '@gd/tensor';
import { afterAll, describe, expect, it } from 'vitest';
import { Sigmoid } from '../src/activations';
import { BatchNorm1d } from '../src/batch-norm';
import { Dropout } from '../src/dropout';
import { Linear } from '../src/linear';
import { mlp } from '../src/mlp';
import type { StateDict } from '../src/state-dict';
import { dec, deviation, expectClose, fixture } from './golden';

/** PyTorch's state dict (same names as gd's) as float64 entries. */
function fromTorch(state: Record<string, { shape: number[]; data: number[] }>): StateDict {
  const out: StateDict = {};
  for (const [k, v] of Object.entries(state)) {
    out[k] = { shape: v.shape, dtype: 'float64', data: v.data };
  }
  return out;
}

describe('mlp matches a PyTorch MultiLayerNet of the same layout (float64)', () => {
  for (const c of fixture.mlp) {
    it(c.name, () => {
      const net = mlp(c.sizes, {
        activation: c.activation,
        batchNorm: c.batchNorm,
        dtype: 'float64',
      });
      const state = fromTorch(c.state);
      if (c.batchNorm) {
        // PyTorch's fixture omits num_batches_tracked; start from ours.
        for (const [k, v] of Object.entries(net.stateDict())) if (!(k in state)) state[k] = v;
      }
      net.loadStateDict(state);
      const x = variable(dec(c.input));
      const y = net.forward(x);
      expectClose(y.value, c.output, `${c.name} output`);
      y.backward(dec(c.upstream));
      expectClose(x.grad, c.gradInput, `${c.name} grad input`);
      const params = new Map(net.namedParameters());
      for (const [k, g] of Object.entries(c.grads)) {
        expectClose(params.get(k)?.grad ?? null, g, `${c.name} grad ${k}`);
      }
    });
  }
  afterAll(() => console.log(`mlp: max |deviation| from PyTorch: ${deviation.max}`));
});

describe('mlp layout', () => {
  it("builds the lecture's 784-40-20-10 sigmoid net with weight_init_std 0.01", () => {
    const net = mlp([784, 40, 20, 10], { activation: 'sigmoid', init: 'normal', std: 0.01 });
    expect(net.length).toBe(5);
    expect(net.at(0)).toBeInstanceOf(Linear);
    expect(net.at(1)).toBeInstanceOf(Sigmoid);
    expect(net.at(-1)).toBeInstanceOf(Linear);
    expect(net.numParameters()).toBe(784 * 40 + 40 + 40 * 20 + 20 + 20 * 10 + 10);
    expect(net.forward(randn([3, 784])).shape).toEqual([3, 10]);
    const w = Array.from((net.at(0) as Linear).weight.value.data);
    const s = Math.sqrt(w.reduce((a, b) => a + b * b, 0) / w.length);
    expect(s).toBeGreaterThan(0.0095);
    expect(s).toBeLessThan(0.0105);
  });

  it('puts BatchNorm1d between Linear and activation, and Dropout after it', () => {
    const net = mlp([6, 5, 4, 3], { batchNorm: true, dropout: 0.2, generator: new Generator(1) });
    const kinds = [...net].map((m) => m.constructor.name);
    expect(kinds).toEqual([
      'Linear',
      'BatchNorm1d',
      'ReLU',
      'Dropout',
      'Linear',
      'BatchNorm1d',
      'ReLU',
      'Dropout',
      'Linear',
    ]);
    expect(net.at(1)).toBeInstanceOf(BatchNorm1d);
    expect(net.at(3)).toBeInstanceOf(Dropout);
  });

  it('rejects bad sizes and activations', () => {
    expect(() => mlp([784])).toThrow(/at least the input and output sizes/);
    expect(() => mlp([4, 2], { activation: 'swish' as 'relu' })).toThrow(
      /unknown activation 'swish'/,
    );
    expect(() => mlp([4, 0, 2])).toThrow(/positive integer/);
  });
});
