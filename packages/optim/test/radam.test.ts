import { describe, expect, it } from 'vitest';
import { RAdam, type RAdamOptions } from '../src';
import { TOL, casesOf, label, makeParams, runGolden } from './helpers';

const negate = { rosenbrock: 'negRosenbrock', lstsq: 'negLstsq' } as const;

describe('RAdam', () => {
  it.each(casesOf('RAdam').map((c) => [label(c), c] as const))(
    'follows torch.optim.RAdam: %s',
    (_, c) => {
      expect(runGolden(c, (p, o) => new RAdam(p, o as Partial<RAdamOptions>))).toBeLessThanOrEqual(
        TOL,
      );
    },
  );
  it('rejects bad hyperparameters and does not move on a zero gradient', () => {
    const [p] = makeParams([[1, 2]]);
    expect(() => new RAdam([p], { betas: [0.9, 2] })).toThrow(
      'RAdam: betas[1] must be in [0, 1), got 2',
    );
    const opt = new RAdam([p], { betas: [0.9, 0.9] });
    for (let i = 0; i < 10; i++) opt.step();
    expect(Array.from(p.value.data)).toEqual([1, 2]);
  });

  it.each(casesOf('RAdam').map((c) => [label(c), c] as const))(
    'with maximize on −f follows torch.optim.RAdam on f: %s',
    (_, c) => {
      const problem = negate[c.problem as keyof typeof negate];
      const neg = { ...c, problem, losses: c.losses.map((l) => -l) };
      const dev = runGolden(
        neg,
        (p, o) => new RAdam(p, { ...(o as Partial<RAdamOptions>), maximize: true }),
      );
      expect(dev).toBeLessThanOrEqual(TOL);
    },
  );
});
