import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cubicSaddle,
  d2lLecture,
  localMinima,
  riskVsEmpiricalRisk,
  saddleHessian,
  vanishingGradient,
} from '../src/d2l';

const fPrime = (x: number) => Math.cos(Math.PI * x) - Math.PI * x * Math.sin(Math.PI * x);

describe('riskVsEmpiricalRisk', () => {
  it("samples d2l's arange(0.5, 1.5, 0.01) and finds the two minima where d2l annotates them", () => {
    const r = riskVsEmpiricalRisk();
    expect(r.x).toHaveLength(100);
    expect(r.x[0]).toBe(0.5);
    expect(r.risk[10]).toBeCloseTo(0.6 * Math.cos(0.6 * Math.PI), 12);
    expect(r.empiricalRisk[50] - r.risk[50]).toBeCloseTo(0.2 * Math.cos(5 * Math.PI * 1.0), 12);
    // d2l: 'min of empirical risk' at (1.0, −1.2), 'min of risk' at (1.1, −1.05)
    expect(r.minEmpiricalRisk.x).toBeCloseTo(1.0, 1);
    expect(r.minEmpiricalRisk.value).toBeCloseTo(-1.2, 1);
    expect(r.minRisk.x).toBeCloseTo(1.1, 1);
    expect(r.minRisk.value).toBeCloseTo(-1.05, 2);
    expect(Math.abs(fPrime(r.minRisk.x))).toBeLessThan(1e-8);
    expect(r.minEmpiricalRisk.x).not.toBeCloseTo(r.minRisk.x, 2);
  });
});

describe('localMinima', () => {
  it('finds a local minimum near −0.3 and the global one near 1.1 (stationary points of x·cos(πx))', () => {
    const { local, global } = localMinima();
    expect(local.x).toBeCloseTo(-0.27, 1);
    expect(global.x).toBeCloseTo(1.09, 2);
    expect(Math.abs(fPrime(local.x))).toBeLessThan(1e-8);
    expect(Math.abs(fPrime(global.x))).toBeLessThan(1e-8);
    expect(global.value).toBeLessThan(local.value);
  });
});

describe('saddles', () => {
  it("x³ has f'(0) = f''(0) = 0", () => {
    expect(cubicSaddle()).toEqual({ firstDerivative: 0, secondDerivative: 0 });
  });

  it('x² − y² at (0, 0): zero gradient, Hessian diag(2, −2), eigenvalues 2 and −2, a saddle', () => {
    const s = saddleHessian();
    expect(s.gradient).toEqual([0, 0]);
    expect(s.hessian).toEqual([
      [2, 0],
      [0, -2],
    ]);
    expect(s.eigenvalues).toEqual([2, -2]);
    expect(s.kind).toBe('saddle');
  });

  it('the Hessian of x² − y² is diag(2, −2) everywhere, so every point has eigenvalues 2, −2 (property)', () => {
    const real = fc.double({ min: -10, max: 10, noNaN: true });
    fc.assert(
      fc.property(real, real, (x, y) => {
        const s = saddleHessian([x, y]);
        expect(s.eigenvalues).toEqual([2, -2]);
        expect(s.gradient[0]).toBeCloseTo(2 * x, 12);
        expect(s.gradient[1]).toBeCloseTo(-2 * y, 12);
      }),
      { numRuns: 25 },
    );
  });
});

describe('vanishingGradient', () => {
  it("tanh'(4) = 1 − tanh²(4) ≈ 0.0013, and GD from 4 hardly moves", () => {
    const v = vanishingGradient();
    expect(v.derivativeAt4).toBeCloseTo(1 - Math.tanh(4) ** 2, 15);
    expect(v.derivativeAt4.toFixed(4)).toBe('0.0013');
    expect(v.path).toHaveLength(101);
    expect(v.path[1]).toBeCloseTo(4 - v.derivativeAt4, 15);
    expect(v.path[100]).toBeGreaterThan(3.5);
  });
});

describe('d2lLecture', () => {
  it("prints d2l's numbers beside gd's and draws five figures", () => {
    const { numbers, figures } = d2lLecture();
    expect(numbers.find((n) => n.label.includes('eigenvalues'))).toEqual(
      expect.objectContaining({ lecture: '2, -2', gd: '2, -2' }),
    );
    expect(numbers.find((n) => n.label.startsWith("tanh'(4)"))?.gd).toMatch(/^0\.00134095/);
    expect(figures.map((f) => f.file)).toEqual([
      'risk-vs-empirical-risk',
      'local-minima',
      'saddle-cubic',
      'saddle-surface',
      'vanishing-gradient',
    ]);
  });
});
