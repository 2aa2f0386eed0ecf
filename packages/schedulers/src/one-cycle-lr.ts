import { GdRangeError, GdTypeError } from '@gd/errors';
import { SchedulerError } from './errors.js';
import { type MomentumKey, momentumKeyOf, setMomentum } from './momentum.js';
import { type Group, numberKey, type OptimizerLike } from './optimizer.js';
import type { Schedule } from './schedule.js';
import { LRScheduler } from './scheduler.js';
import { finite, inRange, integer, oneOf, perGroup, positive } from './validate.js';

/** How OneCycleLR moves between its phase end points. */
export type AnnealStrategy = 'cos' | 'linear';

type LrKey = 'initialLr' | 'maxLr' | 'minLr';
type MomentumBound = 'maxMomentum' | 'baseMomentum';

/** One phase of the 1cycle policy: where it ends and which group values it moves between. */
export interface OneCyclePhase {
  endStep: number;
  startLr: LrKey;
  endLr: LrKey;
  startMomentum: MomentumBound;
  endMomentum: MomentumBound;
}

/** Options shared by {@link OneCycleLR} and the pure one-cycle schedules. */
export interface OneCycleShapeOptions {
  /** Total steps of the cycle; or give `epochs` and `stepsPerEpoch`. */
  totalSteps?: number | null;
  /** Epochs, used with `stepsPerEpoch` when `totalSteps` is not given. */
  epochs?: number | null;
  /** Steps per epoch, used with `epochs`. */
  stepsPerEpoch?: number | null;
  /** Fraction of the cycle spent increasing the lr; default 0.3. */
  pctStart?: number;
  /** 'cos' (default) or 'linear'. */
  annealStrategy?: AnnealStrategy;
  /** Use the paper's three phases instead of fastai's two; default false. */
  threePhase?: boolean;
}

/** Options of {@link OneCycleLR}. */
export interface OneCycleLROptions extends OneCycleShapeOptions {
  /** Peak learning rate, one value or one per group. */
  maxLr: number | readonly number[];
  /** Cycle momentum inversely to the lr; default true. */
  cycleMomentum?: boolean;
  /** Momentum at the lr peak; default 0.85. */
  baseMomentum?: number | readonly number[];
  /** Momentum at the start and end; default 0.95. */
  maxMomentum?: number | readonly number[];
  /** initialLr = maxLr / divFactor; default 25. */
  divFactor?: number;
  /** minLr = initialLr / finalDivFactor; default 1e4. */
  finalDivFactor?: number;
  /** Index of the last batch when resuming; default −1. */
  lastEpoch?: number;
}

/** Cosine interpolation from `start` (pct = 0) to `end` (pct = 1). */
export function annealCos(start: number, end: number, pct: number): number {
  const cosOut = Math.cos(Math.PI * pct) + 1;
  return end + ((start - end) / 2.0) * cosOut;
}

/** Linear interpolation from `start` (pct = 0) to `end` (pct = 1). */
export function annealLinear(start: number, end: number, pct: number): number {
  return (end - start) * pct + start;
}

interface Shape {
  totalSteps: number;
  phases: OneCyclePhase[];
  anneal: (start: number, end: number, pct: number) => number;
  annealStrategy: AnnealStrategy;
  pctStart: number;
  threePhase: boolean;
}

