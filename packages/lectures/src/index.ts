/**
 * @gd/lectures — the experiments of five lectures on optimisation, reproduced with gd: each
 * experiment is a function returning numbers (and SVG figures), so the `gd lecture` command, the
 * docs site and the tests share one implementation. Runs in browsers; writing figures to disk
 * (SVG, PNG, GIF and an index.html) and loading MNIST-format files is in `@gd/lectures/node`.
 *
 * @packageDocumentation
 */
export { LectureError, lectureInfo, lectures, type LectureInfo, type LectureName } from './catalog';
export { formatNumber, type Figure, type LectureNumber, type LectureReport } from './report';
export { lectureReport, type LectureReportOptions } from './lecture-report';
export {
  LECTURE_SQUARE_PLUS_EXP_TABLE,
  adSpendRegression,
  gradientDescent1d,
  gradientDescentLecture,
  nonConvex,
  nonConvexMinima,
  squarePlusExp,
  type AdSpendRegression,
  type AdSpendRegressionOptions,
  type GradientDescent1dOptions,
  type GradientDescentLectureOptions,
  type LocalMinimum,
  type NonConvexMinimaOptions,
  type ScalarFunction,
} from './gradient-descent';
export {
  cubicSaddle,
  d2lLecture,
  localMinima,
  riskVsEmpiricalRisk,
  saddleHessian,
  vanishingGradient,
  type CriticalPointKind,
  type CubicSaddle,
  type CurvePoint,
  type LocalMinima,
  type RiskVsEmpiricalRisk,
  type SaddleHessian,
  type VanishingGradient,
  type VanishingGradientOptions,
} from './d2l';
export {
  SEMINAR_LP,
  SEMINAR_OPTIMIZERS,
  SURFACES,
  logBarrierLP,
  optimizerRace,
  optimizersLecture,
  scheduleCurves,
  type BarrierStage,
  type LogBarrierOptions,
  type LogBarrierResult,
  type OptimizerRaceOptions,
  type OptimizersLectureOptions,
  type RaceOptimizer,
  type RaceResult,
  type RacerSpec,
  type ScheduleCurves,
  type Surface,
} from './optimizers';
export {
  EXERCISE_OPTIMIZERS,
  digitsExerciseData,
  mlpExercise,
  mlpExerciseLecture,
  type ExerciseData,
  type ExerciseOptimizer,
  type MlpExerciseOptions,
  type MlpExerciseRun,
} from './mlp-exercise';
export {
  CS231N_SWEEP_PRINTED,
  cs231nLecture,
  lossSlices,
  minibatchGradientDescent,
  numericalVsAnalyticGradient,
  randomSearchVsLocalVsGradient,
  stepSizeSweep,
  svmDigits,
  type Cs231nLectureOptions,
  type GradientComparison,
  type GradientComparisonOptions,
  type LossSlices,
  type LossSlicesOptions,
  type MinibatchOptions,
  type MinibatchRun,
  type StrategiesOptions,
  type StrategyRun,
  type SvmData,
} from './cs231n';
