import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPng, checkSvg, gd, json, tempDir } from './helpers';

describe('gd landscape', () => {
  it('1-D slice around a fresh model: the centre of the slice is the model loss', () => {
    const r = gd([
      'landscape',
      '--dataset',
      'iris',
      '--model',
      'linear',
      '--dim',
      '1',
      '--steps',
      '11',
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const j = json<{ alphas: number[]; losses: number[]; center: number; files: string[] }>(r);
    expect(j.alphas).toHaveLength(11);
    expect(j.alphas[5]).toBeCloseTo(0, 12);
    expect(j.losses[5]).toBeCloseTo(j.center, 5);
    checkSvg(join(r.cwd, j.files[0]));
    checkPng(join(r.cwd, j.files[1]));
  });

  it('2-D contour around a trained run', () => {
    const cwd = tempDir();
    expect(
      gd(
        [
          'train',
          '--dataset',
          'digits',
          '--hidden',
          '16',
          '--epochs',
          '2',
          '--lr',
          '0.01',
          '--out',
          'run',
        ],
        cwd,
      ).status,
    ).toBe(0);
    const r = gd(
      ['landscape', 'run', '--steps', '7', '--kind', 'heatmap', '--json', '--plot', 'h.png'],
      cwd,
    );
    expect(r.status, r.stderr).toBe(0);
    const j = json<{ z: number[][]; center: number }>(r);
    expect(j.z).toHaveLength(7);
    expect(j.z[3][3]).toBeCloseTo(j.center, 5);
    checkPng(join(cwd, 'h.png'));
  });
});
