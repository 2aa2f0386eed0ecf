import { writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultRoot, firstExisting } from '../../src/node/paths';
import { tempDir } from '../helpers';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('defaultRoot', () => {
  it('is ~/.cache/gd/datasets/<name>, or under XDG_CACHE_HOME / GD_DATASETS_HOME when set', () => {
    vi.stubEnv('GD_DATASETS_HOME', '');
    vi.stubEnv('XDG_CACHE_HOME', '');
    expect(defaultRoot('mnist')).toBe(join(homedir(), '.cache', 'gd', 'datasets', 'mnist'));
    vi.stubEnv('XDG_CACHE_HOME', '/xdg');
    expect(defaultRoot('mnist')).toBe('/xdg/gd/datasets/mnist');
    vi.stubEnv('GD_DATASETS_HOME', '/data');
    expect(defaultRoot('cifar10')).toBe('/data/cifar10');
  });
});

describe('firstExisting', () => {
  it('returns the first path that exists, or null', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await writeFile(join(dir, 'b'), '');
      await writeFile(join(dir, 'c'), '');
      expect(await firstExisting([join(dir, 'a'), join(dir, 'b'), join(dir, 'c')])).toBe(
        join(dir, 'b'),
      );
      expect(await firstExisting([join(dir, 'a')])).toBeNull();
    } finally {
      await cleanup();
    }
  });
});
