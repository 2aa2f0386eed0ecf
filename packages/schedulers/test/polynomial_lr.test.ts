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
