/** Optimizer names of the command line, their flags, and the lectures' forms of each rule. */
import {
  ASGD,
  Adadelta,
  Adagrad,
  Adam,
  AdamW,
  Adamax,
  LBFGS,
  NAdam,
  type Optimizer,
  type Parameter,
  RAdam,
  RMSprop,
  RandomLocalSearch,
  RandomSearch,
  Rprop,
  SGD,
} from '@gd/optim';
import { Generator } from '@gd/tensor';
import type { Command } from 'commander';
import { integer, nonNegative, number, numberList, positive } from './args';
import { UsageError, asUsage } from './errors';

/** Every optimizer name `--optimizer` accepts. */
export const OPTIMIZER_NAMES = [
  'gd',
  'sgd',
  'momentum',
  'nesterov',
  'adagrad',
  'rmsprop',
  'adam',
  'adamw',
  'adadelta',
  'adamax',
  'nadam',
  'radam',
  'rprop',
  'asgd',
  'lbfgs',
  'random-search',
  'random-local-search',
] as const;

/** How an optimizer is stepped: plain (gradients first), with a gradient closure, or values only. */
export type StepKind = 'plain' | 'closure' | 'search';

/** The flags of one command that configure the optimizer. */
export interface OptimizerFlags {
  optimizer: string;
  lr?: string;
  momentum?: string;
  dampening?: string;
  nesterov?: boolean;
  weightDecay?: string;
  betas?: string;
  eps?: string;
  alpha?: string;
  rho?: string;
  lrDecay?: string;
  initialAccumulatorValue?: string;
  amsgrad?: boolean;
  centered?: boolean;
  maximize?: boolean;
  epsInsideSqrt?: boolean;
  momentumDecay?: string;
  etas?: string;
  stepSizes?: string;
  lambd?: string;
  t0?: string;
  maxIter?: string;
  historySize?: string;
  lineSearch?: string;
  std?: string;
  stepSize?: string;
  lectureForm?: string | boolean;
}

/** The lecture forms `--lecture-form [seminar|exercise]` selects, and what each sets. */
export const LECTURE_FORMS: Record<string, Record<string, string>> = {
  momentum: {
    seminar: 'Δθ ← βΔθ − (1−β)α∇E: SGD { lr: (1−β)·lr, momentum: β }',
    exercise: 'v ← μv − εg, w ← w + v: SGD { lr, momentum } (identical at constant lr)',
  },
  nesterov: {
    seminar: 'damped NAG: SGD { lr: (1−β)·lr, momentum: β, nesterov: true }',
    exercise: 'NAG: SGD { lr, momentum, nesterov: true }',
  },
  adagrad: {
    seminar: 'Δθ = −αg/√Σg²: Adagrad { eps: 0 }',
    exercise:
      'h₀ = θ, w ← w − εg/(√h + θ): Adagrad { initialAccumulatorValue: θ, eps: θ } (θ = --eps, 1e-7)',
  },
  rmsprop: {
    seminar: 'Δθ = −αg/√(v + ε): RMSprop { epsInsideSqrt: true }',
    exercise: 'h₀ = θ: RMSprop { eps: θ, initialAccumulatorValue: θ } (θ = --eps, 1e-7)',
  },
  adam: {
    seminar: 'Δθ = −α m̂/√(v̂ + ε): Adam { epsInsideSqrt: true }',
    exercise: "m̂ = m/(1−ρ₁), v̂ = v/(1−ρ₂) without the power t: Adam { biasCorrection: 'constant' }",
  },
};

