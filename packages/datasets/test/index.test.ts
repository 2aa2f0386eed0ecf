import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as core from '../src/index';

const src = resolve(import.meta.dirname, '..', 'src');

/** Every file under src/ that src/index.ts reaches through relative imports. */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/from '(\.[^']+)'/g))
    reachable(`${resolve(dirname(file), m[1])}.ts`, seen);
  return seen;
}

describe('@gd/datasets entry', () => {
  it('exports the public API', () => {
    for (const name of [
      'DataLoader',
      'TensorDataset',
      'Subset',
      'randomSplit',
      'trainTestSplit',
      'standardize',
      'normalize',
      'StandardScaler',
      'MinMaxScaler',
      'oneHot',
      'parseIdx',
      'parseMnist',
      'parseCifar10',
      'ImageDataset',
      'DatasetError',
      'loadIris',
      'loadDigits',
      'loadWine',
      'loadBreastCancer',
      'loadDiabetes',
      'adSpend',
      'syntheticData',
      'makeSpirals',
      'makeBlobs',
      'makeMoons',
      'makeCircles',
      'makeXor',
      'makeCurve',
    ]) {
      expect(core, name).toHaveProperty(name);
    }
    expect(core.oneHot([0, 2], 3).toArray()).toEqual([
      [1, 0, 0],
      [0, 0, 1],
    ]);
  });

  it('is browser-safe: nothing it imports uses node: modules', () => {
    const files = reachable(join(src, 'index.ts'));
    expect(files.size).toBeGreaterThan(20);
    for (const file of files) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from 'node:|require\(/);
      expect(file).not.toContain(`${join(src, 'node')}/`);
    }
  });
});
