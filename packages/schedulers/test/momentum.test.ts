import { describe, expect, it } from 'vitest';
import { getMomentum, momentumKeyOf, setMomentum } from '../src/momentum.js';

describe('momentum location', () => {
  it('prefers betas, as PyTorch does from optimizer.defaults', () => {
    expect(momentumKeyOf({ paramGroups: [{ lr: 1, momentum: 0.9 }] }, 'X')).toBe('momentum');
    expect(momentumKeyOf({ paramGroups: [{ lr: 1, betas: [0.9, 0.99] }] }, 'X')).toBe('betas');
    expect(
      momentumKeyOf(
        { paramGroups: [{ lr: 1 }], defaults: { momentum: 0, betas: [0.9, 0.9] } },
        'X',
      ),
    ).toBe('betas');
    expect(() => momentumKeyOf({ paramGroups: [{ lr: 1 }] }, 'X')).toThrow(/cycleMomentum: false/);
  });
  it('reads and writes momentum or betas[0] (betas replaced, not mutated)', () => {
    const g = { lr: 1, betas: [0.9, 0.999] };
    const old = g.betas;
    setMomentum(g, 'betas', 0.8);
    expect(g.betas).toEqual([0.8, 0.999]);
    expect(old).toEqual([0.9, 0.999]);
    expect(getMomentum(g, 'betas')).toBe(0.8);
    const h: { lr: number; momentum?: number } = { lr: 1, momentum: 0.9 };
    setMomentum(h, 'momentum', 0.85);
    expect(getMomentum(h, 'momentum')).toBe(0.85);
    expect(() => getMomentum({ lr: 1 }, 'momentum')).toThrow(TypeError);
  });
});
