import { describe, expect, it } from 'vitest';
import { piecewiseConstantDecay } from '../src/index.js';

describe('piecewiseConstantDecay (Keras PiecewiseConstantDecay)', () => {
  const s = piecewiseConstantDecay({ boundaries: [100000, 110000], values: [1.0, 0.5, 0.1] });
  it('uses values[0] up to and including the first boundary', () => {
    expect(s(0)).toBe(1.0);
    expect(s(100000)).toBe(1.0);
  });
  it('switches just after each boundary', () => {
    expect(s(100001)).toBe(0.5);
    expect(s(110000)).toBe(0.5);
    expect(s(110001)).toBe(0.1);
    expect(s(1e9)).toBe(0.1);
  });
  it('checks lengths and order', () => {
    expect(() => piecewiseConstantDecay({ boundaries: [1, 2], values: [1, 2] })).toThrow(
      /values must have one more entry than boundaries/,
    );
    expect(() => piecewiseConstantDecay({ boundaries: [5, 2], values: [1, 2, 3] })).toThrow(
      /strictly increasing/,
    );
  });
});
