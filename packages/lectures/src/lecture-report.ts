import { lectureInfo } from './catalog';
import { cs231nLecture } from './cs231n';
import { d2lLecture } from './d2l';
import { gradientDescentLecture } from './gradient-descent';
import { type ExerciseData, mlpExerciseLecture } from './mlp-exercise';
import { optimizersLecture } from './optimizers';
import type { LectureReport } from './report';

/** Options of {@link lectureReport}. */
export interface LectureReportOptions {
  /** Smaller sizes (fewer iterations, coarser grids) for tests and previews. Default false. */
  quick?: boolean;
  /** Data of the MLP exercise. Default: the bundled digits. */
  exerciseData?: ExerciseData;
  /** MLP exercise: test examples used for the accuracy every 10 updates. Default: all. */
  testSubset?: number;
}

/**
 * Runs one lecture's experiments in memory (no files): its numbers beside gd's and its figures as
 * SVG strings. `@gd/lectures/node`'s `runLecture` writes them to disk.
 *
 * Defaults: quick false.
 *
 * @throws LectureError for an unknown name.
 * @example
 * ```ts
 * const { numbers, figures } = lectureReport('gradient-descent');
 * ```
 */
export function lectureReport(name: string, options: LectureReportOptions = {}): LectureReport {
  const info = lectureInfo(name);
  const quick = options.quick === true;
  switch (info.name) {
    case 'gradient-descent':
      return gradientDescentLecture({ frames: quick ? 6 : 50 });
    case 'd2l':
      return d2lLecture();
    case 'optimizers':
      return optimizersLecture(quick ? { steps: 30, frames: 5 } : {});
    case 'mlp-exercise':
      return mlpExerciseLecture({
        data: options.exerciseData,
        iterations: quick ? 100 : 1000,
        testSubset: options.testSubset,
      });
    case 'cs231n':
      return cs231nLecture(
        quick ? { trials: 100, sliceSteps: 15, minibatchSteps: 50, checkExamples: 40 } : {},
      );
  }
}
