/** `--schedule name:key=value,…` and `gd schedule`: every scheduler of @gd/schedulers by name. */
import { compileExpression } from '@gd/expr';
import {
  ConstantLR,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  CyclicLR,
  ExponentialLR,
  LambdaLR,
  LinearLR,
  MultiStepLR,
  MultiplicativeLR,
  OneCycleLR,
  type OptimizerLike,
  PolynomialLR,
  ReduceLROnPlateau,
  StepLR,
} from '@gd/schedulers';
import type { Tensor } from '@gd/tensor';
import { type SpecValue, parseSpec } from './args';
import { UsageError, asUsage } from './errors';

/** A scheduler the CLI steps: once per step (minimize) or per epoch (train). */
export interface CliScheduler {
  step(metric?: number): void;
  stateDict(): Record<string, unknown>;
  loadStateDict(state: Record<string, unknown>): void;
}

type Factory = (opt: OptimizerLike, options: Record<string, unknown>) => CliScheduler;

const FACTORIES: Record<string, { make: Factory; title: string; example: string }> = {
  steplr: {
    make: (o, x) => new StepLR(o, x as never),
    title: 'StepLR',
    example: 'steplr:stepSize=30,gamma=0.1',
  },
  multisteplr: {
    make: (o, x) => new MultiStepLR(o, x as never),
    title: 'MultiStepLR',
    example: 'multisteplr:milestones=[30,80],gamma=0.1',
  },
  exponentiallr: {
    make: (o, x) => new ExponentialLR(o, x as never),
    title: 'ExponentialLR',
    example: 'exponentiallr:gamma=0.95',
  },
  cosineannealinglr: {
    make: (o, x) => new CosineAnnealingLR(o, x as never),
    title: 'CosineAnnealingLR',
    example: 'cosineannealinglr:tMax=50',
  },
  cosineannealingwarmrestarts: {
    make: (o, x) => new CosineAnnealingWarmRestarts(o, x as never),
    title: 'CosineAnnealingWarmRestarts',
    example: 'cosineannealingwarmrestarts:t0=10,tMult=2',
  },
  cycliclr: {
    make: (o, x) => new CyclicLR(o, x as never),
    title: 'CyclicLR',
    example: 'cycliclr:baseLr=0.001,maxLr=0.1,stepSizeUp=10',
  },
  onecyclelr: {
    make: (o, x) => new OneCycleLR(o, x as never),
    title: 'OneCycleLR',
    example: 'onecyclelr:maxLr=0.1,totalSteps=100',
  },
  linearlr: {
    make: (o, x) => new LinearLR(o, x as never),
    title: 'LinearLR',
    example: 'linearlr:startFactor=0.1,totalIters=10',
  },
  constantlr: {
    make: (o, x) => new ConstantLR(o, x as never),
    title: 'ConstantLR',
    example: 'constantlr:factor=0.5,totalIters=10',
  },
  polynomiallr: {
    make: (o, x) => new PolynomialLR(o, x as never),
    title: 'PolynomialLR',
    example: 'polynomiallr:totalIters=100,power=2',
  },
  lambdalr: {
    make: (o, x) => new LambdaLR(o, x as never),
    title: 'LambdaLR',
    example: 'lambdalr:lrLambda=0.95^epoch',
  },
  multiplicativelr: {
    make: (o, x) => new MultiplicativeLR(o, x as never),
    title: 'MultiplicativeLR',
    example: 'multiplicativelr:lrLambda=0.95',
  },
  reducelronplateau: {
    make: (o, x) => new ReduceLROnPlateau(o, x as never) as unknown as CliScheduler,
    title: 'ReduceLROnPlateau',
    example: 'reducelronplateau:factor=0.5,patience=2',
  },
};

/** Scheduler names `--schedule` and `gd schedule` accept. */
export const SCHEDULE_NAMES: readonly string[] = Object.keys(FACTORIES);

/** The canonical key of a scheduler name (`StepLR`, `step-lr`, `steplr` → `steplr`). */
function canonical(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

/** An lr multiplier typed as a formula of `epoch` (also `t`), compiled by @gd/expr. */
function lambdaOf(source: string): (epoch: number) => number {
  const f = compileExpression(source);
  const extra = f.variables.filter((v) => v !== 'epoch' && v !== 't');
  if (extra.length > 0)
    throw new UsageError(
      `lrLambda may only use the variable epoch, got ${extra.join(', ')}`,
      'e.g. lambdalr:lrLambda=0.95^epoch',
    );
  return (epoch) => (f.evaluate({ epoch, t: epoch }) as Tensor).item();
}

/** A parsed `--schedule` value, ready to attach to an optimizer. */
export interface ScheduleSpec {
  name: string;
  title: string;
  options: Record<string, unknown>;
  /** Whether it is stepped with a metric (ReduceLROnPlateau). */
  needsMetric: boolean;
  make(opt: OptimizerLike): CliScheduler;
}

/** Parses `name:key=value,…` (or a bare name plus `extra` options) into a scheduler factory. */
export function parseSchedule(
  option: string,
  raw: string,
  extra: Map<string, SpecValue> = new Map(),
): ScheduleSpec {
  const { name, options } = parseSpec(option, raw);
  const key = canonical(name);
  const entry = FACTORIES[key];
  if (!entry)
    throw new UsageError(
      `unknown scheduler '${name}'`,
      `choose one of ${SCHEDULE_NAMES.join(', ')}, e.g. ${option === '--schedule' ? '--schedule ' : ''}steplr:stepSize=30,gamma=0.1`,
    );
  const o: Record<string, unknown> = {};
  for (const [k, v] of [...options, ...extra]) {
    if (k === 'lrLambda' || k === 'scaleFn')
      o[k] = typeof v === 'number' ? () => v : typeof v === 'string' ? lambdaOf(v) : v;
    else o[k] = v;
  }
  return {
    name: key,
    title: entry.title,
    options: o,
    needsMetric: key === 'reducelronplateau',
    make: (opt) => asUsage(() => entry.make(opt, o), `e.g. ${entry.example}`),
  };
}

/** One example spec per scheduler, for help texts. */
export function scheduleExamples(): string[] {
  return Object.values(FACTORIES).map((f) => f.example);
}
