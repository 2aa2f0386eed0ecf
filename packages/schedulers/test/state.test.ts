import { describe, expect, it } from 'vitest';
import { collectState, restoreState } from '../src/state.js';

describe('collectState / restoreState', () => {
  it('skips the optimizer, functions and listed keys, deep-copying the rest', () => {
    const owner = {
      optimizer: { paramGroups: [] },
      fn: () => 1,
      fns: [() => 1],
      list: [1, 2],
      nested: { a: [3] },
      nothing: undefined,
      hidden: 5,
    };
    const state = collectState(owner, ['hidden']);
    expect(state).toEqual({ list: [1, 2], nested: { a: [3] }, nothing: null });
    state.list = [9];
    expect(owner.list).toEqual([1, 2]);
  });
  it('restores known, non-function keys only', () => {
    const owner = { a: 1, f: (x: number) => x, list: [1] };
    restoreState(owner, { a: 2, f: 3, list: [4, 5], unknown: 7 });
    expect(owner.a).toBe(2);
    expect(typeof owner.f).toBe('function');
    expect(owner.list).toEqual([4, 5]);
    expect('unknown' in owner).toBe(false);
  });
});