/** Adds the optimizer flags to a command. */
export function addOptimizerOptions(cmd: Command, defaultOptimizer: string): Command {
  return cmd
    .option('--optimizer <name>', `one of ${OPTIMIZER_NAMES.join(', ')}`, defaultOptimizer)
    .option(
      '--lr <η>',
      'learning rate (PyTorch default of the optimizer when omitted; gd/sgd need it)',
    )
    .option('--momentum <μ>', 'momentum (sgd, rmsprop; 0.9 for momentum/nesterov)')
    .option('--dampening <d>', 'dampening of SGD momentum')
    .option('--nesterov', 'Nesterov momentum (sgd)')
    .option('--weight-decay <λ>', 'L2 penalty (decoupled for adamw)')
    .option('--betas <β1,β2>', 'Adam-family betas, e.g. 0.9,0.999')
    .option('--eps <ε>', 'the ε of the adaptive rules')
    .option('--alpha <α>', 'RMSprop smoothing α; ASGD power α')
    .option('--rho <ρ>', 'Adadelta ρ')
    .option('--lr-decay <d>', 'Adagrad lr decay')
    .option('--initial-accumulator-value <v>', 'Adagrad/RMSprop starting accumulator')
    .option('--amsgrad', 'AMSGrad variant (adam, adamw)')
    .option('--centered', 'centered RMSprop')
    .option('--maximize', 'maximise instead of minimise')
    .option('--eps-inside-sqrt', 'ε inside the square root (rmsprop, adam; the seminar form)')
    .option('--momentum-decay <ψ>', 'NAdam momentum decay')
    .option('--etas <η-,η+>', 'Rprop factors, e.g. 0.5,1.2')
    .option('--step-sizes <min,max>', 'Rprop step-size bounds')
    .option('--lambd <λ>', 'ASGD decay')
    .option('--t0 <t>', 'ASGD averaging start')
    .option('--max-iter <n>', 'L-BFGS iterations per step')
    .option('--history-size <n>', 'L-BFGS memory')
    .option('--line-search <kind>', "L-BFGS line search: 'strong-wolfe' or 'none'")
    .option('--std <σ>', 'random-search draw std (default 1e-4)')
    .option('--step-size <σ>', 'random-local-search perturbation std (default 1e-4)')
    .option(
      '--lecture-form [which]',
      "the lecture notes' form of the rule: 'seminar' (default) or 'exercise' (momentum, nesterov, adagrad, rmsprop, adam)",
    );
}

/** A built optimizer and how to step it. */
export interface BuiltOptimizer {
  optimizer: Optimizer<{ lr: number }>;
  kind: StepKind;
  name: string;
  /** The options passed to the constructor, for printing. */
  options: Record<string, unknown>;
}

