import { describe, expect, it } from 'vitest';
import { polynomialDecay } from '../src/index.js';

describe('polynomialDecay (Keras PolynomialDecay)', () => {
  it('decays linearly to endLearningRate and stays there', () => {
    const s = polynomialDecay({
      initialLearningRate: 0.1,
      decaySteps: 10000,
      endLearningRate: 0.01,
      power: 0.5,
    });
    // (0.1 − 0.01)·(1 − 2500/10000)^0.5 + 0.01 = 0.09·0.8660254037844386 + 0.01
    expect(s(2500)).toBeCloseTo(0.09 * Math.sqrt(0.75) + 0.01, 16);
    expect(s(2500)).toBeCloseTo(0.0879423, 7);
    expect(s(10000)).toBe(0.01);
    expect(s(20000)).toBe(0.01);
  });
  it('uses endLearningRate 1e-4 and power 1 by default', () => {
    const s = polynomialDecay({ initialLearningRate: 0.1, decaySteps: 100 });
    expect(s(50)).toBeCloseTo(0.05005, 16);
  });
  it('cycle stretches decaySteps to the next multiple', () => {
    const s = polynomialDecay({
      initialLearningRate: 1,
      decaySteps: 10,
      endLearningRate: 0,
      cycle: true,
    });
    expect(s(0)).toBe(1);
    expect(s(5)).toBe(0.5);
    expect(s(10)).toBe(0);
    expect(s(15)).toBe(0.25); // D' = 20: 1 − 15/20
    expect(s(25)).toBeCloseTo(1 / 6, 16); // D' = 30
  });
  it('names bad options', () => {
    expect(() => polynomialDecay({ initialLearningRate: 1, decaySteps: 0 })).toThrow(
      /polynomialDecay: decaySteps/,
    );
    expect(() => polynomialDecay({ initialLearningRate: 1, decaySteps: 1, power: -2 })).toThrow(
      /power/,
    );
  });
});
