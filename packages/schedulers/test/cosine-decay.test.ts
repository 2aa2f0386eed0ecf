import { describe, expect, it } from 'vitest';
import { cosineDecay } from '../src/index.js';

describe('cosineDecay (Keras 3 CosineDecay)', () => {
  it('follows ½(1 + cos(π t/D)) with floor alpha', () => {
    const s = cosineDecay({ initialLearningRate: 0.1, decaySteps: 100, alpha: 0.1 });
    expect(s(0)).toBe(0.1);
    // t = 50: cos = 0 → 0.1·(0.9·0.5 + 0.1) = 0.055
    expect(s(50)).toBeCloseTo(0.055, 16);
    // t = 25: 0.1·(0.9·½(1 + √½) + 0.1) = 0.08681980515339464
    expect(s(25)).toBeCloseTo(0.08681980515339464, 16);
    expect(s(100)).toBeCloseTo(0.01, 16);
    expect(s(500)).toBeCloseTo(0.01, 16);
  });
  it('warms up linearly to warmupTarget, then decays from it', () => {
    const s = cosineDecay({
      initialLearningRate: 0,
      decaySteps: 100,
      warmupTarget: 0.1,
      warmupSteps: 10,
    });
    expect(s(0)).toBe(0);
    expect(s(5)).toBeCloseTo(0.05, 17);
    expect(s(10)).toBe(0.1);
    expect(s(60)).toBeCloseTo(0.05, 16);
    expect(s(110)).toBeCloseTo(0, 16);
    expect(s(1000)).toBeCloseTo(0, 16);
  });
  it('names bad options', () => {
    expect(() => cosineDecay({ initialLearningRate: 1, decaySteps: 0 })).toThrow(
      /cosineDecay: decaySteps/,
    );
    expect(() => cosineDecay({ initialLearningRate: 1, decaySteps: 5, alpha: 2 })).toThrow(/alpha/);
    expect(() =>
      cosineDecay({ initialLearningRate: 1, decaySteps: 5, warmupSteps: -1, warmupTarget: 1 }),
    ).toThrow(/warmupSteps/);
  });
});
