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
 * Time of one call of `fn` in the fastest sample, in milliseconds. Fast calls are repeated within
 * a sample so timer resolution does not matter; the number of samples adapts to the budget (at
 * least `minSamples`). The fastest sample is reported because the machine is shared: other work
 * only ever adds time, so the minimum is the best estimate of the cost itself.
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
  let best = Number.POSITIVE_INFINITY;
  for (let s = 0; s < samples; s++) {
    const t = performance.now();
    for (let r = 0; r < reps; r++) fn();
    best = Math.min(best, (performance.now() - t) / reps);
  }
  return best;
}

/** {@link measure} for asynchronous work (jax-js computes lazily; each call awaits its result). */
export async function measureAsync(
  fn: () => Promise<unknown>,
  opts: MeasureOptions = {},
): Promise<number> {
  const warmup = Math.max(1, opts.warmup ?? 2);
  const minSamples = opts.minSamples ?? 5;
  const maxSamples = opts.maxSamples ?? 21;
  const budget = opts.budgetMs ?? 1500;
  const minSampleMs = opts.minSampleMs ?? 20;
  if (typeof gc === 'function') gc();
  let once = 0;
  for (let i = 0; i < warmup; i++) {
    const t = performance.now();
    await fn();
    once = performance.now() - t;
  }
  const reps = Math.max(1, Math.ceil(minSampleMs / Math.max(once, 1e-3)));
  const samples = Math.max(minSamples, Math.min(maxSamples, Math.floor(budget / (once * reps))));
  let best = Number.POSITIVE_INFINITY;
  for (let s = 0; s < samples; s++) {
    const t = performance.now();
    for (let r = 0; r < reps; r++) await fn();
    best = Math.min(best, (performance.now() - t) / reps);
  }
  return best;
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
