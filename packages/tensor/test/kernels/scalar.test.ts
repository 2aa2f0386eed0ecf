import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logaddexp, roundHalfEven, sigmoid, softplus } from '../../src/kernels/scalar';

const finite = fc.double({ min: -700, max: 700, noNaN: true });

describe('kernel scalar functions', () => {
  it('softplus is log(1 + eˣ) below the threshold 20 and x above it (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        const y = softplus(x);
        if (x > 20) expect(y).toBe(x);
        // The naive form, accurate wherever 1 + eˣ does not round away eˣ.
        else if (x > -30) expect(Math.abs(y - Math.log(1 + Math.exp(x)))).toBeLessThan(1e-15 * 30);
        expect(y).toBeGreaterThanOrEqual(0);
      }),
    );
    // Far below zero, softplus(x) ≈ eˣ to full precision (the naive form would give 0).
    expect(softplus(-50)).toBeCloseTo(Math.exp(-50), 35);
    expect(softplus(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(softplus(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(softplus(Number.NaN)).toBeNaN();
  });

  it('logaddexp is log(eᵃ + eᵇ), symmetric and overflow-free (property)', () => {
    fc.assert(
      fc.property(finite, finite, (a, b) => {
        const y = logaddexp(a, b);
        expect(logaddexp(b, a)).toBe(y);
        expect(y).toBeGreaterThanOrEqual(Math.max(a, b));
        expect(y).toBeLessThanOrEqual(Math.max(a, b) + Math.LN2 + 1e-12);
        // Shift-invariance: logaddexp(a − c, b − c) = logaddexp(a, b) − c, checked without
        // overflow by the naive form on the shifted pair.
        const c = Math.max(a, b);
        const naive = Math.log(Math.exp(a - c) + Math.exp(b - c)) + c;
        expect(Math.abs(y - naive)).toBeLessThanOrEqual(4e-16 * Math.max(1, Math.abs(y)));
      }),
    );
    expect(logaddexp(1e308, 1e308)).toBeCloseTo(1e308, -300);
    expect(logaddexp(Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY)).toBe(
      Number.NEGATIVE_INFINITY,
    );
    expect(logaddexp(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(logaddexp(Number.NEGATIVE_INFINITY, 3)).toBe(3);
    expect(logaddexp(Number.NaN, Number.POSITIVE_INFINITY)).toBeNaN();
    expect(logaddexp(2, Number.NaN)).toBeNaN();
  });

  it('sigmoid never overflows and is symmetric: σ(−x) = 1 − σ(x)', () => {
    fc.assert(
      fc.property(finite, (x) => {
        expect(Math.abs(sigmoid(-x) - (1 - sigmoid(x)))).toBeLessThan(2e-16);
      }),
    );
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
  });

  it('roundHalfEven rounds ties to the even neighbour and leaves others to Math.round', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, 2.6, -2.6].map(roundHalfEven)).toEqual([
      0, 2, 2, -0, -2, -2, 2, 3, -3,
    ]);
    expect(roundHalfEven(Number.NaN)).toBeNaN();
    expect(roundHalfEven(Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
  });
});