/** Builds the named optimizer on `params` from the command's flags. */
export function buildOptimizer(
  params: Parameter[],
  flags: OptimizerFlags,
  seed = 0,
): BuiltOptimizer {
  const name = flags.optimizer.toLowerCase();
  if (!(OPTIMIZER_NAMES as readonly string[]).includes(name))
    throw new UsageError(
      `unknown optimizer '${flags.optimizer}'`,
      `choose one of ${OPTIMIZER_NAMES.join(', ')}`,
    );
  const o: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined) o[key] = value;
  };
  const lr = flags.lr === undefined ? undefined : nonNegative('--lr', flags.lr);
  set('lr', lr);
  set(
    'momentum',
    flags.momentum === undefined ? undefined : nonNegative('--momentum', flags.momentum),
  );
  set(
    'dampening',
    flags.dampening === undefined ? undefined : number('--dampening', flags.dampening),
  );
  if (flags.nesterov) o.nesterov = true;
  set(
    'weightDecay',
    flags.weightDecay === undefined ? undefined : nonNegative('--weight-decay', flags.weightDecay),
  );
  set('betas', flags.betas === undefined ? undefined : numberList('--betas', flags.betas, 2));
  set('eps', flags.eps === undefined ? undefined : nonNegative('--eps', flags.eps));
  set('alpha', flags.alpha === undefined ? undefined : number('--alpha', flags.alpha));
  set('rho', flags.rho === undefined ? undefined : number('--rho', flags.rho));
  set(
    'lrDecay',
    flags.lrDecay === undefined ? undefined : nonNegative('--lr-decay', flags.lrDecay),
  );
  set(
    'initialAccumulatorValue',
    flags.initialAccumulatorValue === undefined
      ? undefined
      : nonNegative('--initial-accumulator-value', flags.initialAccumulatorValue),
  );
  if (flags.amsgrad) o.amsgrad = true;
  if (flags.centered) o.centered = true;
  if (flags.maximize) o.maximize = true;
  if (flags.epsInsideSqrt) o.epsInsideSqrt = true;
  set(
    'momentumDecay',
    flags.momentumDecay === undefined ? undefined : number('--momentum-decay', flags.momentumDecay),
  );
  set('etas', flags.etas === undefined ? undefined : numberList('--etas', flags.etas, 2));
  set(
    'stepSizes',
    flags.stepSizes === undefined ? undefined : numberList('--step-sizes', flags.stepSizes, 2),
  );
  set('lambd', flags.lambd === undefined ? undefined : number('--lambd', flags.lambd));
  set('t0', flags.t0 === undefined ? undefined : number('--t0', flags.t0));
  set('maxIter', flags.maxIter === undefined ? undefined : integer('--max-iter', flags.maxIter));
  set(
    'historySize',
    flags.historySize === undefined ? undefined : integer('--history-size', flags.historySize),
  );
  if (flags.lineSearch !== undefined) {
    if (flags.lineSearch !== 'strong-wolfe' && flags.lineSearch !== 'none')
      throw new UsageError(
        `--line-search must be 'strong-wolfe' or 'none', got '${flags.lineSearch}'`,
      );
    o.lineSearchFn = flags.lineSearch === 'strong-wolfe' ? 'strongWolfe' : null;
  }
  set('std', flags.std === undefined ? undefined : positive('--std', flags.std));
  set(
    'stepSize',
    flags.stepSize === undefined ? undefined : positive('--step-size', flags.stepSize),
  );

  if (flags.lectureForm !== undefined && flags.lectureForm !== false)
    applyLectureForm(name, flags.lectureForm === true ? 'seminar' : flags.lectureForm, o);

  const hint = `see \`gd minimize --help\` for the flags of each optimizer`;
  const needsLr = (what: string) => {
    if (o.lr === undefined)
      throw new UsageError(`${what} needs a learning rate`, 'add --lr, e.g. --lr 0.01');
  };
  const build = (): BuiltOptimizer => {
    switch (name) {
      case 'gd':
      case 'sgd':
        needsLr(name);
        return { optimizer: new SGD(params, o as never), kind: 'plain', name, options: o };
      case 'momentum':
      case 'nesterov': {
        needsLr(name);
        o.momentum ??= 0.9;
        if (name === 'nesterov') o.nesterov = true;
        return { optimizer: new SGD(params, o as never), kind: 'plain', name, options: o };
      }
      case 'adagrad':
        return { optimizer: new Adagrad(params, o as never), kind: 'plain', name, options: o };
      case 'rmsprop':
        return { optimizer: new RMSprop(params, o as never), kind: 'plain', name, options: o };
      case 'adam':
        return { optimizer: new Adam(params, o as never), kind: 'plain', name, options: o };
      case 'adamw':
        return { optimizer: new AdamW(params, o as never), kind: 'plain', name, options: o };
      case 'adadelta':
        return { optimizer: new Adadelta(params, o as never), kind: 'plain', name, options: o };
      case 'adamax':
        return { optimizer: new Adamax(params, o as never), kind: 'plain', name, options: o };
      case 'nadam':
        return { optimizer: new NAdam(params, o as never), kind: 'plain', name, options: o };
      case 'radam':
        return { optimizer: new RAdam(params, o as never), kind: 'plain', name, options: o };
      case 'rprop':
        return { optimizer: new Rprop(params, o as never), kind: 'plain', name, options: o };
      case 'asgd':
        return { optimizer: new ASGD(params, o as never), kind: 'plain', name, options: o };
      case 'lbfgs':
        return { optimizer: new LBFGS(params, o as never), kind: 'closure', name, options: o };
      case 'random-search': {
        const { lr: _lr, ...rest } = o;
        const opt = new RandomSearch(params, { ...rest, generator: new Generator(seed) } as never);
        return {
          optimizer: opt as unknown as BuiltOptimizer['optimizer'],
          kind: 'search',
          name,
          options: rest,
        };
      }
      default: {
        const { lr: _lr, ...rest } = o;
        const opt = new RandomLocalSearch(params, {
          ...rest,
          generator: new Generator(seed),
        } as never);
        return {
          optimizer: opt as unknown as BuiltOptimizer['optimizer'],
          kind: 'search',
          name,
          options: rest,
        };
      }
    }
  };
  return asUsage(build, hint);
}

function applyLectureForm(name: string, which: string, o: Record<string, unknown>): void {
  const forms = LECTURE_FORMS[name];
  if (!forms)
    throw new UsageError(
      `--lecture-form: ${name} has no lecture form`,
      `lecture forms exist for ${Object.keys(LECTURE_FORMS).join(', ')}`,
    );
  if (!forms[which])
    throw new UsageError(
      `--lecture-form: ${name} has no '${which}' form`,
      `choose ${Object.keys(forms).join(' or ')}`,
    );
  const theta = (o.eps as number | undefined) ?? 1e-7;
  if (name === 'momentum' || name === 'nesterov') {
    if (which === 'seminar') {
      if (o.lr === undefined) return;
      const beta = (o.momentum as number | undefined) ?? 0.9;
      o.momentum = beta;
      o.lr = (1 - beta) * (o.lr as number);
    }
  } else if (name === 'adagrad') {
    if (which === 'seminar') o.eps = 0;
    else {
      o.eps = theta;
      o.initialAccumulatorValue = theta;
    }
  } else if (name === 'rmsprop') {
    if (which === 'seminar') o.epsInsideSqrt = true;
    else {
      o.eps = theta;
      o.initialAccumulatorValue = theta;
    }
  } else if (name === 'adam') {
    if (which === 'seminar') o.epsInsideSqrt = true;
    else o.biasCorrection = 'constant';
  }
}
