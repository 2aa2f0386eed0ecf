import { describe, expect, it } from 'vitest';
import { NAdam, type NAdamOptions } from '../src';
import { TOL, casesOf, label, makeParams, runGolden } from './helpers';

const negate = { rosenbrock: 'negRosenbrock', lstsq: 'negLstsq' } as const;

describe('NAdam', () => {
  it.each(casesOf('NAdam').map((c) => [label(c), c] as const))(
    'follows torch.optim.NAdam: %s',
    (_, c) => {
      expect(runGolden(c, (p, o) => new NAdam(p, o as Partial<NAdamOptions>))).toBeLessThanOrEqual(
        TOL,
      );
    },
  );
  it('rejects bad hyperparameters and does not move on a zero gradient', () => {
    const [p] = makeParams([[1, 2]]);
    expect(() => new NAdam([p], { momentumDecay: -1 })).toThrow(
      'NAdam: momentumDecay must be >= 0, got -1',
    );
    const opt = new NAdam([p]);
    opt.step();
    expect(Array.from(p.value.data)).toEqual([1, 2]);
    expect(opt.state.get(p)!.muProduct).toBeCloseTo(0.9 * (1 - 0.5 * 0.96 ** 0.004), 15);
  });

  it.each(casesOf('NAdam').map((c) => [label(c), c] as const))(
    'with maximize on −f follows torch.optim.NAdam on f: %s',
    (_, c) => {
      const problem = negate[c.problem as keyof typeof negate];
      const neg = { ...c, problem, losses: c.losses.map((l) => -l) };
      const dev = runGolden(
        neg,
        (p, o) => new NAdam(p, { ...(o as Partial<NAdamOptions>), maximize: true }),
      );
      expect(dev).toBeLessThanOrEqual(TOL);
    },
  );
});
