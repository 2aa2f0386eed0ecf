import { lectureInfo } from './catalog';
import { d2lLecture } from './d2l';
import { gradientDescentLecture } from './gradient-descent';
import { optimizersLecture } from './optimizers';
import type { LectureReport } from './report';

/** Options of {@link lectureReport}. */
export interface LectureReportOptions {
  /** Smaller sizes (fewer iterations, coarser grids) for tests and previews. Default false. */
  quick?: boolean;
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
      return gradientDescentLecture({ frames: quick ? 12 : 50 });
    case 'd2l':
      return d2lLecture();
    case 'optimizers':
      return optimizersLecture(quick ? { steps: 30, frames: 10 } : {});
    default:
      throw new Error(`lectureReport: '${info.name}' is not wired yet`);
  }
}
