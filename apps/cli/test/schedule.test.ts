import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPng, checkSvg, gd, json } from './helpers';

describe('gd schedule', () => {
  it('StepLR from flags: lr·γ^⌊t/30⌋', () => {
    const r = gd([
      'schedule',
      'steplr',
      '--step-size',
      '30',
      '--gamma',
      '0.1',
      '--lr',
      '0.1',
      '--steps',
      '100',
      '--json',
    ]);
    expect(r.status).toBe(0);
    const j = json<{ name: string; lr: number[] }>(r);
    expect(j.name).toBe('StepLR');
    expect(j.lr).toHaveLength(100);
    expect(j.lr[29]).toBe(0.1);
    expect(j.lr[30]).toBeCloseTo(0.01, 15);
    expect(j.lr[99]).toBeCloseTo(0.0001, 15);
  });

  it('LambdaLR with a typed formula of epoch, inline options', () => {
    const j = json<{ lr: number[] }>(
      gd(['schedule', 'lambdalr:lrLambda=0.95^epoch', '--lr', '1', '--steps', '5', '--json']),
    );
    expect(j.lr).toEqual(
      [1, 0.95, 0.95 ** 2, 0.95 ** 3, 0.95 ** 4].map((v) => expect.closeTo(v, 14)),
    );
  });

  it('MultiStepLR with a list, and plots', () => {
    const r = gd([
      'schedule',
      'multisteplr:milestones=[2,4],gamma=0.5',
      '--lr',
      '1',
      '--steps',
      '6',
      '--json',
      '--plot',
      's.svg',
      '--plot',
      's.png',
    ]);
    expect(json<{ lr: number[] }>(r).lr).toEqual([1, 1, 0.5, 0.5, 0.25, 0.25]);
    checkSvg(join(r.cwd, 's.svg'));
    checkPng(join(r.cwd, 's.png'));
  });

  it('refuses ReduceLROnPlateau (needs a metric) and bad options with exit 2', () => {
    expect(gd(['schedule', 'reducelronplateau']).status).toBe(2);
    const r = gd(['schedule', 'steplr:stepSize=-3']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/stepSize/);
  });
});
