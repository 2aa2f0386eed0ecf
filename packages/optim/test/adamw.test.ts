import { describe, expect, it } from 'vitest';
import { AdamW, type AdamWOptions } from '../src';
import { TOL, casesOf, label, makeParams, runGolden } from './helpers';

describe('AdamW', () => {
  it.each(casesOf('AdamW').map((c) => [label(c), c] as const))(
    'follows torch.optim.AdamW: %s',
    (_, c) => {
      expect(runGolden(c, (p, o) => new AdamW(p, o as Partial<AdamWOptions>))).toBeLessThanOrEqual(
        TOL,
      );
    },
  );
  it('defaults weightDecay to 1e-2 and validates like Adam', () => {
    const [p] = makeParams([[1]]);
    expect(new AdamW([p]).defaults.weightDecay).toBe(1e-2);
    expect(() => new AdamW([p], { betas: [0.9, 1] })).toThrow(
      'AdamW: betas[1] must be in [0, 1), got 1',
    );
    expect(() => new AdamW([p], { weightDecay: -0.1 })).toThrow(/AdamW: weightDecay/);
  });

  it('on a zero gradient only the decoupled decay θ ← θ(1 − αλ) moves the parameter', () => {
    const [p] = makeParams([[2, -4]]);
    const opt = new AdamW([p], { lr: 0.1, weightDecay: 0.5 });
    opt.step();
    expect(Array.from(p.value.data)).toEqual([2 * (1 - 0.05), -4 * (1 - 0.05)]);
    const [q] = makeParams([[2, -4]]);
    new AdamW([q], { weightDecay: 0 }).step();
    expect(Array.from(q.value.data)).toEqual([2, -4]);
  });
});
