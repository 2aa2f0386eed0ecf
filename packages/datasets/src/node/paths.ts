import { access } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where a dataset is cached when no `root` is given: `$GD_DATASETS_HOME/<name>` if that variable
 * is set, else `~/.cache/gd/datasets/<name>` (`$XDG_CACHE_HOME/gd/datasets/<name>` when set).
 *
 * @example
 * ```ts
 * defaultRoot('mnist'); // '/home/me/.cache/gd/datasets/mnist'
 * ```
 */
export function defaultRoot(name: string): string {
  const home = process.env.GD_DATASETS_HOME;
  if (home) return join(home, name);
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'gd', 'datasets', name);
}

/** The first of `candidates` that exists, or `null`. */
export async function firstExisting(candidates: string[]): Promise<string | null> {
  for (const path of candidates) {
    try {
      await access(path);
      return path;
    } catch {
      // not there: try the next candidate
    }
  }
  return null;
}
