import { describe, expect, it } from 'vitest';
import { exponentialLRSchedule, sampleSchedule } from '../src/index.js';

describe('sampleSchedule', () => {
  it('evaluates count consecutive steps from start', () => {
    const s = exponentialLRSchedule({ lr: 1, gamma: 0.5 });
    expect(sampleSchedule(s, 4)).toEqual([1, 0.5, 0.25, 0.125]);
    expect(sampleSchedule(s, 2, 3)).toEqual([0.125, 0.0625]);
    expect(sampleSchedule(s, 0)).toEqual([]);
  });
  it('rejects a bad count', () => {
    expect(() => sampleSchedule(() => 1, -1)).toThrow(/count/);
  });
});
