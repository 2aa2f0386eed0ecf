import { describe, expect, it } from 'vitest';
import { ConstantLR, constantLRSchedule } from '../src/index.js';
import { casesFor, expectScheduleMatches, plainCases, runGolden, runRoundTrip } from './golden.js';

describe('ConstantLR against PyTorch 1.13', () => {
  for (const c of casesFor('ConstantLR')) {
    it(c.name, () => runGolden(c));
    it(`${c.name}: stateDict round trip mid-schedule`, () => runRoundTrip(c));
  }
});

describe('constantLRSchedule', () => {
  for (const c of plainCases('ConstantLR')) {
    it(`closed form matches ${c.name}`, () => {
      expectScheduleMatches(c, constantLRSchedule({ lr: c.groupsBefore[0].lr, ...c.options }));
    });
  }
  it('uses factor 1/3 for 5 epochs by default', () => {
    const s = constantLRSchedule({ lr: 0.3 });
    expect(s(4)).toBeCloseTo(0.1, 15);
    expect(s(5)).toBe(0.3);
  });
});

describe('ConstantLR validation', () => {
  const opt = () => ({ paramGroups: [{ lr: 0.1 }] });
  it('rejects factors outside (0, 1]', () => {
    expect(() => new ConstantLR(opt(), { factor: 1.5 })).toThrow(
      /ConstantLR: factor must be in \(0, 1\], got 1.5/,
    );
    expect(() => new ConstantLR(opt(), { factor: 0 })).toThrow(RangeError);
    expect(() => new ConstantLR(opt(), { totalIters: -1 })).toThrow(/totalIters/);
  });
});
