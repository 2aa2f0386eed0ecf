import { type Var, matmul, variable } from '@gd/autodiff';
import { ShapeError, ones, tensor, zeros } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { BatchNorm1d } from '../src/batch-norm';
import { Dropout } from '../src/dropout';
import { Linear } from '../src/linear';
import { Module, type ModuleInput, StateDictError } from '../src/module';
import { Sequential } from '../src/sequential';

class Affine extends Module {
  w = this.registerParameter('w', variable(ones([2, 2], { dtype: 'float64' })));
  forward(x: ModuleInput): Var {
    return matmul(Module.asVar(x), this.w);
  }
}

class Tied extends Module {
  a: Affine;
  b: Affine;
  constructor() {
    super();
    this.a = this.registerModule('a', new Affine());
    this.b = this.registerModule('b', new Affine());
    this.registerBuffer('scratch', zeros([1]), { persistent: false });
  }
  forward(x: ModuleInput): Var {
    return this.b.forward(this.a.forward(x));
  }
}

describe('Module', () => {
  it('lists parameters by dotted name, depth first, in registration order', () => {
    const net = new Sequential(new Linear(3, 4), new BatchNorm1d(4), new Linear(4, 2));
    expect(net.namedParameters().map(([n]) => n)).toEqual([
      '0.weight',
      '0.bias',
      '1.weight',
      '1.bias',
      '2.weight',
      '2.bias',
    ]);
    expect(net.parameters()).toHaveLength(6);
    expect(net.namedBuffers().map(([n]) => n)).toEqual([
      '1.running_mean',
      '1.running_var',
      '1.num_batches_tracked',
    ]);
    expect(net.children()).toHaveLength(3);
    expect(net.modules()).toHaveLength(4);
    expect(net.numParameters()).toBe(3 * 4 + 4 + 4 + 4 + 4 * 2 + 2);
  });

  it('lists a shared parameter once', () => {
    class Shared extends Module {
      constructor() {
        super();
        const w = variable(ones([2]));
        this.registerParameter('a', w);
        this.registerParameter('b', w);
        this.registerModule('inner', new Affine());
      }
      forward(x: ModuleInput): Var {
        return Module.asVar(x);
      }
    }
    expect(new Shared().namedParameters().map(([n]) => n)).toEqual(['a', 'inner.w']);
  });

  it('train()/eval() switch every descendant', () => {
    const net = new Sequential(new Linear(2, 2), new Sequential(new Dropout(0.5)));
    expect(net.modules().every((m) => m.training)).toBe(true);
    expect(net.eval()).toBe(net);
    expect(net.modules().every((m) => !m.training)).toBe(true);
    net.train();
    expect(net.modules().every((m) => m.training)).toBe(true);
  });

  it('zeroGrad() clears every gradient', () => {
    const net = new Sequential(new Linear(2, 3), new Linear(3, 1));
    net
      .forward(ones([4, 2]))
      .sum()
      .backward();
    expect(net.parameters().every((p) => p.grad !== null)).toBe(true);
    net.zeroGrad();
    expect(net.parameters().every((p) => p.grad === null)).toBe(true);
  });

  it('zeroGrad({ setToNone: false }) keeps the gradient tensors and fills them with zeros', () => {
    const net = new Sequential(new Linear(2, 3), new Linear(3, 1));
    net
      .forward(ones([4, 2]))
      .sum()
      .backward();
    const grads = net.parameters().map((p) => p.grad);
    net.zeroGrad({ setToNone: false });
    net.parameters().forEach((p, i) => {
      expect(p.grad).toBe(grads[i]);
      expect(Array.from(p.grad?.data ?? [1])).toEqual(new Array(p.size).fill(0));
    });
  });

  it('stateDict → JSON → loadStateDict round-trips parameters and buffers in place', () => {
    const a = new Sequential(
      new Linear(3, 4, { dtype: 'float64' }),
      new BatchNorm1d(4, { dtype: 'float64' }),
    );
    a.forward(
      tensor(
        [
          [1, 2, 3],
          [0, 1, -1],
          [2, 2, 2],
        ],
        { dtype: 'float64' },
      ),
    );
    const json = JSON.stringify(a.stateDict());
    const b = new Sequential(
      new Linear(3, 4, { dtype: 'float64' }),
      new BatchNorm1d(4, { dtype: 'float64' }),
    );
    const w = b.parameters()[0];
    const result = b.loadStateDict(JSON.parse(json));
    expect(result).toEqual({ missingKeys: [], unexpectedKeys: [] });
    expect(b.parameters()[0]).toBe(w);
    expect(b.stateDict()).toEqual(a.stateDict());
    expect((b.at(1) as BatchNorm1d).numBatchesTracked).toBe(1);
    const x = tensor([[0.5, -1, 2]], { dtype: 'float64' });
    a.eval();
    b.eval();
    expect(b.forward(x).toArray()).toEqual(a.forward(x).toArray());
  });

  it('stateDict copies: later training does not change a saved dict', () => {
    const m = new Affine();
    const s = m.stateDict();
    m.w.value.data[0] = 42;
    expect(s.w.data[0]).toBe(1);
  });

  it('skips non-persistent buffers', () => {
    expect(Object.keys(new Tied().stateDict())).toEqual(['a.w', 'b.w']);
  });

  it('reports missing / unexpected keys (strict) and shape mismatches with clear errors', () => {
    const m = new Linear(3, 2);
    const s = m.stateDict();
    const { bias: _, ...noBias } = s;
    expect(() => m.loadStateDict(noBias)).toThrow(StateDictError);
    expect(() => m.loadStateDict(noBias)).toThrow(/missing keys: bias/);
    expect(() => m.loadStateDict({ ...s, extra: s.bias })).toThrow(/unexpected keys: extra/);
    expect(m.loadStateDict({ ...noBias, extra: s.bias }, { strict: false })).toEqual({
      missingKeys: ['bias'],
      unexpectedKeys: ['extra'],
    });
    const wrong = {
      ...s,
      weight: { shape: [2, 4], dtype: 'float32' as const, data: new Array(8).fill(0) },
    };
    expect(() => m.loadStateDict(wrong)).toThrow(ShapeError);
    expect(() => m.loadStateDict(wrong)).toThrow(
      "loadStateDict: size mismatch for 'weight': checkpoint has [2, 4], the module has [2, 3]",
    );
    expect(() =>
      m.loadStateDict({ ...s, bias: { shape: [2], dtype: 'float32', data: [1] } }),
    ).toThrow(/'bias' has 1 elements but shape \[2\] needs 2/);
  });

  it('a failed load leaves the module unchanged', () => {
    const m = new Sequential(new Linear(2, 2), new Linear(2, 3));
    const before = m.stateDict();
    const s = m.stateDict();
    s['0.weight'].data = [9, 9, 9, 9];
    s['1.weight'] = { shape: [1], dtype: 'float32', data: [0] };
    expect(() => m.loadStateDict(s)).toThrow(ShapeError);
    expect(m.stateDict()).toEqual(before);
  });

  it('reads null (JSON for NaN) back as NaN and casts to the parameter dtype', () => {
    const m = new Affine();
    m.loadStateDict({ w: { shape: [2, 2], dtype: 'float32', data: [null, 1.5, 2, 3] } });
    expect(Number.isNaN(m.w.value.data[0])).toBe(true);
    expect(m.w.dtype).toBe('float64');
  });

  it('validates registrations and prints a tree', () => {
    class Bad extends Module {
      constructor() {
        super();
        this.registerParameter('a.b', null);
      }
      forward(x: ModuleInput): Var {
        return Module.asVar(x);
      }
    }
    expect(() => new Bad()).toThrow(/without '\.'/);
    expect(new Sequential(new Linear(2, 1)).toString()).toBe(
      'Sequential(\n  (0): Linear(inFeatures=2, outFeatures=1, bias=true)\n)',
    );
  });
});
