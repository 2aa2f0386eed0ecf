import { type Var, variable } from '@gd/autodiff';
import { Adagrad, Adam, RMSprop, SGD } from '@gd/optim';
import { LambdaLR, StepLR } from '@gd/schedulers';
import { tensor } from '@gd/tensor';

/** What the loops below need from an optimizer. */
export interface Stepper {
  zeroGrad(): void;
  step(): unknown;
}

// #region surface
/** A long, narrow valley: steep across (y), shallow along (x) — where plain GD zig-zags. */
export const valley = (p: Var) => {
  const x = p.slice([[0, 1]]);
  const y = p.slice([[1, 2]]);
  return x.pow(2).mul(0.1).add(y.pow(2).mul(2)).sum(); // 0.1x² + 2y²
};
export const start: [number, number] = [-4.5, 2];
// #endregion surface

// #region family
/** Each lecture rule as gd options (the optimizers seminar's forms, PyTorch's defaults elsewhere). */
export const family: { name: string; make: (p: Var[]) => Stepper }[] = [
  { name: 'GD', make: (p) => new SGD(p, { lr: 0.4 }) },
  { name: 'Momentum', make: (p) => new SGD(p, { lr: 0.05, momentum: 0.9 }) },
  { name: 'NAG', make: (p) => new SGD(p, { lr: 0.05, momentum: 0.9, nesterov: true }) },
  { name: 'AdaGrad', make: (p) => new Adagrad(p, { lr: 1.5 }) },
  { name: 'RMSprop', make: (p) => new RMSprop(p, { lr: 0.1, alpha: 0.99, epsInsideSqrt: true }) },
  { name: 'Adam', make: (p) => new Adam(p, { lr: 0.3 }) },
];

/** Runs one optimizer from `start` on `f` and returns the iterates and losses. */
export function trajectory(f: (p: Var) => Var, make: (p: Var[]) => Stepper, steps = 60) {
  const p = variable(tensor(start, { dtype: 'float64' }));
  const opt = make([p]);
  const xs = [start[0]];
  const ys = [start[1]];
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    opt.zeroGrad();
    const loss = f(p);
    loss.backward();
    opt.step();
    losses.push(loss.item());
    const [x, y] = p.value.toArray() as number[];
    xs.push(x);
    ys.push(y);
  }
  return { xs, ys, losses };
}
// #endregion family

// #region schedules
/** The learning rate each epoch under LambdaLR (η₀·0.95^epoch) and StepLR (×0.5 every 20 epochs). */
export function scheduleCurves(epochs = 100) {
  const curves: Record<string, number[]> = {};
  const schedulers = {
    'LambdaLR (0.95^epoch)': (o: SGD) => new LambdaLR(o, { lrLambda: (e: number) => 0.95 ** e }),
    'StepLR (stepSize 20, γ 0.5)': (o: SGD) => new StepLR(o, { stepSize: 20, gamma: 0.5 }),
  };
  for (const [name, make] of Object.entries(schedulers)) {
    const opt = new SGD([variable(tensor([0]))], { lr: 0.1 });
    const sched = make(opt);
    const lrs: number[] = [];
    for (let epoch = 0; epoch < epochs; epoch++) {
      lrs.push(opt.paramGroups[0].lr);
      opt.step(); // (training for one epoch goes here)
      sched.step();
    }
    curves[name] = lrs;
  }
  return curves;
}
// #endregion schedules
