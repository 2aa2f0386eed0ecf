import { variable } from '@gd/autodiff';
import { tensor } from '@gd/tensor';
import { afterAll, describe, expect, it } from 'vitest';
import { LeakyReLU, ReLU, Sigmoid, Softmax, Tanh } from '../src/activations';
import type { Module } from '../src/module';
import { dec, deviation, expectClose, fixture } from './golden';

function build(name: string, options: Record<string, unknown>): Module | null {
  switch (name) {
    case 'ReLU':
      return new ReLU();
    case 'Sigmoid':
      return new Sigmoid();
    case 'Tanh':
      return new Tanh();
    case 'LeakyReLU':
      return new LeakyReLU(options.negativeSlope as number | undefined);
    case 'Softmax':
      return new Softmax(options.axis as number);
    default:
      return null;
  }
}

describe('activations match PyTorch (float64): value and gradient', () => {
  for (const c of fixture.activations.filter((a) => a.module !== 'GELU')) {
    it(c.name, () => {
      const m = build(c.module, c.options);
      expect(m, `no module for ${c.module}`).not.toBeNull();
      const x = variable(dec(c.input));
      const y = (m as Module).forward(x);
      expectClose(y.value, c.output, `${c.name} output`);
      y.backward(dec(c.upstream));
      expectClose(x.grad, c.gradInput, `${c.name} grad`);
    });
  }
  afterAll(() => console.log(`activations: max |deviation| from PyTorch: ${deviation.max}`));
});

describe('activation details', () => {
  it('ReLU′(0) = 0 and LeakyReLU′(0) = slope, as PyTorch', () => {
    const x = variable(tensor([0], { dtype: 'float64' }));
    new ReLU().forward(x).sum().backward();
    expect(x.grad?.toArray()).toEqual([0]);
    const z = variable(tensor([0], { dtype: 'float64' }));
    new LeakyReLU(0.2).forward(z).sum().backward();
    expect(z.grad?.toArray()).toEqual([0.2]);
  });

  it('tanh′(4) ≈ 0.0013, the lecture’s vanishing gradient', () => {
    const x = variable(tensor(4, { dtype: 'float64' }));
    new Tanh().forward(x).backward();
    expect(x.grad?.item()).toBeCloseTo(0.0013, 4);
  });

  it('accepts plain Tensors and returns Vars', () => {
    const y = new Sigmoid().forward(tensor([0]));
    expect(y.item()).toBe(0.5);
    expect(y.requiresGrad).toBe(false);
  });

  it('validates options', () => {
    expect(() => new LeakyReLU(Number.NaN)).toThrow(RangeError);
    expect(() => new Softmax(0.5)).toThrow(/axis must be an integer/);
    expect(new LeakyReLU(0.3).toString()).toBe('LeakyReLU(negativeSlope=0.3)');
  });
});
