import { describe, expect, it } from 'vitest';
import {
  OneCycleLR,
  oneCycleLRSchedule,
  oneCycleMomentumSchedule,
  SchedulerError,
} from '../src/index.js';
import { annealCos, annealLinear } from '../src/one-cycle-lr.js';
import {
  casesFor,
  freshCases,
  expectRow,
  expectScheduleMatches,
  runGolden,
  runRoundTrip,
} from './golden.js';

describe('OneCycleLR against PyTorch 1.13', () => {
  for (const c of casesFor('OneCycleLR')) {
    it(c.name, () => runGolden(c));
    it(`${c.name}: stateDict round trip mid-schedule`, () => runRoundTrip(c));
  }
});

describe('oneCycleLRSchedule / oneCycleMomentumSchedule', () => {
  for (const c of freshCases('OneCycleLR')) {
    it(`closed forms match ${c.name}`, () => {
      const o = c.options as Record<string, unknown>;
      const pick = (v: unknown, i: number, d: number) =>
        Array.isArray(v) ? (v[i] as number) : v === undefined ? d : (v as number);
      c.groupsBefore.forEach((_, i) => {
        expectScheduleMatches(c, oneCycleLRSchedule({ ...o, maxLr: pick(o.maxLr, i, 0) }), i);
        if (o.cycleMomentum !== false && c.momentum) {
          const m = oneCycleMomentumSchedule({
            ...o,
            baseMomentum: pick(o.baseMomentum, i, 0.85),
            maxMomentum: pick(o.maxMomentum, i, 0.95),
          });
          expectRow(
            c.lr.map((_, k) => m(k)),
            c.momentum.map((row) => row[i]),
            `${c.name}: momentum schedule ${i}`,
          );
        }
      });
    });
  }
  it('anneals between the end points', () => {
    expect(annealCos(1, 0, 0)).toBe(1);
    expect(annealCos(1, 0, 0.5)).toBeCloseTo(0.5, 15);
    expect(annealCos(1, 0, 1)).toBe(0);
    expect(annealLinear(2, 4, 0.25)).toBe(2.5);
  });
});

describe('OneCycleLR', () => {
  it('records initialLr, maxLr, minLr and momentum bounds in the groups', () => {
    const opt = {
      paramGroups: [{ lr: 1, momentum: 0.9 } as Record<string, unknown> & { lr: number }],
    };
    new OneCycleLR(opt, { maxLr: 0.5, totalSteps: 10 });
    const g = opt.paramGroups[0];
    expect(g.initialLr).toBe(0.02);
    expect(g.maxLr).toBe(0.5);
    expect(g.minLr).toBeCloseTo(2e-6, 20);
    expect(g.maxMomentum).toBe(0.95);
    expect(g.baseMomentum).toBe(0.85);
    expect(g.momentum).toBe(0.95);
  });
  it('throws a SchedulerError when stepped past totalSteps', () => {
    const s = new OneCycleLR(
      { paramGroups: [{ lr: 1 }] },
      { maxLr: 1, totalSteps: 3, cycleMomentum: false },
    );
    s.step();
    s.step();
    s.step();
    expect(() => s.step()).toThrow(SchedulerError);
  });
  it('validates totalSteps / epochs, pctStart, annealStrategy', () => {
    const opt = () => ({ paramGroups: [{ lr: 1, momentum: 0.9 }] });
    expect(() => new OneCycleLR(opt(), { maxLr: 1 })).toThrow(
      /totalSteps or both epochs and stepsPerEpoch/,
    );
    expect(() => new OneCycleLR(opt(), { maxLr: 1, totalSteps: 0 })).toThrow(
      /totalSteps must be an integer ≥ 1/,
    );
    expect(() => new OneCycleLR(opt(), { maxLr: 1, epochs: 2 })).toThrow(/stepsPerEpoch/);
    expect(() => new OneCycleLR(opt(), { maxLr: 1, totalSteps: 10, pctStart: 1.5 })).toThrow(
      /pctStart/,
    );
    expect(() => new OneCycleLR(opt(), { maxLr: 1, totalSteps: 10, pctStart: 0.1 })).toThrow(
      /zero length/,
    );
    expect(
      () => new OneCycleLR(opt(), { maxLr: 1, totalSteps: 10, annealStrategy: 'exp' as never }),
    ).toThrow(/annealStrategy/);
  });
});
