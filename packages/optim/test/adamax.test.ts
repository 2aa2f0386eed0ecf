import { describe, expect, it } from 'vitest';
import { Adamax, type AdamaxOptions } from '../src';
import { TOL, casesOf, label, makeParams, runGolden } from './helpers';

describe('Adamax', () => {
  it.each(casesOf('Adamax').map((c) => [label(c), c] as const))(
    'follows torch.optim.Adamax: %s',
    (_, c) => {
      expect(
        runGolden(c, (p, o) => new Adamax(p, o as Partial<AdamaxOptions>)),
      ).toBeLessThanOrEqual(TOL);
    },
  );
  it('rejects bad hyperparameters and does not move on a zero gradient', () => {
    const [p] = makeParams([[1, 2]]);
    expect(() => new Adamax([p], { betas: [1, 0.9] })).toThrow(
      'Adamax: betas[0] must be in [0, 1), got 1',
    );
    const opt = new Adamax([p]);
    opt.step();
    expect(Array.from(p.value.data)).toEqual([1, 2]);
    expect(Array.from(opt.state.get(p)!.expInf)).toEqual([1e-8, 1e-8]);
  });
});
