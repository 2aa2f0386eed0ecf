import { describe, expect, it } from 'vitest';
import { Adadelta, type AdadeltaOptions } from '../src';
import { TOL, casesOf, label, makeParams, runGolden } from './helpers';

describe('Adadelta', () => {
  it.each(casesOf('Adadelta').map((c) => [label(c), c] as const))(
    'follows torch.optim.Adadelta: %s',
    (_, c) => {
      expect(
        runGolden(c, (p, o) => new Adadelta(p, o as Partial<AdadeltaOptions>)),
      ).toBeLessThanOrEqual(TOL);
    },
  );
  it('rejects bad hyperparameters and does not move on a zero gradient', () => {
    const [p] = makeParams([[1, 2]]);
    expect(() => new Adadelta([p], { rho: 1.5 })).toThrow(
      'Adadelta: rho must be in [0, 1], got 1.5',
    );
    expect(() => new Adadelta([p], { eps: -1 })).toThrow(RangeError);
    const opt = new Adadelta([p]);
    opt.step();
    expect(Array.from(p.value.data)).toEqual([1, 2]);
  });
});
