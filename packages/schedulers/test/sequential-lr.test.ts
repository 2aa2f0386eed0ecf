import { describe, expect, it } from 'vitest';
import {
  ConstantLR,
  ExponentialLR,
  ReduceLROnPlateau,
  SchedulerError,
  SequentialLR,
  StepLR,
} from '../src/index.js';
import { casesFor, runGolden, runRoundTrip } from './golden.js';

describe('SequentialLR against PyTorch 1.13 (quirks included)', () => {
  for (const c of casesFor('SequentialLR')) {
    it(c.name, () => runGolden(c));
    it(`${c.name}: stateDict round trip mid-schedule`, () => runRoundTrip(c));
  }
});

describe('SequentialLR', () => {
  it('restarts ExponentialLR at its base lr: 0.1, 0.1, 1, 0.9, 0.81 (not the 0.9, 0.81 of PyTorch’s docstring)', () => {
    const opt = { paramGroups: [{ lr: 1 }] };
    const s = new SequentialLR(opt, {
      schedulers: [
        new ConstantLR(opt, { factor: 0.1, totalIters: 2 }),
        new ExponentialLR(opt, { gamma: 0.9 }),
      ],
      milestones: [2],
    });
    const lrs = [opt.paramGroups[0].lr];
    for (let i = 0; i < 4; i++) {
      s.step();
      lrs.push(opt.paramGroups[0].lr);
    }
    [0.1, 0.1, 1, 0.9, 0.81].forEach((v, i) => {
      expect(lrs[i]).toBeCloseTo(v, 14);
    });
  });
  it('rejects ReduceLROnPlateau, foreign optimizers and bad milestones', () => {
    const opt = { paramGroups: [{ lr: 1 }] };
    const other = { paramGroups: [{ lr: 1 }] };
    const a = new StepLR(opt, { stepSize: 2 });
    expect(
      () =>
        new SequentialLR(opt, {
          schedulers: [a, new ReduceLROnPlateau(opt) as never],
          milestones: [3],
        }),
    ).toThrow(SchedulerError);
    expect(
      () =>
        new SequentialLR(opt, {
          schedulers: [a, new StepLR(other, { stepSize: 2 })],
          milestones: [3],
        }),
    ).toThrow(/different optimizer/);
    const b = new StepLR(opt, { stepSize: 2 });
    expect(() => new SequentialLR(opt, { schedulers: [a, b], milestones: [] })).toThrow(
      /expected 1 milestones/,
    );
    const c = new StepLR(opt, { stepSize: 2 });
    expect(() => new SequentialLR(opt, { schedulers: [a, b, c], milestones: [5, 5] })).toThrow(
      /milestones must be strictly increasing/,
    );
  });
});
