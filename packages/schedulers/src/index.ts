/**
 * @gd/schedulers — PyTorch's learning-rate schedulers (exact `torch.optim.lr_scheduler`
 * sequences) for any object with `paramGroups`, plus pure schedules `(step) => lr`, including
 * Keras's decays.
 *
 * @packageDocumentation
 */
export { ChainedScheduler, type ChainableScheduler } from './chained_scheduler.js';
export {
  ConstantLR,
  type ConstantLROptions,
  constantLRSchedule,
} from './constant_lr.js';
export { cosineDecay, type CosineDecayOptions } from './cosine_decay.js';
export {
  cosineDecayRestarts,
  type CosineDecayRestartsOptions,
} from './cosine_decay_restarts.js';
export {
  CosineAnnealingLR,
  type CosineAnnealingLROptions,
  cosineAnnealingSchedule,
} from './cosine_annealing_lr.js';
export {
  CosineAnnealingWarmRestarts,
  type CosineAnnealingWarmRestartsOptions,
  cosineAnnealingWarmRestartsSchedule,
} from './cosine_annealing_warm_restarts.js';
export {
  CyclicLR,
  type CyclicLROptions,
  type CyclicMode,
  type CyclicShapeOptions,
  cyclicLRSchedule,
  cyclicMomentumSchedule,
  type ScaleMode,
} from './cyclic_lr.js';
export { SchedulerError } from './errors.js';
export {
  ExponentialLR,
  type ExponentialLROptions,
  exponentialLRSchedule,
} from './exponential_lr.js';
export { exponentialDecay, type ExponentialDecayOptions } from './exponential_decay.js';
export { inverseTimeDecay, type InverseTimeDecayOptions } from './inverse_time_decay.js';
export { constantSchedule, join, linearSchedule, linearWarmup } from './join.js';
export {
  LambdaLR,
  type LambdaLROptions,
  type LrLambda,
  lambdaLRSchedule,
} from './lambda_lr.js';
export { LinearLR, type LinearLROptions, linearLRSchedule } from './linear_lr.js';
export type { MomentumKey } from './momentum.js';
export {
  MultiStepLR,
  type MultiStepLROptions,
  multiStepLRSchedule,
} from './multi_step_lr.js';
export {
  MultiplicativeLR,
  type MultiplicativeLROptions,
  multiplicativeLRSchedule,
} from './multiplicative_lr.js';
export {
  type AnnealStrategy,
  OneCycleLR,
  type OneCycleLROptions,
  type OneCycleShapeOptions,
  oneCycleLRSchedule,
  oneCycleMomentumSchedule,
} from './one_cycle_lr.js';
export type { OptimizerLike, ParamGroup } from './optimizer.js';
export {
  piecewiseConstantDecay,
  type PiecewiseConstantDecayOptions,
} from './piecewise_constant_decay.js';
export { polynomialDecay, type PolynomialDecayOptions } from './polynomial_decay.js';
export {
  PolynomialLR,
  type PolynomialLROptions,
  polynomialLRSchedule,
} from './polynomial_lr.js';
export {
  type Metric,
  ReduceLROnPlateau,
  type ReduceLROnPlateauOptions,
} from './reduce_lr_on_plateau.js';
export { type Schedule, sampleSchedule } from './schedule.js';
export { LRScheduler, type Scheduler } from './scheduler.js';
export { SequentialLR, type SequentialLROptions } from './sequential_lr.js';
export type { SchedulerState, StateValue } from './state.js';
export { StepLR, type StepLROptions, stepLRSchedule } from './step_lr.js';
