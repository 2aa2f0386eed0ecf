export type { Reduction } from './reduction';
export type { LossInput } from './inputs';
export type { Labels } from './labels';
export { mse, type RegressionOptions } from './mse';
export { l1 } from './l1';
export { huber, type HuberOptions } from './huber';
export { smoothL1, type SmoothL1Options } from './smooth-l1';
export { crossEntropy, type CrossEntropyOptions } from './cross-entropy';
export { nll, type NllOptions } from './nll';
export { binaryCrossEntropy, type BinaryCrossEntropyOptions } from './binary-cross-entropy';
export {
  binaryCrossEntropyWithLogits,
  type BinaryCrossEntropyWithLogitsOptions,
} from './binary-cross-entropy-with-logits';
export type { HingeOptions } from './hinge-margins';
export { multiclassHinge } from './multiclass-hinge';
export { squaredHinge } from './squared-hinge';
export { l2Penalty } from './l2-penalty';
export { l1Penalty } from './l1-penalty';
export { accuracy } from './accuracy';
export { confusionMatrix, type ConfusionMatrixOptions } from './confusion-matrix';
