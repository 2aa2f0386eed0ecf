import { describe, expect, it } from 'vitest';
import { inverseTimeDecay } from '../src/index.js';

describe('inverseTimeDecay (Keras InverseTimeDecay, the lecture’s SGD decay)', () => {
  it('is lr / (1 + decay·t) with decaySteps = 1', () => {
    const s = inverseTimeDecay({ initialLearningRate: 0.01, decayRate: 1e-3 });
    expect(s(0)).toBe(0.01);
    expect(s(1000)).toBeCloseTo(0.005, 17);
    expect(s(250)).toBeCloseTo(0.008, 17);
  });
  it('divides t by decaySteps, flooring with staircase', () => {
    const s = inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 });
    expect(s(15)).toBeCloseTo(0.1 / 1.75, 16); // 0.05714…
    const st = inverseTimeDecay({
      initialLearningRate: 0.1,
      decaySteps: 10,
      decayRate: 0.5,
      staircase: true,
    });
    expect(st(15)).toBeCloseTo(0.1 / 1.5, 16);
    expect(st(9)).toBe(0.1);
  });
  it('names bad options', () => {
    expect(() => inverseTimeDecay({ initialLearningRate: 0.1, decayRate: -0.1 })).toThrow(
      /inverseTimeDecay: decayRate/,
    );
    expect(() =>
      inverseTimeDecay({ initialLearningRate: 0.1, decayRate: 1, decaySteps: -1 }),
    ).toThrow(RangeError);
  });
});
