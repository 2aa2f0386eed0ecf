/**
 * @gd/lectures/node — runs a lecture and writes what it shows: the numbers beside the lecture's
 * (through a log callback and `numbers.json`), every figure as SVG and PNG (GIF where the lecture
 * animates) and an `index.html` that shows them, each file written atomically.
 *
 * @packageDocumentation
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DEBIAN_FASHION_MNIST_DIR, fashionMnist, mnist } from '@gd/datasets/node';
import { saveGif, savePng, saveSvg } from '@gd/viz/node';
import { type LectureName, lectureInfo } from './catalog';
import { type WrittenFigure, indexHtml } from './index-html';
import { lectureReport } from './lecture-report';
import type { ExerciseData } from './mlp-exercise';
import type { LectureNumber } from './report';

export * from './index';
export { indexHtml, type WrittenFigure } from './index-html';

/** Options of {@link runLecture}. */
export interface RunLectureOptions {
  /** Folder the figures, `numbers.json` and `index.html` are written to (created if missing). */
  outDir: string;
  /** Receives each printed line (the numbers table). Default: nothing is printed. */
  log?: (line: string) => void;
  /**
   * Folder of MNIST-format files (`train-images-idx3-ubyte[.gz]` …) for the MLP exercise; giving it
   * runs the exercise on that data. Default: the bundled digits (or Debian's Fashion-MNIST with `full`).
   */
  dataDir?: string;
  /**
   * MLP exercise on 28 × 28 data: `dataDir`, else Debian's Fashion-MNIST when installed (else the
   * digits, with a log line saying so). Slower (about a minute per optimizer). Default false.
   */
  full?: boolean;
  /** Smaller sizes for tests and previews. Default false. */
  quick?: boolean;
  /** Also render PNGs beside the SVGs. Default true. */
  png?: boolean;
}

/** Result of {@link runLecture}. */
export interface LectureRun {
  /** The lecture's name. */
  name: LectureName;
  /** The lecture's title. */
  title: string;
  /** The lecture's numbers beside gd's. */
  numbers: LectureNumber[];
  /** The files written, relative to `outDir`, `index.html` last. */
  files: string[];
}

/**
 * Loads MNIST-format data for the MLP exercise: from `dataDir` when given (MNIST's file names, raw
 * or gzipped), else Debian's Fashion-MNIST (`/usr/share/datasets/fashion-mnist`) when installed;
 * `null` when neither is there. Images are flattened to 784 values in [0, 1].
 *
 * @example
 * ```ts
 * const data = await loadExerciseData(); // Fashion-MNIST on Debian with dataset-fashion-mnist
 * ```
 */
export async function loadExerciseData(dataDir?: string): Promise<ExerciseData | null> {
  if (dataDir !== undefined) {
    const [train, test] = await Promise.all([
      mnist({ root: dataDir, split: 'train', flatten: true }),
      mnist({ root: dataDir, split: 'test', flatten: true }),
    ]);
    return {
      name: `MNIST-format data from ${dataDir}`,
      xTrain: train.images,
      yTrain: train.labels,
      xTest: test.images,
      yTest: test.labels,
    };
  }
  if (!existsSync(DEBIAN_FASHION_MNIST_DIR)) return null;
  const [train, test] = await Promise.all([
    fashionMnist({ split: 'train', flatten: true }),
    fashionMnist({ split: 'test', flatten: true }),
  ]);
  return {
    name: 'Fashion-MNIST',
    xTrain: train.images,
    yTrain: train.labels,
    xTest: test.images,
    yTest: test.labels,
  };
}

/** Writes `data` to `path` atomically: a temporary file in the same folder, then a rename. */
function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file was never created
    }
    throw err;
  }
}

/** Pads the number table into aligned lines: label, the lecture's value, gd's value. */
function numberLines(numbers: readonly LectureNumber[]): string[] {
  const w = Math.min(72, Math.max(...numbers.map((n) => n.label.length), 4));
  const lw = Math.min(24, Math.max(...numbers.map((n) => (n.lecture ?? '—').length), 7));
  const lines = [`${'what'.padEnd(w)}  ${'lecture'.padEnd(lw)}  gd`];
  for (const n of numbers)
    lines.push(`${n.label.padEnd(w)}  ${(n.lecture ?? '—').padEnd(lw)}  ${n.gd}`);
  return lines;
}

/**
 * Runs one lecture's experiments, prints (through `log`) its numbers beside gd's and writes its
 * figures into `outDir` — SVG and PNG for each, a GIF where the lecture animates, `numbers.json`
 * and an `index.html` showing them with captions — every file atomically (temporary file, then
 * rename).
 *
 * Defaults: no log, data found automatically, quick false, png true.
 *
 * @throws LectureError for an unknown name (the message lists the names).
 * @example
 * ```ts
 * const run = await runLecture('gradient-descent', { outDir: 'gd-lectures/gradient-descent', log: console.log });
 * run.files; // ['gd-square.svg', 'gd-square.png', 'gd-square.gif', …, 'index.html']
 * ```
 */
export async function runLecture(name: string, options: RunLectureOptions): Promise<LectureRun> {
  const info = lectureInfo(name);
  if (
    options === null ||
    typeof options !== 'object' ||
    typeof options.outDir !== 'string' ||
    options.outDir === ''
  ) {
    throw new TypeError('runLecture: options.outDir must be a non-empty folder path');
  }
  const log = options.log ?? (() => {});
  const png = options.png ?? true;
  log(`${info.title} — ${info.titleJa}`);
  let exerciseData: ExerciseData | undefined;
  if (info.name === 'mlp-exercise' && (options.dataDir !== undefined || options.full === true)) {
    const loaded = await loadExerciseData(options.dataDir);
    if (loaded === null)
      log(`no MNIST-format data found (${DEBIAN_FASHION_MNIST_DIR}); using the bundled digits`);
    else exerciseData = loaded;
  }
  const report = lectureReport(info.name, {
    quick: options.quick,
    exerciseData,
    // 28 × 28 data: the accuracy every 10 updates on the first 1 000 test images (the final one on all).
    testSubset: exerciseData === undefined ? undefined : 1000,
  });
  for (const line of numberLines(report.numbers)) log(line);

  mkdirSync(options.outDir, { recursive: true });
  const files: string[] = [];
  const written: WrittenFigure[] = [];
  for (const fig of report.figures) {
    const own: string[] = [];
    const svgFile = `${fig.file}.svg`;
    saveSvg(join(options.outDir, svgFile), fig.svg);
    own.push(svgFile);
    if (png) {
      const pngFile = `${fig.file}.png`;
      savePng(join(options.outDir, pngFile), fig.svg, { scale: 1.5 });
      own.push(pngFile);
    }
    let shown = svgFile;
    if (fig.frames !== undefined && fig.frames.length > 0) {
      const gifFile = `${fig.file}.gif`;
      saveGif(join(options.outDir, gifFile), fig.frames, { fps: 10 });
      own.push(gifFile);
      shown = gifFile;
    }
    files.push(...own);
    written.push({ caption: fig.caption, shown, files: own });
  }
  writeAtomic(
    join(options.outDir, 'numbers.json'),
    `${JSON.stringify({ name: info.name, title: info.title, numbers: report.numbers }, null, 2)}\n`,
  );
  files.push('numbers.json');
  writeAtomic(join(options.outDir, 'index.html'), indexHtml(info, report.numbers, written));
  files.push('index.html');
  log(`wrote ${files.length} files to ${options.outDir}`);
  return { name: info.name, title: info.title, numbers: report.numbers, files };
}
