/** Options of {@link measure}. */
export interface MeasureOptions {
  /** Untimed calls before timing, so V8 optimises and caches warm up. Default 2. */
  warmup?: number;
  /** Fewest timed samples. Default 5. */
  minSamples?: number;
  /** Most timed samples. Default 21. */
  maxSamples?: number;
  /** Rough wall-clock budget for the timed samples, in ms. Default 1500. */
  budgetMs?: number;
  /** A sample repeats the call until it lasts at least this long (ms), for fast calls. Default 20. */
  minSampleMs?: number;
}

declare const gc: (() => void) | undefined;

/**
 * Median time of one call of `fn`, in milliseconds. Fast calls are repeated within a sample so
 * timer resolution does not matter; the number of samples adapts to the budget (at least
 * `minSamples`), and the median makes a stray GC pause or a noisy neighbour count once.
 */
export function measure(fn: () => void, opts: MeasureOptions = {}): number {
  const warmup = opts.warmup ?? 2;
  const minSamples = opts.minSamples ?? 5;
  const maxSamples = opts.maxSamples ?? 21;
  const budget = opts.budgetMs ?? 1500;
  const minSampleMs = opts.minSampleMs ?? 20;
  if (typeof gc === 'function') gc();
  let once = 0;
  for (let i = 0; i < warmup; i++) {
    const t = performance.now();
    fn();
    once = performance.now() - t;
  }
  if (warmup === 0) {
    const t = performance.now();
    fn();
    once = performance.now() - t;
  }
  const reps = Math.max(1, Math.ceil(minSampleMs / Math.max(once, 1e-3)));
  const samples = Math.max(minSamples, Math.min(maxSamples, Math.floor(budget / (once * reps))));
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t = performance.now();
    for (let r = 0; r < reps; r++) fn();
    times.push((performance.now() - t) / reps);
  }
  return median(times);
}

/** The middle value (mean of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** Largest |x − y| / max(|y|, 1e-30) over two equally long arrays. */
export function maxRelDiff(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < x.length; i++) {
    const d = Math.abs(x[i] - y[i]) / Math.max(Math.abs(y[i]), 1e-30);
    if (d > worst) worst = d;
  }
  return worst;
}
