import { describe, expect, it } from 'vitest';
import { LRScheduler, type OptimizerLike, SchedulerError, StepLR } from '../src/index.js';

class Halving extends LRScheduler {
  constructor(opt: OptimizerLike, lastEpoch = -1) {
    super(opt, 'Halving');
    this.attach(lastEpoch);
  }
  protected getLr(): number[] {
    return this.groups().map((g) => (this.lastEpoch === 0 ? g.lr : g.lr / 2));
  }
}

describe('LRScheduler (the _LRScheduler contract)', () => {
  it('records initialLr once, performs the initial step, counts lastEpoch', () => {
    const opt = { paramGroups: [{ lr: 0.8 }, { lr: 0.4, initialLr: 1 }] };
    const s = new Halving(opt);
    expect(opt.paramGroups.map((g) => g.initialLr)).toEqual([0.8, 1]);
    expect(s.baseLrs).toEqual([0.8, 1]);
    expect(s.lastEpoch).toBe(0);
    expect(s.getLastLr()).toEqual([0.8, 0.4]);
    s.step();
    expect(s.lastEpoch).toBe(1);
    expect(opt.paramGroups.map((g) => g.lr)).toEqual([0.4, 0.2]);
  });
  it('getLastLr returns a copy', () => {
    const s = new Halving({ paramGroups: [{ lr: 1 }] });
    s.getLastLr()[0] = 99;
    expect(s.getLastLr()).toEqual([1]);
  });
  it('resuming with lastEpoch ≥ 0 needs initialLr in every group', () => {
    expect(() => new Halving({ paramGroups: [{ lr: 1 }] }, 4)).toThrow(SchedulerError);
    const s = new Halving({ paramGroups: [{ lr: 1, initialLr: 2 }] }, 4);
    expect(s.lastEpoch).toBe(5);
  });
  it('rejects a bad lastEpoch and non-numeric lr', () => {
    expect(() => new Halving({ paramGroups: [{ lr: 1 }] }, -2)).toThrow(
      /lastEpoch must be an integer ≥ -1/,
    );
    expect(() => new Halving({ paramGroups: [{ lr: 'x' as never }] })).toThrow(
      /paramGroups\[0\]\.lr/,
    );
  });
  it('step(epoch) falls back to the chainable form when there is no closed form', () => {
    const opt = { paramGroups: [{ lr: 1 }] };
    const s = new Halving(opt);
    s.step(7);
    expect(s.lastEpoch).toBe(7);
    expect(opt.paramGroups[0].lr).toBe(0.5);
    expect(() => s.step(Number.NaN)).toThrow(TypeError);
  });
  it('stateDict holds plain data (no optimizer) and loadStateDict restores it', () => {
    const opt = { paramGroups: [{ lr: 1 }] };
    const s = new StepLR(opt, { stepSize: 3, gamma: 0.5 });
    s.step();
    const state = s.stateDict();
    expect(state).toEqual({
      baseLrs: [1],
      lastEpoch: 1,
      stepCount: 2,
      lastLr: [1],
      stepSize: 3,
      gamma: 0.5,
    });
    const t = new StepLR({ paramGroups: [{ lr: 1 }] }, { stepSize: 1 });
    t.loadStateDict(state);
    expect(t.stepSize).toBe(3);
    expect(t.lastEpoch).toBe(1);
  });
});
