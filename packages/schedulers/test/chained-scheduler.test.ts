import { describe, expect, it } from 'vitest';
import {
  ChainedScheduler,
  ExponentialLR,
  ReduceLROnPlateau,
  SchedulerError,
  StepLR,
} from '../src/index.js';
import { casesFor, runGolden, runRoundTrip } from './golden.js';

describe('ChainedScheduler against PyTorch 1.13', () => {
  for (const c of casesFor('ChainedScheduler')) {
    it(c.name, () => runGolden(c));
    it(`${c.name}: stateDict round trip mid-schedule`, () => runRoundTrip(c));
  }
});

describe('ChainedScheduler', () => {
  it('multiplies the effects of chainable schedulers', () => {
    const opt = { paramGroups: [{ lr: 1 }] };
    const s = new ChainedScheduler([
      new StepLR(opt, { stepSize: 1, gamma: 0.5 }),
      new ExponentialLR(opt, { gamma: 0.8 }),
    ]);
    s.step();
    expect(opt.paramGroups[0].lr).toBeCloseTo(0.4, 15);
    expect(s.getLastLr()[0]).toBeCloseTo(0.4, 15);
  });
  it('rejects ReduceLROnPlateau, mixed optimizers and an empty list', () => {
    const opt = { paramGroups: [{ lr: 1 }] };
    const a = new StepLR(opt, { stepSize: 1 });
    expect(() => new ChainedScheduler([a, new ReduceLROnPlateau(opt) as never])).toThrow(
      SchedulerError,
    );
    const b = new StepLR({ paramGroups: [{ lr: 1 }] }, { stepSize: 1 });
    expect(() => new ChainedScheduler([a, b])).toThrow(/different optimizers/);
    expect(() => new ChainedScheduler([])).toThrow(TypeError);
  });
});
