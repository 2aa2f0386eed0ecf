import { describe, expect, it } from 'vitest';
import { CosineAnnealingWarmRestarts, cosineAnnealingWarmRestartsSchedule } from '../src/index.js';
import { warmRestartPosition } from '../src/cosine-annealing-warm-restarts.js';
import { casesFor, freshCases, expectScheduleMatches, runGolden, runRoundTrip } from './golden.js';

describe('CosineAnnealingWarmRestarts against PyTorch 1.13', () => {
  for (const c of casesFor('CosineAnnealingWarmRestarts')) {
    it(c.name, () => runGolden(c));
    it(`${c.name}: stateDict round trip mid-schedule`, () => runRoundTrip(c));
  }
});

describe('cosineAnnealingWarmRestartsSchedule', () => {
  for (const c of freshCases('CosineAnnealingWarmRestarts')) {
    it(`closed form matches ${c.name} (fractional epochs included)`, () => {
      expectScheduleMatches(
        c,
        cosineAnnealingWarmRestartsSchedule({
          lr: c.groupsBefore[0].lr,
          ...(c.options as { t0: number }),
        }),
      );
    });
  }
  it('restarts at the period boundaries 5, 15, 35 for t0 = 5, tMult = 2', () => {
    expect(warmRestartPosition(15, 5, 2)).toEqual({ tCur: 0, tI: 20 });
    expect(warmRestartPosition(14.5, 5, 2)).toEqual({ tCur: 9.5, tI: 10 });
    const s = cosineAnnealingWarmRestartsSchedule({ lr: 0.1, t0: 5, tMult: 2 });
    expect(s(35)).toBeCloseTo(0.1, 15);
  });
});

describe('CosineAnnealingWarmRestarts validation', () => {
  const opt = () => ({ paramGroups: [{ lr: 0.1 }] });
  it('rejects bad t0, tMult and negative epochs', () => {
    expect(() => new CosineAnnealingWarmRestarts(opt(), { t0: 0 })).toThrow(
      /t0 must be an integer ≥ 1/,
    );
    expect(() => new CosineAnnealingWarmRestarts(opt(), { t0: 2.5 })).toThrow(RangeError);
    expect(() => new CosineAnnealingWarmRestarts(opt(), { t0: 2, tMult: 0 })).toThrow(/tMult/);
    const s = new CosineAnnealingWarmRestarts(opt(), { t0: 2 });
    expect(() => s.step(-1)).toThrow(/epoch must be a finite number ≥ 0/);
  });
});
