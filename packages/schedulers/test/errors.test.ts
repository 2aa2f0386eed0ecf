import { GdError } from '@gd/errors';
import { describe, expect, it } from 'vitest';
import { SchedulerError, StepLR } from '../src/index.js';

describe('SchedulerError', () => {
  it('is an Error with its own name', () => {
    const e = new SchedulerError('boom');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('SchedulerError');
    expect(e.message).toBe('boom');
  });
  it('is what resuming without initialLr throws', () => {
    expect(() => new StepLR({ paramGroups: [{ lr: 1 }] }, { stepSize: 1, lastEpoch: 2 })).toThrow(
      SchedulerError,
    );
  });
});

describe('scheduler errors are GdErrors', () => {
  it('SchedulerError and option checks are instanceof GdError with stable codes', () => {
    const state = new SchedulerError('x');
    expect(state).toBeInstanceOf(GdError);
    expect(state.code).toBe('ERR_GD_SCHEDULER');
    const opt = { paramGroups: [{ lr: 1 }] };
    const thrown: unknown[] = [];
    for (const run of [
      () => new StepLR({ paramGroups: [{ lr: 1 }] }, { stepSize: 1, lastEpoch: 2 }),
      () => new StepLR(opt, { stepSize: 0 }),
      () => new StepLR(opt, { stepSize: 'ten' as never }),
    ]) {
      try {
        run();
      } catch (e) {
        thrown.push(e);
      }
    }
    expect(thrown).toHaveLength(3);
    for (const e of thrown) expect(e).toBeInstanceOf(GdError);
    expect(thrown[1]).toBeInstanceOf(RangeError);
    expect((thrown[1] as GdError).code).toBe('ERR_GD_RANGE');
    expect(thrown[2]).toBeInstanceOf(TypeError);
  });
});
