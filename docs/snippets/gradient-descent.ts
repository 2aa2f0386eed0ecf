import { mse } from '@gd/losses';
import { SGD } from '@gd/optim';
import { tensor } from '@gd/tensor';
import { type Var, grad, mul, variable } from '@gd/autodiff';

// #region by-hand
/** x_{n+1} = x_n − η f'(x_n), with f' from autodiff; returns x_0, x_1, …, x_steps. */
export function descend(f: (x: Var) => Var, x0: number, lr: number, steps: number): number[] {
  const df = grad(f);
  const xs = [x0];
  let x = tensor(x0, { dtype: 'float64' });
  for (let i = 0; i < steps; i++) {
    x = x.sub(df(x).mul(lr));
    xs.push(x.item());
  }
  return xs;
}

export const square = (x: Var) => x.pow(2);
export const squarePlusExp = (x: Var) => x.pow(2).add(x.neg().exp()); // x² + e^-x
// #endregion by-hand

// #region optimizer
/** The same iteration with an optimizer, as a training loop is written. */
export function descendWithSGD(f: (x: Var) => Var, x0: number, lr: number, steps: number) {
  const x = variable(tensor(x0, { dtype: 'float64' }));
  const opt = new SGD([x], { lr });
  const xs = [x0];
  for (let i = 0; i < steps; i++) {
    opt.zeroGrad();
    f(x).backward();
    opt.step();
    xs.push(x.value.item());
  }
  return xs;
}
// #endregion optimizer

// #region nonconvex
/** x²/10 + 10 sin(x²/4): gradient descent stops in whichever valley it starts above. */
export const wavy = (x: Var) => x.pow(2).div(10).add(x.pow(2).div(4).sin().mul(10));
export const wavyStarts = [-4.5, -2.5, 1, 3.2];
// #endregion nonconvex

// #region ad-spend
/** The lecture's ad-spend data: visitors ≈ a · spend, fitted by gradient descent on a. */
export const spend = [10, 2, 5, 10, 10, 5];
export const visitors = [12, 4, 8, 12, 11, 4];

export function fitAdSpend(a0 = -4, lr = 0.001, steps = 50) {
  const x = tensor(spend, { dtype: 'float64' });
  const y = tensor(visitors, { dtype: 'float64' });
  const a = variable(tensor(a0, { dtype: 'float64' }));
  const opt = new SGD([a], { lr });
  const path = [a0];
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    opt.zeroGrad();
    const loss = mse(mul(x, a), y); // (1/n) Σ (y_i − a x_i)²
    loss.backward();
    opt.step();
    losses.push(loss.item());
    path.push(a.value.item());
  }
  return { path, losses };
}
// #endregion ad-spend
