import { describe, expect, it } from 'vitest';
import { huber } from '../src/huber';
import { smoothL1 } from '../src/smooth-l1';
import { expectGradCheck, r64, t64 } from './helpers';

describe('smoothL1', () => {
  it('is huber divided by beta, and L1 at beta = 0', () => {
    const x = r64([5], 9, 2);
    const y = r64([5], 10);
    const s = smoothL1(x, y, { beta: 0.5, reduction: 'none' }).toArray() as number[];
    const h = huber(x, y, { delta: 0.5, reduction: 'none' }).toArray() as number[];
    for (const [i, v] of s.entries()) expect(v).toBeCloseTo(h[i] / 0.5, 14);
    expect(smoothL1(t64([1, -3]), t64([0, 0]), { beta: 0 }).item()).toBe(2);
  });

  it('passes gradCheck', () => {
    expectGradCheck((a, b) => smoothL1(a, b, { beta: 0.6 }), [r64([4, 3], 11, 2), r64([4, 3], 12)]);
  });

  it('rejects a negative beta', () => {
    expect(() => smoothL1(t64([1]), t64([0]), { beta: -1 })).toThrow(
      /beta must be a finite number ≥ 0/,
    );
  });
});
