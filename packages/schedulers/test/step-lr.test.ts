import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StepLR, stepLRSchedule } from '../src/index.js';
import { casesFor, expectScheduleMatches, plainCases, runGolden, runRoundTrip } from './golden.js';

describe('StepLR against PyTorch 1.13', () => {
  for (const c of casesFor('StepLR')) {
    it(c.name, () => runGolden(c));
    it(`${c.name}: stateDict round trip mid-schedule`, () => runRoundTrip(c));
  }
});

describe('stepLRSchedule', () => {
  for (const c of plainCases('StepLR')) {
    it(`closed form matches ${c.name}`, () => {
      expectScheduleMatches(
        c,
        stepLRSchedule({ lr: c.groupsBefore[0].lr, ...(c.options as { stepSize: number }) }),
      );
    });
  }
  it('is the lecture StepLR staircase', () => {
    const s = stepLRSchedule({ lr: 0.05, stepSize: 30 });
    expect(s(29)).toBe(0.05);
    expect(s(30)).toBeCloseTo(0.005, 15);
    expect(s(60)).toBeCloseTo(0.0005, 15);
  });
});

describe('StepLR validation', () => {
  const opt = () => ({ paramGroups: [{ lr: 0.1 }] });
  it('rejects a non-positive or fractional stepSize', () => {
    expect(() => new StepLR(opt(), { stepSize: 0 })).toThrow(/stepSize/);
    expect(() => new StepLR(opt(), { stepSize: 2.5 })).toThrow(RangeError);
  });
  it('rejects a negative gamma, naming it', () => {
    expect(() => new StepLR(opt(), { stepSize: 3, gamma: -0.1 })).toThrow(
      /StepLR: gamma must be ≥ 0, got -0.1/,
    );
    expect(() => stepLRSchedule({ lr: 0.1, stepSize: 3, gamma: -1 })).toThrow(RangeError);
  });
  it('rejects an optimizer without paramGroups', () => {
    expect(() => new StepLR({} as never, { stepSize: 3 })).toThrow(TypeError);
  });
  it('performs the initial step on construction and writes initialLr', () => {
    const o = { paramGroups: [{ lr: 0.1 } as { lr: number; initialLr?: number }] };
    const s = new StepLR(o, { stepSize: 1, gamma: 0.5 });
    expect(s.lastEpoch).toBe(0);
    expect(o.paramGroups[0].initialLr).toBe(0.1);
    s.step();
    expect(o.paramGroups[0].lr).toBe(0.05);
    expect(s.getLastLr()).toEqual([0.05]);
  });
});

describe('StepLR chainable form agrees with stepLRSchedule (property)', () => {
  it('for random options over 150 steps', () => {
    fc.assert(
      fc.property(
        fc.record({
          lr: fc.double({ min: 1e-4, max: 1, noNaN: true }),
          stepSize: fc.integer({ min: 1, max: 20 }),
          gamma: fc.double({ min: 0.05, max: 1, noNaN: true }),
        }),
        (o) => {
          const opt = { paramGroups: [{ lr: o.lr }] };
          const sched = new StepLR(opt, o);
          const closed = stepLRSchedule(o);
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
