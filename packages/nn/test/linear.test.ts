import { variable } from '@gd/autodiff';
import { Generator, ShapeError, mean, randn, std, tensor } from '@gd/tensor';
import { afterAll, describe, expect, it } from 'vitest';
import { Linear } from '../src/linear';
import { dec, deviation, expectClose, fixture } from './golden';

describe('Linear matches PyTorch (float64): forward and backward', () => {
  for (const c of fixture.linear) {
    it(c.name, () => {
      const fc = new Linear(c.inFeatures, c.outFeatures, { bias: c.bias, dtype: 'float64' });
      fc.weight.value.data.set(c.weight.data);
      if (c.biasValue) fc.bias?.value.data.set(c.biasValue.data);
      expect(fc.bias === null).toBe(!c.bias);
      const x = variable(dec(c.input));
      const y = fc.forward(x);
      expectClose(y.value, c.output, `${c.name} output`);
      y.backward(dec(c.upstream));
      expectClose(x.grad, c.gradInput, `${c.name} grad input`);
      expectClose(fc.weight.grad, c.gradWeight, `${c.name} grad weight`);
      if (c.gradBias) expectClose(fc.bias?.grad ?? null, c.gradBias, `${c.name} grad bias`);
    });
  }
  afterAll(() => console.log(`Linear: max |deviation| from PyTorch: ${deviation.max}`));
});

function stats(t: { data: ArrayLike<number> }) {
  const d = Array.from(t.data);
  const m = d.reduce((a, b) => a + b, 0) / d.length;
  const s = Math.sqrt(d.reduce((a, b) => a + (b - m) ** 2, 0) / (d.length - 1));
  return { mean: m, std: s, min: Math.min(...d), max: Math.max(...d) };
}

describe('Linear init statistics', () => {
  const gen = () => new Generator(123);
  // 200·300 = 60 000 samples: the sample std is within ~1% of the true one.
  const [out, inF] = [200, 300];

  it("'default' is PyTorch's U(−1/√in, 1/√in) for weight and bias", () => {
    const fc = new Linear(inF, out, { generator: gen(), dtype: 'float64' });
    const bound = 1 / Math.sqrt(inF);
    const w = stats(fc.weight.value);
    expect(w.min).toBeGreaterThanOrEqual(-bound);
    expect(w.max).toBeLessThanOrEqual(bound);
    expect(w.max).toBeGreaterThan(0.99 * bound);
    expect(Math.abs(w.mean)).toBeLessThan(0.01 * bound);
    expect(w.std / (bound / Math.sqrt(3))).toBeCloseTo(1, 1);
    const b = stats(fc.bias!.value);
    expect(b.min).toBeGreaterThanOrEqual(-bound);
    expect(b.max).toBeLessThanOrEqual(bound);
  });

  it("'normal' uses std (default 0.01, the lecture's weight_init_std) and zero bias", () => {
    const fc = new Linear(inF, out, { init: 'normal', generator: gen() });
    const w = stats(fc.weight.value);
    expect(w.std / 0.01).toBeGreaterThan(0.98);
    expect(w.std / 0.01).toBeLessThan(1.02);
    expect(Math.abs(w.mean)).toBeLessThan(0.0002);
    expect([...fc.bias!.value.data].every((v) => v === 0)).toBe(true);
    const wide = new Linear(inF, out, { init: 'normal', std: 0.5, generator: gen() });
    expect(stats(wide.weight.value).std / 0.5).toBeCloseTo(1, 1);
  });

  it('Xavier and Kaiming have the documented spreads', () => {
    const cases: [string, number][] = [
      ['xavierUniform', Math.sqrt(2 / (inF + out))],
      ['xavierNormal', Math.sqrt(2 / (inF + out))],
      ['kaimingUniform', Math.sqrt(2 / inF)],
      ['kaimingNormal', Math.sqrt(2 / inF)],
    ];
    for (const [init, expected] of cases) {
      const fc = new Linear(inF, out, { init: init as 'xavierUniform', generator: gen() });
      const s = stats(fc.weight.value).std;
      expect(s / expected, init).toBeGreaterThan(0.98);
      expect(s / expected, init).toBeLessThan(1.02);
    }
    const xu = stats(
      new Linear(inF, out, { init: 'xavierUniform', generator: gen() }).weight.value,
    );
    expect(xu.max).toBeLessThanOrEqual(Math.sqrt(6 / (inF + out)));
  });

  it('is reproducible with a seeded generator and accepts a custom init function', () => {
    const a = new Linear(4, 3, { generator: new Generator(7) });
    const b = new Linear(4, 3, { generator: new Generator(7) });
    expect(a.weight.toArray()).toEqual(b.weight.toArray());
    const c = new Linear(4, 3, { init: (shape) => randn(shape).mul(0) });
    expect(mean(c.weight.value).item()).toBe(0);
    expect(std(randn([10])).item()).toBeGreaterThan(0);
    expect(() => new Linear(4, 3, { init: () => randn([2, 2]) })).toThrow(/expected \[3, 4\]/);
  });
});

describe('Linear behaviour', () => {
  it('maps [..., in] to [..., out] and checks the feature axis', () => {
    const fc = new Linear(4, 2);
    expect(fc.forward(randn([5, 4])).shape).toEqual([5, 2]);
    expect(fc.forward(randn([3, 5, 4])).shape).toEqual([3, 5, 2]);
    expect(fc.forward(randn([4])).shape).toEqual([2]);
    expect(() => fc.forward(randn([5, 3]))).toThrow(ShapeError);
    expect(() => fc.forward(randn([5, 3]))).toThrow(
      /has 3 features, the layer expects \[\.\.\., 4\]/,
    );
    expect(() => fc.forward(tensor(1))).toThrow(/no feature axis/);
  });

  it('validates sizes and init names', () => {
    expect(() => new Linear(0, 3)).toThrow(/inFeatures must be a positive integer/);
    expect(() => new Linear(3, 2.5)).toThrow(/outFeatures/);
    expect(() => new Linear(3, 2, { init: 'zeros' as 'normal' })).toThrow(/unknown init 'zeros'/);
  });

  it('names its parameters weight and bias and prints like PyTorch', () => {
    const fc = new Linear(3, 2);
    expect(fc.namedParameters().map(([n, p]) => [n, p.shape])).toEqual([
      ['weight', [2, 3]],
      ['bias', [2]],
    ]);
    expect(new Linear(3, 2, { bias: false }).parameters()).toHaveLength(1);
    expect(fc.toString()).toBe('Linear(inFeatures=3, outFeatures=2, bias=true)');
  });
});
