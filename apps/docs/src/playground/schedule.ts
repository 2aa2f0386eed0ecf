// The schedule explorer's computation: the learning rate a scheduler gives each epoch.
import { variable } from '@gd/autodiff';
import { compileExpression } from '@gd/expr';
import { SGD } from '@gd/optim';
import { CosineAnnealingLR, ExponentialLR, LambdaLR, OneCycleLR, StepLR } from '@gd/schedulers';
import { tensor } from '@gd/tensor';

export const SCHEDULERS = [
  'StepLR',
  'ExponentialLR',
  'CosineAnnealingLR',
  'OneCycleLR',
  'LambdaLR',
] as const;
export type SchedulerName = (typeof SCHEDULERS)[number];

export interface ScheduleSettings {
  name: SchedulerName;
  lr: number;
  epochs: number;
  stepSize: number;
  gamma: number;
  etaMin: number;
  maxLr: number;
  /** LambdaLR's factor as a formula of `epoch`, parsed by @gd/expr. */
  lambda: string;
}

/** lr at epochs 0 … epochs − 1, stepping the scheduler once per epoch as PyTorch does. */
export function learningRates(s: ScheduleSettings): number[] {
  const opt = new SGD([variable(tensor([0]))], { lr: s.lr });
  let sched: { step(): void };
  switch (s.name) {
    case 'StepLR':
      sched = new StepLR(opt, { stepSize: s.stepSize, gamma: s.gamma });
      break;
    case 'ExponentialLR':
      sched = new ExponentialLR(opt, { gamma: s.gamma });
      break;
    case 'CosineAnnealingLR':
      sched = new CosineAnnealingLR(opt, { tMax: s.epochs, etaMin: s.etaMin });
      break;
    case 'OneCycleLR':
      sched = new OneCycleLR(opt, { maxLr: s.maxLr, totalSteps: s.epochs });
      break;
    case 'LambdaLR': {
      const f = compileExpression(s.lambda, { dtype: 'float64' });
      const unknown = f.variables.filter((v) => v !== 'epoch');
      if (unknown.length)
        throw new RangeError(`λ may only use the variable epoch, not ${unknown.join(', ')}`);
      sched = new LambdaLR(opt, { lrLambda: (epoch: number) => f.evaluate({ epoch }).item() });
      break;
    }
  }
  const lrs: number[] = [];
  for (let e = 0; e < s.epochs; e++) {
    lrs.push(opt.paramGroups[0].lr);
    opt.step();
    sched.step();
  }
  return lrs;
}
