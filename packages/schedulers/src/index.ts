/**
 * @gd/schedulers — PyTorch's learning-rate schedulers (exact `torch.optim.lr_scheduler`
 * sequences) for any object with `paramGroups`, plus pure schedules `(step) => lr`, including
 * Keras's decays.
 *
 * @packageDocumentation
 */
export { ChainedScheduler, type ChainableScheduler } from './chained-scheduler.js';
export {
  ConstantLR,
  type ConstantLROptions,
  constantLRSchedule,
} from './constant-lr.js';
export { cosineDecay, type CosineDecayOptions } from './cosine-decay.js';
export {
  cosineDecayRestarts,
  type CosineDecayRestartsOptions,
} from './cosine-decay-restarts.js';
export {
  CosineAnnealingLR,
  type CosineAnnealingLROptions,
  cosineAnnealingSchedule,
} from './cosine-annealing-lr.js';
export {
  CosineAnnealingWarmRestarts,
  type CosineAnnealingWarmRestartsOptions,
  cosineAnnealingWarmRestartsSchedule,
} from './cosine-annealing-warm-restarts.js';
export {
  CyclicLR,
  type CyclicLROptions,
  type CyclicMode,
  type CyclicShapeOptions,
  cyclicLRSchedule,
  cyclicMomentumSchedule,
  type ScaleMode,
} from './cyclic-lr.js';
export { SchedulerError } from './errors.js';
export {
  ExponentialLR,
  type ExponentialLROptions,
  exponentialLRSchedule,
} from './exponential-lr.js';
export { exponentialDecay, type ExponentialDecayOptions } from './exponential-decay.js';
export { inverseTimeDecay, type InverseTimeDecayOptions } from './inverse-time-decay.js';
export { constantSchedule, join, linearSchedule, linearWarmup } from './join.js';
export {
  LambdaLR,
  type LambdaLROptions,
  type LrLambda,
  lambdaLRSchedule,
} from './lambda-lr.js';
export { LinearLR, type LinearLROptions, linearLRSchedule } from './linear-lr.js';
export type { MomentumKey } from './momentum.js';
export {
  MultiStepLR,
  type MultiStepLROptions,
  multiStepLRSchedule,
} from './multi-step-lr.js';
export {
  MultiplicativeLR,
  type MultiplicativeLROptions,
  multiplicativeLRSchedule,
} from './multiplicative-lr.js';
export {
  type AnnealStrategy,
  OneCycleLR,
  type OneCycleLROptions,
  type OneCycleShapeOptions,
  oneCycleLRSchedule,
  oneCycleMomentumSchedule,
} from './one-cycle-lr.js';
export type { OptimizerLike, ParamGroup } from './optimizer.js';
export {
  piecewiseConstantDecay,
  type PiecewiseConstantDecayOptions,
} from './piecewise-constant-decay.js';
export { polynomialDecay, type PolynomialDecayOptions } from './polynomial-decay.js';
export {
  PolynomialLR,
  type PolynomialLROptions,
  polynomialLRSchedule,
} from './polynomial-lr.js';
export {
  type Metric,
  ReduceLROnPlateau,
  type ReduceLROnPlateauOptions,
} from './reduce-lr-on-plateau.js';
export { type Schedule, sampleSchedule } from './schedule.js';
export { LRScheduler, type Scheduler } from './scheduler.js';
export { SequentialLR, type SequentialLROptions } from './sequential-lr.js';
export type { SchedulerState, StateValue } from './state.js';
export { StepLR, type StepLROptions, stepLRSchedule } from './step-lr.js';
