import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CosineAnnealingLR, cosineAnnealingSchedule } from '../src/index.js';
import { casesFor, expectScheduleMatches, plainCases, runGolden, runRoundTrip } from './golden.js';

describe('CosineAnnealingLR against PyTorch 1.13', () => {
  for (const c of casesFor('CosineAnnealingLR')) {
    it(c.name, () => runGolden(c));
    it(`${c.name}: stateDict round trip mid-schedule`, () => runRoundTrip(c));
  }
});

describe('cosineAnnealingSchedule', () => {
  for (const c of plainCases('CosineAnnealingLR').filter(
    (c) => c.options.lastEpoch === undefined,
  )) {
    it(`closed form matches ${c.name}`, () => {
      expectScheduleMatches(
        c,
        cosineAnnealingSchedule({ lr: c.groupsBefore[0].lr, ...(c.options as { tMax: number }) }),
      );
    });
  }
});

describe('CosineAnnealingLR', () => {
  it('follows lr changes made elsewhere (chainable form), unlike the closed form', () => {
    const opt = { paramGroups: [{ lr: 1 }] };
    const s = new CosineAnnealingLR(opt, { tMax: 10 });
    s.step();
    opt.paramGroups[0].lr = 0.5 * opt.paramGroups[0].lr;
    s.step();
    const closed = cosineAnnealingSchedule({ lr: 1, tMax: 10 });
    expect(opt.paramGroups[0].lr).toBeCloseTo(0.5 * closed(2), 14);
  });
  it('rejects tMax ≤ 0, naming it', () => {
    const opt = { paramGroups: [{ lr: 1 }] };
    expect(() => new CosineAnnealingLR(opt, { tMax: 0 })).toThrow(
      /CosineAnnealingLR: tMax must be > 0, got 0/,
    );
    expect(() => cosineAnnealingSchedule({ lr: 1, tMax: -3 })).toThrow(RangeError);
  });
  it('requires initialLr in the groups when resuming', () => {
    expect(
      () => new CosineAnnealingLR({ paramGroups: [{ lr: 1 }] }, { tMax: 5, lastEpoch: 3 }),
    ).toThrow(/initialLr is not set/);
  });
});

describe('CosineAnnealingLR chainable form agrees with cosineAnnealingSchedule (property)', () => {
  it('for random options over 150 steps', () => {
    fc.assert(
      fc.property(
        fc.record({
          lr: fc.double({ min: 1e-4, max: 1, noNaN: true }),
          tMax: fc.integer({ min: 1, max: 60 }),
          etaMin: fc.double({ min: 0, max: 1e-4, noNaN: true }),
        }),
        (o) => {
          const opt = { paramGroups: [{ lr: o.lr }] };
          const sched = new CosineAnnealingLR(opt, o);
          const closed = cosineAnnealingSchedule(o);
          for (let t = 0; t <= 150; t++) {
            if (t > 0) sched.step();
            const want = closed(t);
            if (Math.abs(opt.paramGroups[0].lr - want) > 1e-12 * Math.max(1, Math.abs(want)))
              return false;
          }
          return true;
        },
      ),
      { numRuns: 60 },
    );
  });
});
