import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTIMIZER_NAMES } from '../src/optimizers';
import { checkGif, checkPng, checkSvg, gd, json } from './helpers';

interface MinimizeJson {
  params: Record<string, number>;
  value: number;
  steps: number;
  history: { step: number; value: number; params: Record<string, number> }[];
}

describe('gd minimize', () => {
  it("prints the gradient-descent lecture's x = 0.3517383210080008 as one JSON object", () => {
    const r = gd([
      'minimize',
      'x^2 + exp(-x)',
      '--x0',
      '3',
      '--optimizer',
      'gd',
      '--lr',
      '0.0005',
      '--steps',
      '10001',
      '--json',
    ]);
    expect(r.status).toBe(0);
    const j = json<MinimizeJson>(r);
    expect(j.params.x).toBe(0.3517383210080008);
    expect(j.steps).toBe(10001);
    expect(j.value).toBe(0.3517383210080008 ** 2 + Math.exp(-0.3517383210080008));
    expect(j.history[0]).toEqual({ step: 0, value: 9 + Math.exp(-3), params: { x: 3 } });
    expect(j.history.at(-1)?.step).toBe(10001);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('prints 6.111107929003464e-10 for GD on x² from 3 with η = 0.1, 100 steps', () => {
    const r = gd([
      'minimize',
      'x^2',
      '--x0',
      '3',
      '--optimizer',
      'gd',
      '--lr',
      '0.1',
      '--steps',
      '100',
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('x = 6.111107929003464e-10');
  });

  it('records every step with --history, several variables with --x0 name=value', () => {
    const r = gd([
      'minimize',
      '(1 - x)^2 + 100*(y - x^2)^2',
      '--x0',
      'x=-1.5',
      '--x0',
      'y=2',
      '--optimizer',
      'adam',
      '--lr',
      '0.02',
      '--steps',
      '50',
      '--history',
      '--json',
    ]);
    const j = json<MinimizeJson>(r);
    expect(j.history).toHaveLength(51);
    expect(Object.keys(j.params)).toEqual(['x', 'y']);
    expect(j.history[0].params).toEqual({ x: -1.5, y: 2 });
    expect(j.history[50].params).toEqual(j.params);
  });

  it('--lecture-form seminar runs the damped momentum Δθ ← βΔθ − (1−β)α∇E', () => {
    const r = gd([
      'minimize',
      'x^2',
      '--x0',
      '3',
      '--optimizer',
      'momentum',
      '--momentum',
      '0.9',
      '--lr',
      '0.1',
      '--steps',
      '30',
      '--lecture-form',
      '--json',
    ]);
    let theta = 3;
    let delta = 0;
    for (let k = 0; k < 30; k++) {
      delta = 0.9 * delta - 0.1 * 0.1 * 2 * theta;
      theta += delta;
    }
    expect(json<MinimizeJson>(r).params.x).toBeCloseTo(theta, 12);
  });

  it('follows a --schedule stepped every update', () => {
    const r = gd([
      'minimize',
      'x^2',
      '--x0',
      '1',
      '--optimizer',
      'gd',
      '--lr',
      '0.1',
      '--steps',
      '4',
      '--schedule',
      'steplr:stepSize=2,gamma=0.5',
      '--json',
    ]);
    let x = 1;
    for (const lr of [0.1, 0.1, 0.05, 0.05]) x -= lr * 2 * x;
    expect(json<MinimizeJson>(r).params.x).toBe(x);
  });

  it('runs in float32 when asked', () => {
    const r = gd([
      'minimize',
      'x^2',
      '--x0',
      '3',
      '--lr',
      '0.1',
      '--steps',
      '3',
      '--dtype',
      'float32',
      '--json',
    ]);
    let x = Math.fround(3);
    for (let i = 0; i < 3; i++) x = Math.fround(x - Math.fround(0.1 * 2 * x));
    expect(json<MinimizeJson>(r).params.x).toBeCloseTo(x, 6);
  });

  it('every optimizer name runs on Rosenbrock and lowers f', () => {
    for (const name of OPTIMIZER_NAMES) {
      // Plain rules need a small step on Rosenbrock (ASGD's default 0.01 diverges there).
      const lr = ['gd', 'sgd', 'momentum', 'nesterov', 'asgd'].includes(name)
        ? ['--lr', '0.0005']
        : [];
      const r = gd([
        'minimize',
        'rosenbrock',
        '--optimizer',
        name,
        ...lr,
        '--steps',
        name === 'lbfgs' ? '3' : '40',
        '--json',
      ]);
      expect(r.status, `${name}: ${r.stderr}`).toBe(0);
      const j = json<MinimizeJson>(r);
      expect(j.value, name).toBeLessThan(j.history[0].value);
    }
  });

  it('draws the run as valid SVG, PNG and GIF', () => {
    const r = gd([
      'minimize',
      'x^2 - y^2',
      '--x0',
      'x=1,y=0.01',
      '--lr',
      '0.1',
      '--steps',
      '20',
      '--plot',
      'run.svg',
      '--plot',
      'run.png',
      '--plot',
      'run.gif',
    ]);
    expect(r.status).toBe(0);
    expect(checkSvg(join(r.cwd, 'run.svg')).width).toBeGreaterThan(100);
    expect(checkPng(join(r.cwd, 'run.png')).width).toBeGreaterThan(100);
    expect(checkGif(join(r.cwd, 'run.gif')).frames).toBeGreaterThan(5);
  });
});
