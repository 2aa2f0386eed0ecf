import { ShapeError, tensor } from '@gd/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASGD,
  Adadelta,
  Adagrad,
  Adam,
  AdamW,
  Adamax,
  ElementwiseOptimizer,
  type FloatArray,
  NAdam,
  type Optimizer,
  type Parameter,
  RAdam,
  RMSprop,
  Rprop,
  SGD,
} from '../src';
import { PROBLEMS, evaluate, flat, makeParams } from './helpers';

type Make = (params: Parameter[]) => Optimizer<object>;

const FULL_OPTIONS: Array<[string, Make]> = [
  ['SGD', (p) => new SGD(p, { lr: 1e-3, momentum: 0.9, nesterov: true, weightDecay: 0.01 })],
  ['Adagrad', (p) => new Adagrad(p, { lr: 0.1, lrDecay: 0.01, initialAccumulatorValue: 0.1 })],
  ['RMSprop', (p) => new RMSprop(p, { lr: 1e-3, momentum: 0.5, centered: true })],
  ['Adam', (p) => new Adam(p, { lr: 0.01, amsgrad: true, weightDecay: 0.1 })],
  ['AdamW', (p) => new AdamW(p, { lr: 0.01, amsgrad: true })],
  ['Adadelta', (p) => new Adadelta(p, { weightDecay: 0.1 })],
  ['Adamax', (p) => new Adamax(p)],
  ['NAdam', (p) => new NAdam(p, { weightDecay: 0.1 })],
  ['RAdam', (p) => new RAdam(p, { betas: [0.9, 0.9] })],
  ['Rprop', (p) => new Rprop(p)],
  ['ASGD', (p) => new ASGD(p, { lr: 1e-3, t0: 5 })],
];

/** Runs `n` steps on least squares; when `splitAt` is set, continues in a fresh optimizer
 * restored from a JSON round trip of the state dict. */
function trajectory(make: Make, n: number, splitAt?: number): number[][] {
  let params = makeParams([[0.5, -0.5, 0.25], [0.1]]);
  let opt = make(params);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (i === splitAt) {
      const saved = JSON.parse(JSON.stringify(opt.stateDict()));
      params = makeParams([flat(params).slice(0, 3), flat(params).slice(3)]);
      opt = make(params);
      opt.loadStateDict(saved);
    }
    evaluate(PROBLEMS.lstsq, params);
    opt.step();
    rows.push(flat(params));
  }
  return rows;
}

describe('Optimizer: stateDict / loadStateDict', () => {
  it.each(FULL_OPTIONS)(
    '%s continues the identical trajectory after a JSON round trip',
    (_, make) => {
      expect(trajectory(make, 40, 17)).toEqual(trajectory(make, 40));
    },
  );

  it('serialises buffers as { dtype, data } and params as indices', () => {
    const params = makeParams([[1, 2], [3]]);
    const opt = new Adam([{ params: [params[0]] }, { params: [params[1]], lr: 0.5 }]);
    opt.step();
    const sd = opt.stateDict();
    expect(sd.paramGroups.map((g) => g.params)).toEqual([[0], [1]]);
    expect(sd.paramGroups[1].lr).toBe(0.5);
    expect(sd.state['0'].step).toBe(1);
    expect(sd.state['1'].expAvg).toEqual({ dtype: 'float64', data: [0] });
    expect(JSON.parse(JSON.stringify(sd))).toEqual(sd);
  });

  it('keeps non-finite values through JSON and restores float32 buffers as float32', () => {
    const p = { value: tensor([1, 2], { dtype: 'float32' }), grad: tensor([Number.NaN, 1]) };
    const opt = new Adam([p]);
    opt.step();
    const saved = JSON.parse(JSON.stringify(opt.stateDict()));
    expect(saved.state['0'].expAvg.data[0]).toBe('NaN');
    const q = { value: tensor([0, 0], { dtype: 'float32' }), grad: null };
    const fresh = new Adam([q]);
    fresh.loadStateDict(saved);
    const s = fresh.state.get(q)!;
    expect(s.expAvg).toBeInstanceOf(Float32Array);
    expect(Number.isNaN(s.expAvg[0])).toBe(true);
  });

  it('restores the groups’ options and rejects mismatched layouts', () => {
    const [a, b] = makeParams([[1], [2]]);
    const opt = new SGD([a, b], { lr: 0.1 });
    opt.paramGroups[0].lr = 0.02;
    const saved = opt.stateDict();
    const other = new SGD([a, b], { lr: 0.5 });
    other.loadStateDict(saved);
    expect(other.paramGroups[0].lr).toBe(0.02);
    expect(() => new SGD([a], { lr: 0.1 }).loadStateDict(saved)).toThrow(
      /parameter group 0 has 2 parameters in the state dict but 1 here/,
    );
    expect(() =>
      new SGD([{ params: [a] }, { params: [b] }], { lr: 0.1 }).loadStateDict(saved),
    ).toThrow(/1 parameter groups but this optimizer has 2/);
    expect(() => other.loadStateDict({} as never)).toThrow(TypeError);
  });
});

