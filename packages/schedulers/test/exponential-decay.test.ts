import { describe, expect, it } from 'vitest';
import { exponentialDecay } from '../src/index.js';

describe('exponentialDecay (Keras ExponentialDecay)', () => {
  const base = { initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.96 };
  it('decays continuously: lr·rate^(t/decaySteps)', () => {
    const s = exponentialDecay(base);
    expect(s(0)).toBe(0.1);
    expect(s(10)).toBeCloseTo(0.096, 16);
    // 0.1 · 0.96^0.5 = 0.1 · √0.96 ≈ 0.0979796
    expect(s(5)).toBeCloseTo(0.1 * Math.sqrt(0.96), 16);
    expect(s(5)).toBeCloseTo(0.0979796, 7);
    expect(s(25)).toBeCloseTo(0.1 * 0.96 ** 2.5, 16);
  });
  it('staircase holds the value within each period', () => {
    const s = exponentialDecay({ ...base, staircase: true });
    expect(s(9)).toBe(0.1);
    expect(s(10)).toBeCloseTo(0.096, 16);
    expect(s(29)).toBeCloseTo(0.09216, 16); // 0.1 · 0.96²
  });
  it('names bad options', () => {
    expect(() => exponentialDecay({ ...base, decaySteps: 0 })).toThrow(
      /exponentialDecay: decaySteps must be > 0/,
    );
    expect(() => exponentialDecay({ ...base, decayRate: -1 })).toThrow(/decayRate/);
  });
});
