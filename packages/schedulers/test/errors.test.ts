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