describe('Optimizer: loadStateDict checks the state against the parameters', () => {
  it('rejects buffers whose length is not the parameter’s, leaving the optimizer unchanged', () => {
    const [a] = makeParams([[1, 2, 3]]);
    a.grad = tensor([1, 1, 1], { dtype: 'float64' });
    const three = new Adam([a]);
    three.step();
    const sd = JSON.parse(JSON.stringify(three.stateDict()));
    const [b] = makeParams([[1, 2]]);
    b.grad = tensor([1, 1], { dtype: 'float64' });
    const two = new Adam([b], { lr: 0.5 });
    expect(() => two.loadStateDict(sd)).toThrow(ShapeError);
    expect(() => two.loadStateDict(sd)).toThrow(
      /Adam.loadStateDict: state 'expAvg' of parameter 0 has 3 elements but the parameter has 2 \(shape \[2\]\)/,
    );
    expect(two.paramGroups[0].lr).toBe(0.5);
    expect(two.state.size).toBe(0);
  });

  it('casts loaded buffers to the parameter’s dtype, as PyTorch does', () => {
    const p = {
      value: tensor([1, 2], { dtype: 'float64' }),
      grad: tensor([0.5, -1], { dtype: 'float64' }),
    };
    const opt = new Adam([p]);
    opt.step();
    const sd = opt.stateDict();
    const q = { value: tensor([1, 2], { dtype: 'float32' }), grad: tensor([0.5, -1]) };
    const fresh = new Adam([q]);
    fresh.loadStateDict(sd);
    const s = fresh.state.get(q)!;
    expect(s.expAvg).toBeInstanceOf(Float32Array);
    expect(s.expAvgSq).toBeInstanceOf(Float32Array);
    expect(s.expAvg[1]).toBe(Math.fround(-0.1));
  });
});

