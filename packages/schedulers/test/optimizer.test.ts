import { describe, expect, it } from 'vitest';
import { groupsOf, numberKey } from '../src/optimizer.js';

describe('optimizer structural view', () => {
  it('exposes the same group objects for reading and writing', () => {
    const opt = { paramGroups: [{ lr: 0.1, momentum: 0.9 }] };
    const groups = groupsOf(opt);
    groups[0].lr = 0.2;
    expect(opt.paramGroups[0].lr).toBe(0.2);
    expect(numberKey(groups[0], 'momentum', 0, 'X')).toBe(0.9);
  });
  it('numberKey explains a missing bookkeeping key', () => {
    expect(() => numberKey({ lr: 1 }, 'maxLr', 2, 'OneCycleLR')).toThrow(
      /OneCycleLR: paramGroups\[2\]\.maxLr must be a number, got undefined/,
    );
  });
});
