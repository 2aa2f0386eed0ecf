import { describe, expect, it } from 'vitest';
import { cosineDecayRestarts } from '../src/index.js';

describe('cosineDecayRestarts (Keras CosineDecayRestarts)', () => {
  it('restarts after 10, then after 20 more steps (tMul = 2)', () => {
    const s = cosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 10 });
    expect(s(0)).toBe(0.1);
    expect(s(5)).toBeCloseTo(0.05, 16);
    expect(s(10)).toBeCloseTo(0.1, 16);
    expect(s(20)).toBeCloseTo(0.05, 16); // half-way through the 20-step period
    expect(s(30)).toBeCloseTo(0.1, 16);
  });
  it('scales restart peaks by mMul and floors with alpha; tMul = 1 keeps the period', () => {
    const s = cosineDecayRestarts({
      initialLearningRate: 1,
      firstDecaySteps: 4,
      tMul: 1,
      mMul: 0.5,
      alpha: 0.2,
    });
    expect(s(4)).toBeCloseTo(0.8 * 0.5 + 0.2, 15); // second period, peak ½
    expect(s(10)).toBeCloseTo(0.8 * 0.25 * 0.5 + 0.2, 15); // third period, half-way
  });
  it('names bad options', () => {
    expect(() => cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 0 })).toThrow(
      /firstDecaySteps/,
    );
    expect(() =>
      cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 5, tMul: 0 }),
    ).toThrow(/tMul/);
  });
});
