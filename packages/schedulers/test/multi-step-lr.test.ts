import { describe, expect, it } from 'vitest';
import { MultiStepLR, multiStepLRSchedule } from '../src/index.js';
import { bisectRight } from '../src/multi-step-lr.js';
import { casesFor, expectScheduleMatches, plainCases, runGolden, runRoundTrip } from './golden.js';

describe('MultiStepLR against PyTorch 1.13', () => {
  for (const c of casesFor('MultiStepLR')) {
    it(c.name, () => runGolden(c));
    it(`${c.name}: stateDict round trip mid-schedule`, () => runRoundTrip(c));
  }
});

describe('multiStepLRSchedule', () => {
  for (const c of plainCases('MultiStepLR')) {
    it(`closed form matches ${c.name}`, () => {
      expectScheduleMatches(
        c,
        multiStepLRSchedule({
          lr: c.groupsBefore[0].lr,
          ...(c.options as { milestones: number[] }),
        }),
      );
    });
  }
  it('bisectRight counts milestones ≤ t', () => {
    expect(bisectRight([10, 10, 50], 9)).toBe(0);
    expect(bisectRight([10, 10, 50], 10)).toBe(2);
    expect(bisectRight([10, 10, 50], 50)).toBe(3);
  });
});

describe('MultiStepLR validation', () => {
  const opt = () => ({ paramGroups: [{ lr: 0.1 }] });
  it('rejects milestones that go down', () => {
    expect(() => new MultiStepLR(opt(), { milestones: [30, 20] })).toThrow(
      /MultiStepLR: milestones must be non-decreasing.*\[30, 20\]/,
    );
  });
  it('rejects negative or fractional milestones and negative gamma', () => {
    expect(() => new MultiStepLR(opt(), { milestones: [-1] })).toThrow(/milestones\[0\]/);
    expect(() => new MultiStepLR(opt(), { milestones: [1.5] })).toThrow(RangeError);
    expect(() => new MultiStepLR(opt(), { milestones: [1], gamma: -2 })).toThrow(/gamma/);
  });
});
