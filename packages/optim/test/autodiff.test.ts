/**
 * End to end with @gd/autodiff: parameters are `variable(...)`s, gradients come from
 * `backward()`, the optimizers read `.grad` and write `.value` in place.
 */
import { type Var, add, exp, mul, neg, sub, variable } from '@gd/autodiff';
import { describe, expect, it } from 'vitest';
import { Adam, LBFGS, SGD, clipGradNorm } from '../src';
import { TOL, casesOf, maxRelDev } from './helpers';

function rosenbrock(x: Var, y: Var): Var {
  const a = sub(1, x);
  const d = sub(y, mul(x, x));
  return add(mul(a, a), mul(mul(d, d), 100));
}

describe('with @gd/autodiff', () => {
  it('Adam on Rosenbrock via variable + backward follows torch.optim.Adam', () => {
    const c = casesOf('Adam').find(
      (k) => k.problem === 'rosenbrock' && Object.keys(k.options).length === 0,
    )!;
    const x = variable(-1.5, { dtype: 'float64' });
    const y = variable(2, { dtype: 'float64' });
    const opt = new Adam([x, y]);
    let dev = 0;
    for (let k = 0; k < c.trajectory.length; k++) {
      opt.zeroGrad();
      rosenbrock(x, y).backward();
      opt.step();
      dev = Math.max(dev, maxRelDev([x.item(), y.item()], c.trajectory[k]));
    }
    expect(dev).toBeLessThanOrEqual(TOL);
  });

  it('LBFGS with a closure that calls backward reaches the Rosenbrock minimum', () => {
    const x = variable(-1.5, { dtype: 'float64' });
    const y = variable(2, { dtype: 'float64' });
    const opt = new LBFGS([x, y], { lineSearchFn: 'strongWolfe' });
    for (let i = 0; i < 10; i++) {
      opt.step(() => {
        opt.zeroGrad();
        const loss = rosenbrock(x, y);
        loss.backward();
        return loss;
      });
    }
    expect(x.item()).toBeCloseTo(1, 5);
    expect(y.item()).toBeCloseTo(1, 5);
  });

  it('GD on x² + e^-x with autodiff gradients ends at the lecture’s 0.3517383210080008', () => {
    const x = variable(3, { dtype: 'float64' });
    const opt = new SGD([x], { lr: 0.0005 });
    for (let i = 0; i < 10001; i++) {
      opt.zeroGrad();
      add(mul(x, x), exp(neg(x))).backward();
      opt.step();
    }
    expect(String(x.item())).toBe('0.3517383210080008');
  });

  it('clipGradNorm rescales the gradients backward produced', () => {
    const w = variable([3, 4], { dtype: 'float64' });
    mul(w, w).sum().mul(0.5).backward();
    expect(clipGradNorm([w], 1)).toBeCloseTo(5, 14);
    const g = Array.from(w.grad!.data);
    expect(Math.hypot(g[0], g[1])).toBeCloseTo(1, 6);
  });
});
