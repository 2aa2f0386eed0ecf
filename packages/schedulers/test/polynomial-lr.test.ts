import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolynomialLR, polynomialLRSchedule } from '../src/index.js';
import { casesFor, expectScheduleMatches, plainCases, runGolden, runRoundTrip } from './golden.js';

describe('PolynomialLR against PyTorch 1.13', () => {
  for (const c of casesFor('PolynomialLR')) {
    it(c.name, () => runGolden(c));
    it(`${c.name}: stateDict round trip mid-schedule`, () => runRoundTrip(c));
  }
});

describe('polynomialLRSchedule', () => {
  for (const c of plainCases('PolynomialLR')) {
    it(`closed form matches ${c.name}`, () => {
      expectScheduleMatches(c, polynomialLRSchedule({ lr: c.groupsBefore[0].lr, ...c.options }));
    });
  }
});

describe('PolynomialLR validation', () => {
  it('rejects totalIters < 1 and negative power', () => {
    const opt = { paramGroups: [{ lr: 0.1 }] };
    expect(() => new PolynomialLR(opt, { totalIters: 0 })).toThrow(/PolynomialLR: totalIters/);
    expect(() => new PolynomialLR(opt, { power: -1 })).toThrow(/power must be ≥ 0/);
  });
});

describe('PolynomialLR chainable form agrees with polynomialLRSchedule (property)', () => {
  it('for random options over 80 steps', () => {
    fc.assert(
      fc.property(
        fc.record({
          lr: fc.double({ min: 1e-4, max: 1, noNaN: true }),
          totalIters: fc.integer({ min: 1, max: 50 }),
          power: fc.double({ min: 0, max: 4, noNaN: true }),
        }),
        (o) => {
          const opt = { paramGroups: [{ lr: o.lr }] };
          const sched = new PolynomialLR(opt, o);
          const closed = polynomialLRSchedule(o);
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