function oneCycleShape(owner: string, options: OneCycleShapeOptions): Shape {
  let totalSteps: number;
  if (options.totalSteps != null) {
    totalSteps = integer(owner, 'totalSteps', options.totalSteps, 1);
  } else if (options.epochs != null || options.stepsPerEpoch != null) {
    totalSteps =
      integer(owner, 'epochs', options.epochs, 1) *
      integer(owner, 'stepsPerEpoch', options.stepsPerEpoch, 1);
  } else {
    throw new GdTypeError(`${owner}: give either totalSteps or both epochs and stepsPerEpoch`);
  }
  const pctStart = inRange(owner, 'pctStart', options.pctStart ?? 0.3, 0, 1);
  const annealStrategy = oneOf(owner, 'annealStrategy', options.annealStrategy ?? 'cos', [
    'cos',
    'linear',
  ]);
  const threePhase = options.threePhase ?? false;
  const up = pctStart * totalSteps - 1;
  const phases: OneCyclePhase[] = threePhase
    ? [
        {
          endStep: up,
          startLr: 'initialLr',
          endLr: 'maxLr',
          startMomentum: 'maxMomentum',
          endMomentum: 'baseMomentum',
        },
        {
          endStep: 2 * pctStart * totalSteps - 2,
          startLr: 'maxLr',
          endLr: 'initialLr',
          startMomentum: 'baseMomentum',
          endMomentum: 'maxMomentum',
        },
        {
          endStep: totalSteps - 1,
          startLr: 'initialLr',
          endLr: 'minLr',
          startMomentum: 'maxMomentum',
          endMomentum: 'maxMomentum',
        },
      ]
    : [
        {
          endStep: up,
          startLr: 'initialLr',
          endLr: 'maxLr',
          startMomentum: 'maxMomentum',
          endMomentum: 'baseMomentum',
        },
        {
          endStep: totalSteps - 1,
          startLr: 'maxLr',
          endLr: 'minLr',
          startMomentum: 'baseMomentum',
          endMomentum: 'maxMomentum',
        },
      ];
  let start = 0;
  for (const phase of phases) {
    if (phase.endStep === start) {
      // PyTorch raises ZeroDivisionError here on the first step inside this phase.
      throw new GdRangeError(
        `${owner}: pctStart = ${pctStart} with totalSteps = ${totalSteps} gives a phase of zero length; change pctStart or totalSteps`,
      );
    }
    start = phase.endStep;
  }
  return {
    totalSteps,
    phases,
    anneal: annealStrategy === 'cos' ? annealCos : annealLinear,
    annealStrategy,
    pctStart,
    threePhase,
  };
}

/** The phase containing `step` and the fraction of it done, as PyTorch's `get_lr` finds them. */
function locate(
  phases: readonly OneCyclePhase[],
  step: number,
): { phase: OneCyclePhase; pct: number } {
  let start = 0;
  for (let i = 0; i < phases.length; i++) {
    const phase = phases[i];
    if (step <= phase.endStep || i === phases.length - 1) {
      return { phase, pct: (step - start) / (phase.endStep - start) };
    }
    start = phase.endStep;
  }
  throw new SchedulerError('OneCycleLR: no phases');
}

/**
 * The 1cycle policy (Smith & Topin, super-convergence; PyTorch's `OneCycleLR`): the lr rises
 * from maxLr/divFactor to maxLr over the first `pctStart` of the cycle, then anneals to
 * initialLr/finalDivFactor; momentum moves inversely between `maxMomentum` and `baseMomentum`
 * (`momentum`, or Adam's `betas[0]`). Step it after every batch; stepping more than
 * `totalSteps` times throws.
 *
 * Within a phase from step s₀ to s₁ between values a and b, with p = (t − s₀)/(s₁ − s₀):
 * cos: b + (a − b)/2·(1 + cos πp); linear: a + (b − a)·p.
 * Two phases (default): [0, pctStart·T − 1] initialLr → maxLr, then → minLr at T − 1.
 * Three phases: up, back down to initialLr at 2·pctStart·T − 2, then → minLr.
 *
 * Defaults: pctStart = 0.3, annealStrategy = 'cos', cycleMomentum = true, baseMomentum = 0.85,
 * maxMomentum = 0.95, divFactor = 25, finalDivFactor = 1e4, threePhase = false.
 *
 * @example
 * ```ts
 * const opt = { paramGroups: [{ lr: 0.01, momentum: 0.9 }] };
 * const sched = new OneCycleLR(opt, { maxLr: 0.1, totalSteps: 100 });
 * opt.paramGroups[0].lr; // 0.004 = 0.1 / 25
 * ```
 */
export class OneCycleLR extends LRScheduler {
  totalSteps: number;
  pctStart: number;
  annealStrategy: AnnealStrategy;
  threePhase: boolean;
  phases: OneCyclePhase[];
  cycleMomentum: boolean;
  momentumKey: MomentumKey | null = null;

