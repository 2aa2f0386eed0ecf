// The playground's computations, run in Node: the optimisation loop must give `gd minimize`'s
// numbers, typed formulas are parsed (errors carry their position), and the demos compute.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { compileExpression } from '@gd/expr';
import { describe, expect, it } from 'vitest';
import { mlpSession } from '../src/playground/mlp';
import {
  STARTS,
  SURFACES,
  parseFunction,
  planeAxes,
  runOptimizer,
  sampleSurface,
} from '../src/playground/run';
import { learningRates } from '../src/playground/schedule';

// The built `gd` (@gd/cli is a dev dependency, so turbo builds it before these tests).
const cli = join(import.meta.dirname, '../../cli/dist/main.js');
const rosenbrock = SURFACES.find((s) => s.name === 'rosenbrock')!;

describe('playground runs', () => {
  it('Adam on Rosenbrock ends where `gd minimize` ends (1e-9)', () => {
    const expr = compileExpression(rosenbrock.expression, { dtype: 'float64' });
    const run = runOptimizer(expr, STARTS.rosenbrock, { name: 'adam', lr: 0.02 }, 500);
    const r = spawnSync(
      process.execPath,
      [
        cli,
        'minimize',
        'rosenbrock',
        '--optimizer',
        'adam',
        '--lr',
        '0.02',
        '--steps',
        '500',
        '--json',
      ],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const printed = JSON.parse(r.stdout) as { value: number; params: Record<string, number> };
    expect(Math.abs(run.final.value - printed.value)).toBeLessThan(1e-9);
    expect(Math.abs(run.final.params.x - printed.params.x)).toBeLessThan(1e-9);
    expect(run.path[0]).toHaveLength(501);
  });

  it('momentum with StepLR halves the learning rate every stepSize updates', () => {
    const expr = compileExpression('x^2 + 10*y^2', { dtype: 'float64' });
    const run = runOptimizer(expr, { x: 1, y: 1 }, { name: 'momentum', lr: 0.01 }, 30, {
      name: 'steplr',
      stepSize: 10,
      gamma: 0.5,
    });
    expect([run.lrs[0], run.lrs[10], run.lrs[29]]).toEqual([0.01, 0.005, 0.0025]);
    expect(run.final.value).toBeLessThan(run.values[0]);
  });

  it('a bad formula reports its message and position instead of throwing', () => {
    const p = parseFunction('x^2 + ');
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.position).toBe(6);
      expect(p.message).toMatch(/column 7/);
    }
    expect(parseFunction('a + b + c')).toMatchObject({ ok: false });
    expect(parseFunction('sin(x) * y')).toMatchObject({ ok: true });
  });

  it('samples the surface with x across and y up, whatever order the variables appear in', () => {
    const expr = compileExpression('y + 10*x', { dtype: 'float64' });
    expect(planeAxes(expr)).toEqual(['x', 'y']);
    const g = sampleSurface(expr, [0, 1], [0, 2], 3);
    expect(g.z).toEqual([
      [0, 5, 10],
      [1, 6, 11],
      [2, 7, 12],
    ]);
  });
});

describe('schedule explorer and MLP', () => {
  it('plots PyTorch’s sequences, LambdaLR from a typed formula', () => {
    const base = {
      lr: 0.1,
      epochs: 5,
      stepSize: 2,
      gamma: 0.5,
      etaMin: 0,
      maxLr: 0.1,
      lambda: '0.5^epoch',
    };
    expect(learningRates({ ...base, name: 'StepLR' })).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);
    expect(learningRates({ ...base, name: 'LambdaLR' })).toEqual([
      0.1, 0.05, 0.025, 0.0125, 0.00625,
    ]);
    expect(() => learningRates({ ...base, name: 'LambdaLR', lambda: 'x' })).toThrow(/epoch/);
  });

  it('the in-page MLP learns the digits', () => {
    const s = mlpSession('Adam', 0.01);
    const before = s.train(0);
    const after = s.train(150);
    expect(s.iterations).toBe(150);
    expect(after).toBeGreaterThan(Math.max(0.5, before));
  });
});
