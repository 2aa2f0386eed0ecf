import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  constantLRSchedule,
  constantSchedule,
  cosineAnnealingSchedule,
  cosineAnnealingWarmRestartsSchedule,
  exponentialLRSchedule,
  join,
  linearLRSchedule,
  linearSchedule,
  linearWarmup,
  stepLRSchedule,
} from '../src/index.js';
import { casesFor, expectScheduleMatches, type GoldenCase } from './golden.js';

function caseNamed(name: string): GoldenCase {
  const c = casesFor('SequentialLR').find((x) => x.name === name);
  if (!c) throw new Error(`fixture case ${name} missing`);
  return c;
}

describe('join', () => {
  it('switches schedules at the boundaries and restarts their step count', () => {
    const s = join([constantSchedule(1), stepLRSchedule({ lr: 0.5, stepSize: 2 })], [3]);
    expect([0, 1, 2, 3, 4, 5].map(s)).toEqual([1, 1, 1, 0.5, 0.5, 0.05]);
  });
  it('agrees with the pieces everywhere (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 200 }), (b, t) => {
        const a = linearSchedule({ start: 0, end: 1, steps: 50 });
        const c = cosineAnnealingSchedule({ lr: 1, tMax: 30 });
        const s = join([a, c], [b]);
        return s(t) === (t < b ? a(t) : c(t - b));
      }),
    );
  });
  it('checks its arguments', () => {
    expect(() => join([], [])).toThrow(/non-empty/);
    expect(() => join([constantSchedule(1), constantSchedule(2)], [])).toThrow(
      /expected 1 boundaries/,
    );
    expect(() =>
      join([constantSchedule(1), constantSchedule(2), constantSchedule(3)], [4, 2]),
    ).toThrow(/strictly increasing/);
  });
});

describe('linearSchedule / constantSchedule', () => {
  it('interpolates and clamps', () => {
    const s = linearSchedule({ start: 1, end: 0, steps: 4 });
    expect([0, 1, 2, 4, 9].map(s)).toEqual([1, 0.75, 0.5, 0, 0]);
    expect(constantSchedule(0.3)(123)).toBe(0.3);
    expect(() => linearSchedule({ start: 0, end: 1, steps: 0 })).toThrow(/steps must be > 0/);
  });
});

describe('linearWarmup', () => {
  it('ramps to the schedule’s first value, then runs the schedule shifted', () => {
    const inner = cosineAnnealingSchedule({ lr: 0.1, tMax: 100 });
    const s = linearWarmup(inner, { warmupSteps: 5, startLr: 0.01 });
    expect(s(0)).toBe(0.01);
    expect(s(2)).toBeCloseTo(0.01 + 0.09 * 0.4, 16);
    expect(s(5)).toBe(0.1);
    expect(s(55)).toBe(inner(50));
  });
  it('is the schedule itself with warmupSteps = 0', () => {
    const inner = constantSchedule(2);
    expect(linearWarmup(inner, { warmupSteps: 0 })).toBe(inner);
  });
});

describe('join reproduces SequentialLR (closed forms restart at each milestone)', () => {
  const lr = (c: GoldenCase) => c.groupsBefore[0].lr;
  it('ConstantLR then ExponentialLR', () => {
    const c = caseNamed('SequentialLR constant then exponential');
    const s = join(
      [
        constantLRSchedule({ lr: lr(c), factor: 0.1, totalIters: 2 }),
        exponentialLRSchedule({ lr: lr(c), gamma: 0.9 }),
      ],
      [2],
    );
    expectScheduleMatches(c, s);
  });
  it('LinearLR warm-up then CosineAnnealingLR', () => {
    const c = caseNamed('SequentialLR warmup then cosine');
    const s = join(
      [
        linearLRSchedule({ lr: lr(c), startFactor: 0.1, totalIters: 10 }),
        cosineAnnealingSchedule({ lr: lr(c), tMax: 60, etaMin: 0.001 }),
      ],
      [10],
    );
    expectScheduleMatches(c, s);
  });
  it('ConstantLR then CosineAnnealingWarmRestarts', () => {
    const c = caseNamed('SequentialLR warm restarts after constant');
    const s = join(
      [
        constantLRSchedule({ lr: lr(c), factor: 0.5, totalIters: 20 }),
        cosineAnnealingWarmRestartsSchedule({ lr: lr(c), t0: 15, tMult: 2 }),
      ],
      [12],
    );
    expectScheduleMatches(c, s);
  });
});
