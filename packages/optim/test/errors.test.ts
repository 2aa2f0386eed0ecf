import { InPlaceError, noGrad, variable } from '@gd/autodiff';
import { GdError } from '@gd/errors';
import { DTypeError, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { OptimizerError } from '../src/errors';
import { Adam, SGD } from '../src/index';

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

describe('OptimizerError and non-leaf parameters', () => {
  it('refuses a non-leaf Var at construction, naming the op and saying what to do', () => {
    let w = variable(tensor([1, 2], { dtype: 'float64' }));
    w = w.sub(0.5); // reassigned: now the output of 'sub', not a leaf
    const e = thrown(() => new SGD([w], { lr: 0.1 }));
    expect(e).toBeInstanceOf(OptimizerError);
    expect(e).toBeInstanceOf(GdError);
    expect(e.name).toBe('OptimizerError');
    expect((e as OptimizerError).code).toBe('ERR_GD_OPTIMIZER');
    expect(e.message).toMatch(
      /^SGD: param group 0: params\[0\] is a non-leaf Var \(the result of 'sub'\); can't optimize a non-leaf Var/,
    );
    expect(e.message).toContain('variable(w.value)');
    expect(e.message).toContain('w.detach().requires_grad_()');
  });

  it('refuses it in any group and in addParamGroup', () => {
    const a = variable(tensor([1], { dtype: 'float64' }));
    const b = variable(tensor([2], { dtype: 'float64' })).mul(2);
    expect(() => new Adam([{ params: [a] }, { params: [a.add(1), b] }])).toThrow(
      /Adam: param group 1: params\[0\] is a non-leaf Var \(the result of 'add'\)/,
    );
    const opt = new Adam([a]);
    expect(() => opt.addParamGroup({ params: [b] })).toThrow(OptimizerError);
    expect(opt.paramGroups).toHaveLength(1);
  });

  it('accepts what the message suggests, and the optimizer then updates it', () => {
    const w0 = variable(tensor([1, 2], { dtype: 'float64' })).mul(3);
    const fromValue = variable(w0.value);
    const viaDetach = w0.detach();
    viaDetach.requiresGrad = true;
    const built = variable(tensor([1, 2], { dtype: 'float64' }).mul(3));
    for (const w of [fromValue, viaDetach, built]) {
      const opt = new SGD([w], { lr: 0.5 });
      w.mul(w).sum().backward();
      opt.step();
      expect(Array.from(w.value.data)).toEqual([0, 0]); // w − 0.5·2w
      w0.value.data.set([3, 6]); // fromValue and viaDetach share w0's buffer
    }
  });

  it('a leaf made under noGrad and plain { value, grad } parameters are accepted', () => {
    const x = variable(tensor([1], { dtype: 'float64' }));
    const constant = noGrad(() => x.mul(2));
    expect(() => new SGD([constant], { lr: 0.1 })).not.toThrow();
    expect(
      () => new SGD([{ value: tensor([1], { dtype: 'float64' }), grad: null }], { lr: 0.1 }),
    ).not.toThrow();
  });

  it('every error an optimizer throws on purpose is a GdError, option checks included', () => {
    const w = variable(tensor([1], { dtype: 'float64' }));
    const range = thrown(() => new Adam([w], { betas: [0.9, 1.5] }));
    expect(String(range)).toBe('RangeError: Adam: betas[1] must be in [0, 1), got 1.5');
    expect(range).toBeInstanceOf(RangeError);
    expect(range).toBeInstanceOf(GdError);
    const type = thrown(() => new SGD([w], { lr: '0.1' as unknown as number }));
    expect(type).toBeInstanceOf(TypeError);
    expect(type).toBeInstanceOf(GdError);
    const dtype = thrown(
      () => new SGD([{ value: tensor([1], { dtype: 'int32' }), grad: null }], { lr: 0.1 }),
    );
    expect(dtype).toBeInstanceOf(DTypeError);
    expect(dtype).toBeInstanceOf(GdError);
    expect(InPlaceError).toBeDefined();
  });
});
