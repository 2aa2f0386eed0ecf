import { Generator, type Tensor, randint, randn, tensor } from '@gd/tensor';
import { describe, expect, it, vi } from 'vitest';
import {
  type Var,
  add,
  div,
  gather,
  grad,
  gradCheck,
  matmul,
  maximum,
  mul,
  numericalGrad,
  sub,
  sum,
  variable,
  where,
} from '../src/index';

const f64 = (x: number | number[]) => tensor(x, { dtype: 'float64' });

/**
 * cs231n's multiclass SVM loss (cs231n: Optimization): L = (1/N) Σᵢ Σ_{j≠yᵢ} max(0, sⱼ − s_{yᵢ} + Δ) with
 * scores s = W·X (W: classes × dims, X: dims × N), Δ = 1.
 */
function svmLoss(X: Tensor, y: Tensor) {
  const n = X.shape[1];
  const isCorrect = tensor(
    Array.from({ length: 10 }, (_, j) => Array.from({ length: n }, (_, i) => y.data[i] === j)),
  );
  return (W: Var | Tensor) => {
    const scores = matmul(W, X);
    const correct = gather(scores, 0, y.reshape([1, n]));
    const margins = maximum(0, add(sub(scores, correct), 1));
    return div(sum(where(isCorrect, 0, margins)), n);
  };
}

describe('numericalGrad (cs231n: Optimization: analytic vs numerical gradient)', () => {
  const gen = new Generator(231);
  const X = randn([7, 5], { dtype: 'float64', generator: gen });
  const y = randint(0, 10, [5], { generator: gen });
  const W = randn([10, 7], { dtype: 'float64', generator: gen }).mul(0.01);
  const loss = svmLoss(X, y);

  it('the analytic gradient of the SVM loss matches the lecture’s finite differences', () => {
    const analytic = grad(loss)(W);
    const central = numericalGrad(loss, W);
    const forward = numericalGrad(loss, W, { method: 'forward', h: 1e-5 });
    let maxRelCentral = 0;
    let maxAbsForward = 0;
    let maxAbsCentral = 0;
    for (let i = 0; i < W.size; i++) {
      const a = analytic.data[i];
      const c = central.data[i];
      maxAbsCentral = Math.max(maxAbsCentral, Math.abs(a - c));
      maxAbsForward = Math.max(maxAbsForward, Math.abs(a - forward.data[i]));
      // cs231n's relative error |a − n| / max(|a|, |n|)
      if (a !== 0 || c !== 0)
        maxRelCentral = Math.max(
          maxRelCentral,
          Math.abs(a - c) / Math.max(Math.abs(a), Math.abs(c)),
        );
    }
    // The loss is piecewise linear: both differences are exact away from kinks up to rounding.
    expect(maxRelCentral).toBeLessThan(1e-7);
    expect(maxAbsForward).toBeLessThan(1e-8);
    expect(maxAbsCentral).toBeLessThan(1e-8);
    expect(central.shape).toEqual(W.shape);
  });

  it('forward differences err by O(h), central by O(h²) (x³ at 1, exact slope 3)', () => {
    const cube = (x: Var | Tensor) => mul(mul(x, x), x);
    const fwd = numericalGrad(cube, f64([1]), { method: 'forward', h: 1e-4 }).data[0];
    const cen = numericalGrad(cube, f64([1]), { method: 'central', h: 1e-4 }).data[0];
    expect(fwd - 3).toBeCloseTo(3e-4, 6); // 3h + h²
    expect(Math.abs(cen - 3)).toBeLessThan(2e-8); // h²
    expect(Math.abs(cen - 3)).toBeLessThan(Math.abs(fwd - 3) / 1000);
  });

  it('restores x and validates its options', () => {
    const x = f64([1, 2]);
    numericalGrad((v: Tensor) => v.sum(), x);
    expect(x.toArray()).toEqual([1, 2]);
    expect(() => numericalGrad((v: Tensor) => v.sum(), x, { h: 0 })).toThrow(RangeError);
    expect(() =>
      numericalGrad((v: Tensor) => v.sum(), x, { method: 'backward' as 'forward' }),
    ).toThrow(/method/);
    expect(() => numericalGrad((v: Tensor) => v, x)).toThrow(/one element/);
    expect(() => numericalGrad((v: Tensor) => v.sum(), tensor([1], { dtype: 'int32' }))).toThrow(
      /float64/,
    );
  });
});

describe('gradCheck', () => {
  it('passes for a correct gradient and reports tiny errors', () => {
    const r = gradCheck(
      (x: Var, w: Var) => matmul(x, w).tanh(),
      [
        randn([2, 3], { dtype: 'float64', generator: new Generator(1) }),
        randn([3, 2], { dtype: 'float64', generator: new Generator(2) }),
      ],
    );
    expect(r.ok).toBe(true);
    expect(r.maxAbsError).toBeLessThan(1e-8);
    expect(r.maxRelError).toBeLessThan(1e-6);
    expect(r.worst).not.toBeNull();
  });

  it('catches a wrong gradient and names the worst entry', () => {
    // detach() hides one factor from autodiff: analytic d/dx (x·x) becomes x instead of 2x.
    const r = gradCheck(
      (x: Var | Tensor) => ('detach' in x ? mul(x.detach(), x) : mul(x, x)),
      [f64([1, 3])],
    );
    expect(r.ok).toBe(false);
    expect(r.worst!.inputIndex).toBe(1);
    expect(r.worst!.analytic).toBeCloseTo(3, 12);
    expect(r.worst!.numerical).toBeCloseTo(6, 6);
    expect(r.maxAbsError).toBeCloseTo(3, 6);
  });

  it('takes a single Tensor as the one input, as torch.autograd.gradcheck', () => {
    const r = gradCheck((x: Var) => x.square().sum(), f64([1, 2]));
    expect(r.ok).toBe(true);
    expect(r.worst!.input).toBe(0);
  });

  it('rejects inputs it cannot check with a typed error naming what was wrong', () => {
    const sq = (x: Var) => x.square().sum();
    expect(() => gradCheck(sq, [3 as never])).toThrow(
      /gradCheck: inputs\[0\] must be a Tensor, got number 3/,
    );
    expect(() => gradCheck(sq, [variable(f64([1]))] as never)).toThrow(/a Var; pass its \.value/);
    expect(() => gradCheck(sq, 'x' as never)).toThrow(/inputs must be a Tensor or an array/);
    expect(() => gradCheck(sq, [tensor([1, 2], { dtype: 'int32' })])).toThrow(
      /gradCheck: no input is a float tensor \(dtypes int32\)/,
    );
    expect(() => gradCheck(sq, [f64([1])], { eps: 0 })).toThrow(RangeError);
    expect(() => gradCheck(sq, [f64([1])], { eps: -1e-6 })).toThrow(/eps must be a positive/);
    expect(() => gradCheck(sq, [f64([1])], { atol: -1 })).toThrow(/atol must be a non-negative/);
    expect(() => gradCheck(sq, [f64([1])], { rtol: Number.NaN })).toThrow(/rtol/);
  });

  it('skips integer inputs and warns once about float32', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const r = gradCheck(
      (x: Var, k: Tensor) => mul(x, k.astype('float32')),
      [tensor([1, 2]), tensor([3, 4], { dtype: 'int32' })],
      {
        atol: 1e-2,
        eps: 1e-3,
      },
    );
    expect(r.ok).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/float64/);
    warn.mockRestore();
  });
});
