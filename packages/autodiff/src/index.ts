export { Var, variable, isVar, type VariableOptions } from './var';
export type { Operand, Grad } from './engine';
export type { Lift1, Lift2, LiftN, UnaryOp, BinaryOp } from './lift';
export { backward, type BackwardOptions } from './backward';
export { noGrad, enableGrad, isGradEnabled } from './mode';
export { AutogradError, InPlaceError } from './errors';
export type { InPlaceOperand } from './in-place';
export { AnomalyError, detectAnomaly, setDetectAnomaly, isAnomalyEnabled } from './anomaly';
export {
  grad,
  valueAndGrad,
  jacobian,
  hessian,
  hvp,
  gradients,
  type DiffFn,
  type GradFn,
  type ArgnumsOptions,
  type GradientsOptions,
} from './functional';
export {
  numericalGrad,
  gradCheck,
  type NumericalGradOptions,
  type GradCheckOptions,
  type GradCheckResult,
  type CheckedFn,
  type ScalarFn,
} from './numerical';
export * from './ops';
export type { VarMethods } from './generated/var-methods';
export { cholesky, det, eigh, eigvalsh, inv, solve } from './linalg';