describe('Optimizer: parameter groups', () => {
  it('applies per-group overrides over the defaults', () => {
    const [a, b] = makeParams([[1], [1]]);
    const opt = new SGD([{ params: [a] }, { params: [b], lr: 0.5 }], { lr: 0.1 });
    expect(opt.paramGroups.map((g) => g.lr)).toEqual([0.1, 0.5]);
    opt.step();
    expect(a.value.data[0]).toBe(1);
    (a.grad!.data as Float64Array)[0] = 1;
    (b.grad!.data as Float64Array)[0] = 1;
    opt.step();
    expect(a.value.data[0]).toBeCloseTo(0.9, 15);
    expect(b.value.data[0]).toBeCloseTo(0.5, 15);
  });

  it('reads lr from paramGroups on every step (what schedulers change)', () => {
    const [a] = makeParams([[1]]);
    (a.grad!.data as Float64Array)[0] = 1;
    const opt = new Adagrad([a], { lr: 0.1 });
    opt.paramGroups[0].lr = 0;
    opt.step();
    expect(a.value.data[0]).toBe(1);
  });

  it('addParamGroup adds parameters with the defaults and validates them', () => {
    const [a, b] = makeParams([[1], [2]]);
    const opt = new Adam([a], { lr: 0.01 });
    opt.addParamGroup({ params: [b], betas: [0.5, 0.6] });
    expect(opt.paramGroups[1].lr).toBe(0.01);
    expect(opt.paramGroups[1].betas).toEqual([0.5, 0.6]);
    expect(() => opt.addParamGroup({ params: [a] })).toThrow(/more than one parameter group/);
    const [c] = makeParams([[3]]);
    expect(() => opt.addParamGroup({ params: [c], lr: -1 })).toThrow(
      'Adam: param group 2: lr must be >= 0, got -1',
    );
  });

  it('copies array options so groups do not share them', () => {
    const [a, b] = makeParams([[1], [2]]);
    const opt = new Adam([{ params: [a] }, { params: [b] }]);
    opt.paramGroups[0].betas[0] = 0.5;
    expect(opt.paramGroups[1].betas[0]).toBe(0.9);
    expect(opt.defaults.betas[0]).toBe(0.9);
  });
});

describe('Optimizer: input checks', () => {
  it('rejects empty lists, non-parameters, integer parameters and unknown options', () => {
    expect(() => new Adam([])).toThrow(
      'Adam: got an empty parameter list; pass at least one parameter',
    );
    expect(() => new Adam([tensor([1, 2]) as unknown as Parameter])).toThrow(
      /params\[0\] is not a parameter/,
    );
    expect(() => new Adam([{ value: tensor([1, 2], { dtype: 'int32' }), grad: null }])).toThrow(
      /has dtype int32; optimizers update float32 or float64 parameters/,
    );
    const [a] = makeParams([[1]]);
    expect(() => new Adam([a], { weight_decay: 0.1 } as never)).toThrow(
      "Adam: unknown option 'weight_decay'; did you mean 'weightDecay'?",
    );
    expect(() => new Adam([{ params: [a], weight_decay: 0.1 }])).toThrow(
      "Adam: param group 0: unknown option 'weight_decay'; did you mean 'weightDecay'?",
    );
    expect(() => new Adam([a], { momentum: 0.9 } as never)).toThrow(/unknown option 'momentum'/);
  });

  it('rejects a bare parameter where a list is expected, but accepts one as a group’s params', () => {
    const [a] = makeParams([[1]]);
    expect(() => new Adam(a as never)).toThrow(/params must be a list of parameters/);
    expect(new Adam([{ params: a as never }]).paramGroups[0].params).toEqual([a]);
  });

  it('rejects a gradient whose size does not match its parameter', () => {
    const p = { value: tensor([1, 2], { dtype: 'float64' }), grad: tensor([1, 2, 3]) };
    expect(() => new SGD([p], { lr: 0.1 }).step()).toThrow(
      /gradient has 3 elements but its parameter has 2/,
    );
  });

  it('skips parameters without a gradient', () => {
    const p = { value: tensor([1, 2], { dtype: 'float64' }), grad: null };
    const opt = new Adam([p]);
    opt.step();
    expect(Array.from(p.value.data)).toEqual([1, 2]);
    expect(opt.state.size).toBe(0);
  });
});

