import { describe, expect, it } from 'vitest';
import { MultiplicativeLR, multiplicativeLRSchedule } from '../src/index.js';
import {
  casesFor,
  freshCases,
  expectScheduleMatches,
  LAMBDAS,
  runGolden,
  runRoundTrip,
} from './golden.js';

describe('MultiplicativeLR against PyTorch 1.13', () => {
  for (const c of casesFor('MultiplicativeLR')) {
    it(c.name, () => runGolden(c));
    it(`${c.name}: stateDict round trip mid-schedule`, () => runRoundTrip(c));
  }
});

describe('multiplicativeLRSchedule', () => {
  for (const c of freshCases('MultiplicativeLR')) {
    it(`closed form matches ${c.name}`, () => {
      const names = c.options.lrLambda;
      c.groupsBefore.forEach((g, i) => {
        const name = (Array.isArray(names) ? names[i] : names) as string;
        expectScheduleMatches(
          c,
          multiplicativeLRSchedule({ lr: g.lr, lrLambda: LAMBDAS[name] }),
          i,
        );
      });
    });
  }
});

describe('MultiplicativeLR', () => {
  it('is chainable: it multiplies whatever lr the group has', () => {
    const opt = { paramGroups: [{ lr: 1 }] };
    const s = new MultiplicativeLR(opt, { lrLambda: () => 0.5 });
    opt.paramGroups[0].lr = 10;
    s.step();
    expect(opt.paramGroups[0].lr).toBe(5);
  });
  it('rejects a missing lrLambda', () => {
    expect(() => new MultiplicativeLR({ paramGroups: [{ lr: 1 }] }, {} as never)).toThrow(
      TypeError,
    );
  });
});
