export type {
  FloatArray,
  ParamGroup,
  ParamGroupInput,
  ParamsInput,
  Parameter,
} from './parameter';
export {
  ElementwiseOptimizer,
  Optimizer,
  type Closure,
  type ParamState,
  type SerializedArray,
  type SerializedValue,
  type StateDict,
  type StateValue,
} from './optimizer';
export { OptimizerError } from './errors';
export { SGD, type SGDOptions, type SGDState } from './sgd';
export { Adagrad, type AdagradOptions, type AdagradState } from './adagrad';
export { RMSprop, type RMSpropOptions, type RMSpropState } from './rmsprop';
export { Adam, type AdamBiasCorrection, type AdamOptions, type AdamState } from './adam';
export { AdamW, type AdamWOptions } from './adamw';
export { Adadelta, type AdadeltaOptions, type AdadeltaState } from './adadelta';
export { Adamax, type AdamaxOptions, type AdamaxState } from './adamax';
export { NAdam, type NAdamOptions, type NAdamState } from './nadam';
export { RAdam, type RAdamOptions, type RAdamState } from './radam';
export { Rprop, type RpropOptions, type RpropState } from './rprop';
export { ASGD, type ASGDOptions, type ASGDState } from './asgd';
export { LBFGS, type LBFGSOptions, type LBFGSState } from './lbfgs';
export { clipGradNorm, clipGradValue, type ClipGradNormOptions } from './clip';
export {
  RandomLocalSearch,
  RandomSearch,
  randomLocalSearch,
  randomSearch,
  type RandomLocalSearchOptions,
  type RandomSearchOptions,
  type SearchResult,
  type SearchState,
} from './random-search';
export {
  CS231N_STEP_SIZES,
  armijoBacktracking,
  stepSizeSweep,
  type ArmijoOptions,
  type ArmijoResult,
  type Objective,
  type SweepEntry,
  type SweepResult,
} from './line-search';
