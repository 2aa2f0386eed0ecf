import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGif, checkPng, checkSvg, gd, json } from './helpers';

interface CompareJson {
  runs: {
    optimizer: string;
    lr: number | null;
    value: number;
    stepsToTolerance: number | null;
    distanceToMinimum: number | null;
  }[];
  files: string[];
}

describe('gd compare', () => {
  it('runs each optimizer from the same start and writes a contour plot and a GIF', () => {
    const r = gd([
      'compare',
      'rosenbrock',
      '--optimizers',
      'sgd,momentum,adam',
      '--lr',
      'sgd=0.001,momentum=0.001,adam=0.05',
      '--steps',
      '100',
      '--gif',
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const j = json<CompareJson>(r);
    expect(j.runs.map((x) => x.optimizer)).toEqual(['sgd', 'momentum', 'adam']);
    expect(j.runs.map((x) => x.lr)).toEqual([0.001, 0.001, 0.05]);
    for (const run of j.runs) expect(run.distanceToMinimum).toBeGreaterThan(0);
    // Momentum gets further down the valley than plain SGD with the same lr.
    expect(j.runs[1].value).toBeLessThan(j.runs[0].value);
    expect(j.files).toEqual([
      'gd-compare/rosenbrock.svg',
      'gd-compare/rosenbrock.png',
      'gd-compare/rosenbrock.gif',
    ]);
    checkSvg(join(r.cwd, j.files[0]));
    checkPng(join(r.cwd, j.files[1]));
    expect(checkGif(join(r.cwd, j.files[2])).frames).toBeGreaterThan(10);
  });

  it('counts steps to the tolerance on a 1-D function with a known minimum', () => {
    const r = gd([
      'compare',
      'quadratic',
      '--optimizers',
      'gd',
      '--lr',
      '0.25',
      '--steps',
      '40',
      '--tolerance',
      '1e-6',
      '--json',
    ]);
    const j = json<CompareJson>(r);
    // x_k = 3·0.5^k, f = 9·0.25^k ≤ 1e-6 first at k = 12.
    expect(j.runs[0].stepsToTolerance).toBe(12);
    const text = gd([
      'compare',
      'quadratic',
      '--optimizers',
      'gd,adam',
      '--lr',
      '0.25',
      '--steps',
      '40',
    ]);
    expect(text.stdout).toMatch(/optimizer\s+lr\s+final f/);
  });
});
