import { describe, expect, it } from 'vitest';
import { LambdaLR, lambdaLRSchedule } from '../src/index.js';
import {
  casesFor,
  freshCases,
  expectScheduleMatches,
  LAMBDAS,
  runGolden,
  runRoundTrip,
} from './golden.js';

describe('LambdaLR against PyTorch 1.13', () => {
  for (const c of casesFor('LambdaLR')) {
    it(c.name, () => runGolden(c));
    it(`${c.name}: stateDict round trip mid-schedule`, () => runRoundTrip(c));
  }
});

describe('lambdaLRSchedule', () => {
  for (const c of freshCases('LambdaLR')) {
    it(`closed form matches ${c.name} for every group`, () => {
      const names = c.options.lrLambda;
      c.groupsBefore.forEach((g, i) => {
        const name = (Array.isArray(names) ? names[i] : names) as string;
        expectScheduleMatches(c, lambdaLRSchedule({ lr: g.lr, lrLambda: LAMBDAS[name] }), i);
      });
    });
  }
});

describe('LambdaLR', () => {
  it('does not serialise lrLambda, and keeps its own after loadStateDict', () => {
    const opt = { paramGroups: [{ lr: 1 }] };
    const s = new LambdaLR(opt, { lrLambda: (e) => 1 / (e + 1) });
    s.step();
    const state = s.stateDict();
    expect(JSON.stringify(state)).not.toContain('lrLambda');
    expect(state.lastEpoch).toBe(1);
    const opt2 = { paramGroups: [{ lr: 1 }] };
    const s2 = new LambdaLR(opt2, { lrLambda: (e) => 1 / (e + 1) });
    s2.loadStateDict(state);
    s2.step();
    expect(opt2.paramGroups[0].lr).toBeCloseTo(1 / 3, 15);
  });
  it('rejects a wrong number of lambdas and non-functions', () => {
    const opt = { paramGroups: [{ lr: 1 }, { lr: 2 }] };
    expect(() => new LambdaLR(opt, { lrLambda: [() => 1] })).toThrow(/expected 2 lrLambda/);
    expect(() => new LambdaLR(opt, { lrLambda: 3 as never })).toThrow(
      /lrLambda must be a function/,
    );
  });
});
