import { describe, expect, it } from 'vitest';
import { CyclicLR, cyclicLRSchedule, cyclicMomentumSchedule } from '../src/index.js';
import {
  casesFor,
  freshCases,
  expectRow,
  expectScheduleMatches,
  LAMBDAS,
  runGolden,
  runRoundTrip,
} from './golden.js';

describe('CyclicLR against PyTorch 1.13', () => {
  for (const c of casesFor('CyclicLR')) {
    it(c.name, () => runGolden(c));
    it(`${c.name}: stateDict round trip mid-schedule`, () => runRoundTrip(c));
  }
});

function shapeOf(options: Record<string, unknown>) {
  const o = { ...options } as Record<string, unknown>;
  if (typeof o.scaleFn === 'string') o.scaleFn = LAMBDAS[o.scaleFn];
  return o;
}

describe('cyclicLRSchedule / cyclicMomentumSchedule', () => {
  for (const c of freshCases('CyclicLR')) {
    it(`closed forms match ${c.name}`, () => {
      const o = shapeOf(c.options);
      const pick = (v: unknown, i: number, d: number) =>
        Array.isArray(v) ? (v[i] as number) : v === undefined ? d : (v as number);
      c.groupsBefore.forEach((_, i) => {
        const lr = cyclicLRSchedule({
          ...o,
          baseLr: pick(o.baseLr, i, 0),
          maxLr: pick(o.maxLr, i, 0),
        });
        expectScheduleMatches(c, lr, i);
        if (o.cycleMomentum !== false && c.momentum) {
          const m = cyclicMomentumSchedule({
            ...o,
            baseMomentum: pick(o.baseMomentum, i, 0.8),
            maxMomentum: pick(o.maxMomentum, i, 0.9),
          });
          expectRow(
            c.lr.map((_, k) => m(k)),
            c.momentum.map((row) => row[i]),
            `${c.name}: momentum schedule ${i}`,
          );
        }
      });
    });
  }
});

describe('CyclicLR momentum cycling with Adam-style betas', () => {
  it('moves betas[0] exactly as it moves SGD momentum, leaving betas[1]', () => {
    const sgdCase = casesFor('CyclicLR').find((c) => c.name === 'CyclicLR exp_range');
    if (!sgdCase?.momentum) throw new Error('fixture missing');
    const opt = {
      paramGroups: [
        { lr: 0.01, betas: [0.9, 0.999] },
        { lr: 0.002, betas: [0.9, 0.999] },
      ],
    };
    const o = sgdCase.options as unknown as ConstructorParameters<typeof CyclicLR>[1];
    const s = new CyclicLR(opt, o);
    const rows = [opt.paramGroups.map((g) => g.betas[0])];
    for (let k = 0; k < sgdCase.calls.length; k++) {
      s.step();
      rows.push(opt.paramGroups.map((g) => g.betas[0]));
      expect(opt.paramGroups[0].betas[1]).toBe(0.999);
    }
    rows.forEach((row, k) => {
      expectRow(row, sgdCase.momentum?.[k] ?? [], `betas[0] at ${k}`);
    });
  });
  it('reports an optimizer without momentum unless cycleMomentum is false', () => {
    const opt = { paramGroups: [{ lr: 0.1 }] };
    expect(() => new CyclicLR(opt, { baseLr: 0.01, maxLr: 0.1 })).toThrow(/cycleMomentum: false/);
    const s = new CyclicLR(opt, { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 4, cycleMomentum: false });
    s.step();
    expect(opt.paramGroups[0].lr).toBeCloseTo(0.0325, 15);
  });
});

describe('CyclicLR validation', () => {
  const opt = () => ({ paramGroups: [{ lr: 0.1, momentum: 0.9 }] });
  it('names the bad option', () => {
    expect(
      () => new CyclicLR(opt(), { baseLr: 0.01, maxLr: 0.1, mode: 'zigzag' as never }),
    ).toThrow(/CyclicLR: mode must be one of 'triangular', 'triangular2', 'exp_range', got zigzag/);
    expect(() => new CyclicLR(opt(), { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 0 })).toThrow(
      /stepSizeUp/,
    );
    expect(() => new CyclicLR(opt(), { baseLr: [0.01, 0.02], maxLr: 0.1 })).toThrow(
      /expected 1 values for baseLr/,
    );
    expect(() => new CyclicLR(opt(), { baseLr: 0.01, maxLr: 0.1, gamma: -1 })).toThrow(/gamma/);
  });
});
