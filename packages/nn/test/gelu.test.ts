import { type Var, grad, gradCheck, hessian, variable } from '@gd/autodiff';
import { tensor } from '@gd/tensor';
import { afterAll, describe, expect, it } from 'vitest';
import { GELU } from '../src/gelu';
import { dec, deviation, expectClose, fixture } from './golden';

describe('GELU matches PyTorch (float64)', () => {
  for (const c of fixture.activations.filter((a) => a.module === 'GELU')) {
    it(c.name, () => {
      const g = new GELU(c.options as { approximate?: 'none' | 'tanh' });
      const x = variable(dec(c.input));
      const y = g.forward(x);
      expectClose(y.value, c.output, `${c.name} output`);
      y.backward(dec(c.upstream));
      expectClose(x.grad, c.gradInput, `${c.name} grad`);
    });
  }
  afterAll(() => console.log(`GELU: max |deviation| from PyTorch: ${deviation.max}`));
});

describe('GELU derivatives', () => {
  it('passes gradCheck in both forms', () => {
    const x = tensor([-2.5, -0.3, 0, 0.4, 1.7], { dtype: 'float64' });
    for (const approximate of ['none', 'tanh'] as const) {
      const g = new GELU({ approximate });
      const r = gradCheck((v) => g.forward(v).sum(), [x]);
      expect(r.ok, `${approximate}: ${JSON.stringify(r)}`).toBe(true);
    }
  });

  it('has the exact second derivative 2φ(x) − x²φ(x)', () => {
    const g = new GELU();
    const at = 0.7;
    const h = hessian((v) => g.forward(v).sum())(tensor([at], { dtype: 'float64' }));
    const phi = Math.exp(-0.5 * at * at) / Math.sqrt(2 * Math.PI);
    expect(h.data[0]).toBeCloseTo(2 * phi - at * at * phi, 12);
  });

  it('has the exact third derivative φ(x)(x³ − 4x) (every order is exact now)', () => {
    const g = new GELU();
    const d1 = grad((v: Var) => g.forward(v).sum()) as unknown as (v: Var) => Var;
    const d2 = grad((v: Var) => d1(v).sum()) as unknown as (v: Var) => Var;
    const d3 = grad((v: Var) => d2(v).sum());
    const xs = [-2.5, -0.7, 0, 0.4, 1.9];
    const got = d3(tensor(xs, { dtype: 'float64' })).toArray() as number[];
    xs.forEach((at, i) => {
      const phi = Math.exp(-0.5 * at * at) / Math.sqrt(2 * Math.PI);
      expect(got[i]).toBeCloseTo(phi * (at ** 3 - 4 * at), 13);
    });
  });

  it('keeps full relative precision far in the left tail, where 1 + erf(x/√2) cancels', () => {
    const y = new GELU().forward(tensor([-30], { dtype: 'float64' })).item();
    // x·Φ(x) with Φ(−30) = ½·erfc(30/√2) ≈ 4.906713927148187e-198
    expect(y / (-30 * 4.906713927148187e-198)).toBeCloseTo(1, 12);
  });

  it('rejects an unknown approximation', () => {
    expect(() => new GELU({ approximate: 'erf' as 'none' })).toThrow(/approximate/);
  });
});
