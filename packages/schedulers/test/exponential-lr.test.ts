import { describe, expect, it } from 'vitest';
import { ExponentialLR, exponentialLRSchedule } from '../src/index.js';
import { casesFor, expectScheduleMatches, plainCases, runGolden, runRoundTrip } from './golden.js';

describe('ExponentialLR against PyTorch 1.13', () => {
  for (const c of casesFor('ExponentialLR')) {
    it(c.name, () => runGolden(c));
    it(`${c.name}: stateDict round trip mid-schedule`, () => runRoundTrip(c));
  }
});

describe('exponentialLRSchedule', () => {
  for (const c of plainCases('ExponentialLR')) {
    it(`closed form matches ${c.name}`, () => {
      expectScheduleMatches(
        c,
        exponentialLRSchedule({ lr: c.groupsBefore[0].lr, gamma: c.options.gamma as number }),
      );
    });
  }
});

describe('ExponentialLR validation', () => {
  it('rejects a missing or negative gamma', () => {
    const opt = { paramGroups: [{ lr: 0.1 }] };
    expect(() => new ExponentialLR(opt, {} as never)).toThrow(
      /ExponentialLR: gamma must be a finite number/,
    );
    expect(() => new ExponentialLR(opt, { gamma: -0.9 })).toThrow(/gamma must be ≥ 0/);
  });
});