  constructor(optimizer: OptimizerLike, options: OneCycleLROptions) {
    super(optimizer, 'OneCycleLR');
    const owner = 'OneCycleLR';
    const shape = oneCycleShape(owner, options ?? {});
    this.totalSteps = shape.totalSteps;
    this.pctStart = shape.pctStart;
    this.annealStrategy = shape.annealStrategy;
    this.threePhase = shape.threePhase;
    this.phases = shape.phases;
    const lastEpoch = options.lastEpoch ?? -1;
    const groups = this.groups();
    const n = groups.length;
    const divFactor = positive(owner, 'divFactor', options.divFactor ?? 25);
    const finalDivFactor = positive(owner, 'finalDivFactor', options.finalDivFactor ?? 1e4);
    const maxLrs = perGroup(owner, 'maxLr', options.maxLr, n).map((v, i) =>
      finite(owner, `maxLr[${i}]`, v),
    );
    if (lastEpoch === -1) {
      groups.forEach((g, i) => {
        g.initialLr = maxLrs[i] / divFactor;
        g.maxLr = maxLrs[i];
        g.minLr = (g.initialLr as number) / finalDivFactor;
      });
    }
    this.cycleMomentum = options.cycleMomentum ?? true;
    if (this.cycleMomentum) {
      const key = momentumKeyOf(optimizer, owner);
      this.momentumKey = key;
      const maxM = perGroup(owner, 'maxMomentum', options.maxMomentum ?? 0.95, n);
      const baseM = perGroup(owner, 'baseMomentum', options.baseMomentum ?? 0.85, n);
      if (lastEpoch === -1) {
        groups.forEach((g, i) => {
          const m = finite(owner, `maxMomentum[${i}]`, maxM[i]);
          setMomentum(g, key, m);
          g.maxMomentum = m;
          g.baseMomentum = finite(owner, `baseMomentum[${i}]`, baseM[i]);
        });
      }
    }
    this.attach(lastEpoch);
  }

  protected getLr(): number[] {
    const step = this.lastEpoch;
    if (step > this.totalSteps) {
      throw new SchedulerError(
        `OneCycleLR: tried to step ${step + 1} times but totalSteps is ${this.totalSteps}; ` +
          'raise totalSteps (or epochs/stepsPerEpoch) to cover the whole run',
      );
    }
    const anneal = this.annealStrategy === 'cos' ? annealCos : annealLinear;
    const { phase, pct } = locate(this.phases, step);
    return this.groups().map((g: Group, i) => {
      const lr = anneal(
        numberKey(g, phase.startLr, i, 'OneCycleLR'),
        numberKey(g, phase.endLr, i, 'OneCycleLR'),
        pct,
      );
      if (this.cycleMomentum && this.momentumKey !== null) {
        const m = anneal(
          numberKey(g, phase.startMomentum, i, 'OneCycleLR'),
          numberKey(g, phase.endMomentum, i, 'OneCycleLR'),
          pct,
        );
        setMomentum(g, this.momentumKey, m);
      }
      return lr;
    });
  }
}

/**
 * The learning rate of {@link OneCycleLR} at step t as a pure function (t ≤ totalSteps).
 *
 * @example
 * ```ts
 * const s = oneCycleLRSchedule({ maxLr: 0.1, totalSteps: 100 });
 * s(0); // 0.004
 * s(29); // 0.1 (peak at pctStart·T − 1)
 * ```
 */
export function oneCycleLRSchedule(
  options: { maxLr: number; divFactor?: number; finalDivFactor?: number } & OneCycleShapeOptions,
): Schedule {
  const owner = 'oneCycleLRSchedule';
  const shape = oneCycleShape(owner, options ?? {});
  const maxLr = finite(owner, 'maxLr', options.maxLr);
  const initialLr = maxLr / positive(owner, 'divFactor', options.divFactor ?? 25);
  const values = {
    initialLr,
    maxLr,
    minLr: initialLr / positive(owner, 'finalDivFactor', options.finalDivFactor ?? 1e4),
  };
  return (t) => {
    if (t > shape.totalSteps) {
      throw new GdRangeError(`${owner}: step ${t} is past totalSteps = ${shape.totalSteps}`);
    }
    const { phase, pct } = locate(shape.phases, t);
    return shape.anneal(values[phase.startLr], values[phase.endLr], pct);
  };
}

/**
 * The momentum of {@link OneCycleLR} at step t. Defaults: baseMomentum = 0.85,
 * maxMomentum = 0.95.
 *
 * @example
 * ```ts
 * oneCycleMomentumSchedule({ totalSteps: 100 })(29); // 0.85
 * ```
 */
export function oneCycleMomentumSchedule(
  options: { baseMomentum?: number; maxMomentum?: number } & OneCycleShapeOptions,
): Schedule {
  const owner = 'oneCycleMomentumSchedule';
  const shape = oneCycleShape(owner, options ?? {});
  const values = {
    maxMomentum: finite(owner, 'maxMomentum', options.maxMomentum ?? 0.95),
    baseMomentum: finite(owner, 'baseMomentum', options.baseMomentum ?? 0.85),
  };
  return (t) => {
    if (t > shape.totalSteps) {
      throw new GdRangeError(`${owner}: step ${t} is past totalSteps = ${shape.totalSteps}`);
    }
    const { phase, pct } = locate(shape.phases, t);
    return shape.anneal(values[phase.startMomentum], values[phase.endMomentum], pct);
  };
}
