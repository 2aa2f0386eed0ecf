import { describe, expect, it } from 'vitest';
import { ReduceLROnPlateau } from '../src/index.js';
import { casesFor, runGolden, runRoundTrip } from './golden.js';

describe('ReduceLROnPlateau against PyTorch 1.13', () => {
  for (const c of casesFor('ReduceLROnPlateau')) {
    it(c.name, () => runGolden(c));
    it(`${c.name}: stateDict round trip mid-schedule (through JSON)`, () => runRoundTrip(c));
  }
});

describe('ReduceLROnPlateau', () => {
  it('reduces after patience bad epochs, then waits out the cooldown', () => {
    const opt = { paramGroups: [{ lr: 1 }] };
    const s = new ReduceLROnPlateau(opt, { patience: 1, cooldown: 2, factor: 0.5 });
    const lrs: number[] = [];
    for (const m of [1, 1, 1, 1, 1, 1, 1]) {
      s.step(m);
      lrs.push(opt.paramGroups[0].lr);
    }
    expect(lrs).toEqual([1, 1, 0.5, 0.5, 0.5, 0.5, 0.25]);
  });
  it('accepts a metric with item(), like a 0-d tensor', () => {
    const s = new ReduceLROnPlateau({ paramGroups: [{ lr: 1 }] });
    s.step({ item: () => 0.5 });
    expect(s.best).toBe(0.5);
  });
  it('restores best = ±Infinity saved through JSON as null', () => {
    const s = new ReduceLROnPlateau({ paramGroups: [{ lr: 1 }] }, { mode: 'max' });
    const state = JSON.parse(JSON.stringify(s.stateDict()));
    expect(state.best).toBeNull();
    const t = new ReduceLROnPlateau({ paramGroups: [{ lr: 1 }] }, { mode: 'max' });
    t.loadStateDict(state);
    expect(t.best).toBe(Number.NEGATIVE_INFINITY);
  });
  it('validates its options', () => {
    const opt = () => ({ paramGroups: [{ lr: 1 }] });
    expect(() => new ReduceLROnPlateau(opt(), { factor: 1 })).toThrow(
      /factor must be in \[0, 1\), got 1/,
    );
    expect(() => new ReduceLROnPlateau(opt(), { mode: 'up' as never })).toThrow(
      /mode must be one of/,
    );
    expect(() => new ReduceLROnPlateau(opt(), { thresholdMode: 'x' as never })).toThrow(
      /thresholdMode/,
    );
    expect(() => new ReduceLROnPlateau(opt(), { patience: -1 })).toThrow(/patience/);
    expect(() => new ReduceLROnPlateau(opt(), { minLr: [0, 0] })).toThrow(
      /expected 1 values for minLr/,
    );
    expect(() => new ReduceLROnPlateau(opt()).step('low' as never)).toThrow(TypeError);
  });
});
