import { describe, expect, it } from 'vitest';
import { ASGD, type ASGDOptions } from '../src';
import {
  PROBLEMS,
  TOL,
  type GoldenCase,
  casesOf,
  evaluate,
  label,
  makeParams,
  maxRelDev,
  runGolden,
} from './helpers';
import type { Parameter } from '../src';

function runGoldenSteps(c: GoldenCase, params: Parameter[], opt: ASGD): void {
  for (let k = 0; k < c.trajectory.length; k++) {
    evaluate(PROBLEMS[c.problem], params);
    opt.step();
  }
}

describe('ASGD', () => {
  it.each(casesOf('ASGD').map((c) => [label(c), c] as const))(
    'follows torch.optim.ASGD: %s',
    (_, c) => {
      expect(runGolden(c, (p, o) => new ASGD(p, o as Partial<ASGDOptions>))).toBeLessThanOrEqual(
        TOL,
      );
    },
  );
  it('keeps the same running average as torch (ax)', () => {
    for (const c of casesOf('ASGD')) {
      const params = makeParams(c.x0);
      const opt = new ASGD(params, c.options as Partial<ASGDOptions>);
      runGoldenSteps(c, params, opt);
      const ax = params.flatMap((p) => Array.from(opt.state.get(p)!.ax));
      expect(maxRelDev(ax, c.ax!)).toBeLessThanOrEqual(TOL);
    }
  });

  it('on a zero gradient only the decay θ ← θ(1 − λη) moves the parameter', () => {
    const [p] = makeParams([[2]]);
    const opt = new ASGD([p], { lr: 0.1, lambd: 0.5 });
    opt.step();
    expect(p.value.data[0]).toBe(2 * (1 - 0.05));
    expect(() => new ASGD([p], { lr: -1 })).toThrow('ASGD: lr must be >= 0, got -1');
    expect(() => new ASGD([p], { t0: 'x' as unknown as number })).toThrow(TypeError);
  });
});
