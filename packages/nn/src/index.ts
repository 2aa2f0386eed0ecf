export {
  Module,
  StateDictError,
  type LoadStateDictOptions,
  type LoadStateDictResult,
  type ModuleInput,
} from './module';
export type { StateDict, TensorState } from './state-dict';
export {
  CHECKPOINT_MAGIC,
  CHECKPOINT_VERSION,
  CheckpointError,
  decodeCheckpoint,
  encodeCheckpoint,
  type CheckpointHeader,
  type CheckpointTensorEntry,
} from './checkpoint';
export {
  SAFETENSORS_MAX_HEADER_BYTES,
  fromSafetensors,
  toSafetensors,
  type SafetensorsContents,
  type SafetensorsDType,
} from './safetensors';
export {
  TRAINING_STATE_FORMAT,
  decodeTrainingState,
  encodeTrainingState,
  type LoadedTrainingState,
  type Stateful,
  type TrainingStateParts,
  type TrainingStateTargets,
} from './training-state';
export * as init from './init';
export type { FanMode, InitOptions, KaimingOptions, Nonlinearity } from './init';
export { Linear, type LinearInit, type LinearOptions } from './linear';
export { Sequential } from './sequential';
export { LeakyReLU, ReLU, Sigmoid, Softmax, Tanh } from './activations';
export { GELU, type GELUOptions } from './gelu';
export { Dropout, type DropoutOptions } from './dropout';
export { BatchNorm1d, type BatchNorm1dOptions } from './batch-norm';
export { Flatten } from './flatten';
export { mlp, type Activation, type MlpOptions } from './mlp';
export { linearClassifier } from './linear-classifier';
