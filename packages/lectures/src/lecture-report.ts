import { lectureInfo } from './catalog';
import { gradientDescentLecture } from './gradient-descent';
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
    default:
      throw new Error(`lectureReport: '${info.name}' is not wired yet`);
  }
}