describe('Optimizer: step and zeroGrad', () => {
  it('step(closure) calls the closure first and returns its loss as a number', () => {
    const params = makeParams([[-1.5, 2]]);
    const opt = new Adam(params, { lr: 0.01 });
    const loss = opt.step(() => evaluate(PROBLEMS.rosenbrock, params));
    expect(loss).toBeCloseTo(12.5, 12);
    expect(flat(params)[0]).toBeCloseTo(-1.49, 10);
    expect(opt.step(() => tensor(3))).toBe(3);
    expect(() => opt.step(() => 'x' as never)).toThrow(/closure must return the loss/);
    expect(opt.step()).toBeUndefined();
  });

  it('zeroGrad sets gradients to null by default, or fills them with zeros', () => {
    const [a, b] = makeParams([[1], [2]]);
    const buf = b.grad!;
    (buf.data as Float64Array)[0] = 5;
    const opt = new SGD([a, b], { lr: 0.1 });
    opt.zeroGrad({ setToNone: false });
    expect(b.grad).toBe(buf);
    expect(buf.data[0]).toBe(0);
    opt.zeroGrad();
    expect(a.grad).toBeNull();
    expect(b.grad).toBeNull();
  });

  it('lets users write their own element-wise rule on ElementwiseOptimizer', () => {
    class SignSGD extends ElementwiseOptimizer<{ lr: number }, Record<string, never>> {
      constructor(params: Parameter[], lr: number) {
        super('SignSGD', params, { lr });
      }
      protected validate(): void {}
      protected initState(): Record<string, never> {
        return {};
      }
      protected update(p: FloatArray, g: FloatArray, _s: object, o: { lr: number }): void {
        for (let i = 0; i < p.length; i++) p[i] -= o.lr * Math.sign(g[i]);
      }
    }
    const params = makeParams([[-1.5, 2]]);
    const opt = new SignSGD(params, 0.25);
    evaluate(PROBLEMS.rosenbrock, params);
    opt.step();
    expect(flat(params)).toEqual([-1.25, 2.25]);
  });
});

describe('Optimizer: properties', () => {
  const hyper = fc.record({
    lr: fc.double({ min: 1e-4, max: 0.1, noNaN: true }),
    beta1: fc.double({ min: 0, max: 0.99, noNaN: true }),
    beta2: fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
    momentum: fc.double({ min: 0, max: 0.99, noNaN: true }),
    flag: fc.boolean(),
  });
  type H = typeof hyper extends fc.Arbitrary<infer T> ? T : never;
  const makers: Array<[string, (p: Parameter[], h: H) => Optimizer<object>]> = [
    [
      'SGD',
      (p, h) => new SGD(p, { lr: h.lr, momentum: h.momentum, nesterov: h.flag && h.momentum > 0 }),
    ],
    ['Adagrad', (p, h) => new Adagrad(p, { lr: h.lr, lrDecay: h.momentum })],
    [
      'RMSprop',
      (p, h) =>
        new RMSprop(p, { lr: h.lr, alpha: h.beta2, momentum: h.momentum, centered: h.flag }),
    ],
    ['Adam', (p, h) => new Adam(p, { lr: h.lr, betas: [h.beta1, h.beta2], amsgrad: h.flag })],
    ['Adadelta', (p, h) => new Adadelta(p, { lr: h.lr, rho: h.beta2 })],
    ['Adamax', (p, h) => new Adamax(p, { lr: h.lr, betas: [h.beta1, h.beta2] })],
    ['NAdam', (p, h) => new NAdam(p, { lr: h.lr, betas: [h.beta1, h.beta2] })],
    ['RAdam', (p, h) => new RAdam(p, { lr: h.lr, betas: [h.beta1, h.beta2] })],
    ['Rprop', (p, h) => new Rprop(p, { lr: h.lr })],
  ];

  it.each(makers)('%s: a zero gradient never moves the parameters', (_, make) => {
    fc.assert(
      fc.property(
        hyper,
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 5 }),
        (h, x0, steps) => {
          const [p] = makeParams([x0]);
          const opt = make([p], h);
          for (let i = 0; i < steps; i++) opt.step();
          expect(Array.from(p.value.data)).toEqual(x0);
        },
      ),
      { numRuns: 40 },
    );
  });

  it.each(makers)('%s: a state dict saved at any step continues the same trajectory', (_, make) => {
    fc.assert(
      fc.property(hyper, fc.integer({ min: 1, max: 12 }), (h, split) => {
        const m: Make = (p) => make(p, h);
        expect(trajectory(m, 14, split)).toEqual(trajectory(m, 14));
      }),
      { numRuns: 15 },
    );
  });
});
