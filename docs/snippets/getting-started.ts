// #region first
import { variable } from '@gd/autodiff';
import { Adam } from '@gd/optim';
import { tensor } from '@gd/tensor';

// Minimise the Rosenbrock function (1 − x)² + 100(y − x²)² from (−1.5, 2) with Adam.
const p = variable(tensor([-1.5, 2], { dtype: 'float64' }));
const opt = new Adam([p], { lr: 0.05 });
for (let step = 0; step < 2000; step++) {
  opt.zeroGrad();
  const x = p.slice([[0, 1]]);
  const y = p.slice([[1, 2]]);
  const loss = x
    .neg()
    .add(1)
    .pow(2)
    .add(y.sub(x.pow(2)).pow(2).mul(100))
    .sum();
  loss.backward();
  opt.step();
}
console.log(p.value.toArray()); // close to the minimum [1, 1]
// #endregion first

export const solution = p.value.toArray() as number[];
