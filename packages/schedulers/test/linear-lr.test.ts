import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinearLR, linearLRSchedule } from '../src/index.js';
import { casesFor, expectScheduleMatches, plainCases, runGolden, runRoundTrip } from './golden.js';

describe('LinearLR against PyTorch 1.13', () => {
  for (const c of casesFor('LinearLR')) {
    it(c.name, () => runGolden(c));
    it(`${c.name}: stateDict round trip mid-schedule`, () => runRoundTrip(c));
  }
});

describe('linearLRSchedule', () => {
  for (const c of plainCases('LinearLR')) {
    it(`closed form matches ${c.name}`, () => {
      expectScheduleMatches(c, linearLRSchedule({ lr: c.groupsBefore[0].lr, ...c.options }));
    });
  }
});

describe('LinearLR validation', () => {
  const opt = () => ({ paramGroups: [{ lr: 0.1 }] });
  it('rejects startFactor 0 or > 1, endFactor outside [0, 1], totalIters < 1', () => {
    expect(() => new LinearLR(opt(), { startFactor: 0 })).toThrow(
      /startFactor must be in \(0, 1\]/,
    );
    expect(() => new LinearLR(opt(), { startFactor: 2 })).toThrow(RangeError);
    expect(() => new LinearLR(opt(), { endFactor: -0.5 })).toThrow(/endFactor/);
    expect(() => new LinearLR(opt(), { totalIters: 0 })).toThrow(/totalIters/);
  });
});

describe('LinearLR chainable form agrees with linearLRSchedule (property)', () => {
  it('for random options over 80 steps', () => {
    fc.assert(
      fc.property(
        fc.record({
          lr: fc.double({ min: 1e-4, max: 1, noNaN: true }),
          startFactor: fc.double({ min: 0.01, max: 1, noNaN: true }),
          endFactor: fc.double({ min: 0, max: 1, noNaN: true }),
          totalIters: fc.integer({ min: 1, max: 50 }),
        }),
        (o) => {
          const opt = { paramGroups: [{ lr: o.lr }] };
          const sched = new LinearLR(opt, o);
          const closed = linearLRSchedule(o);
          for (let t = 0; t <= 80; t++) {
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
