import { multiclassHinge } from '@gd/losses';
import { CS231N_STEP_SIZES } from '@gd/optim';
import { matmul, zeros } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import {
  CS231N_SWEEP_PRINTED,
  cs231nLecture,
  lossSlices,
  minibatchGradientDescent,
  numericalVsAnalyticGradient,
  randomSearchVsLocalVsGradient,
  stepSizeSweep,
  svmDigits,
} from '../src/cs231n';

describe('svmDigits', () => {
  it('appends the bias column to the raw pixels and splits 75/25', () => {
    const d = svmDigits();
    expect(d.xTrain.shape).toEqual([1347, 65]);
    expect(d.xTest.shape).toEqual([450, 65]);
    expect(d.xTrain.dtype).toBe('float64');
    const x = d.xTrain.data;
    for (let i = 0; i < 1347; i++) expect(x[i * 65 + 64]).toBe(1);
    expect(Math.max(...x)).toBe(16);
  });
});

describe('lossSlices', () => {
  it("a one-example slice is piecewise linear with at most 9 kinks (one per wrong class's max)", () => {
    const { oneExample1d, manyExamples2d, examples } = lossSlices({ steps: 5 });
    const l = oneExample1d.loss;
    const h = oneExample1d.a[1] - oneExample1d.a[0];
    let bends = 0;
    for (let i = 1; i < l.length - 1; i++) {
      if (Math.abs(l[i + 1] - 2 * l[i] + l[i - 1]) > 1e-9 * (1 + Math.abs(l[i])) + 1e-12 / h)
        bends++;
    }
    // each kink between two samples shows up as at most two non-zero second differences
    expect(bends).toBeLessThanOrEqual(18);
    expect(bends).toBeGreaterThan(0);
    expect(examples).toBe(100);
    expect(manyExamples2d.z).toHaveLength(5);
    expect(manyExamples2d.z[0]).toHaveLength(5);
  });
});

describe('numericalVsAnalyticGradient', () => {
  it('analytic and numerical gradients agree: relative error < 1e-7, and gradCheck passes', () => {
    const c = numericalVsAnalyticGradient({ examples: 40 });
    expect(c.analytic).toHaveLength(650);
    expect(c.relativeError).toBeLessThan(1e-7);
    expect(c.relativeErrorForward).toBeLessThan(1e-7);
    expect(c.gradCheckOk).toBe(true);
    // the gradient of a mean over 40 examples of ±pixel values is a multiple of 1/40
    for (const a of c.analytic) expect(Math.abs(a * 40 - Math.round(a * 40))).toBeLessThan(1e-9);
  });
});

describe('stepSizeSweep', () => {
  it("evaluates one step of each of cs231n's sizes 1e-10 … 1e-1 from the same W", () => {
    const s = stepSizeSweep();
    expect(s.entries.map((e) => e.stepSize)).toEqual([...CS231N_STEP_SIZES]);
    expect(CS231N_SWEEP_PRINTED).toHaveLength(11);
    // the smallest step barely changes the loss; the largest overshoots past the best
    expect(Math.abs(s.entries[0].loss - s.original)).toBeLessThan(1e-6);
    expect(s.best.loss).toBeLessThan(s.original);
    expect(s.entries[9].loss).toBeGreaterThan(s.best.loss);
  });
});

describe('randomSearchVsLocalVsGradient', () => {
  it('with the same budget, gradient following beats random local search, which beats random search', () => {
    const runs = randomSearchVsLocalVsGradient({ trials: 60 });
    expect(runs.map((r) => r.label)).toEqual([
      'random search',
      'random local search',
      'gradient following',
    ]);
    for (const r of runs) {
      expect(r.bestLosses).toHaveLength(60);
      for (let i = 1; i < 60; i++) expect(r.bestLosses[i]).toBeLessThanOrEqual(r.bestLosses[i - 1]);
      expect(r.testAccuracy).toBeGreaterThanOrEqual(0);
      expect(r.testAccuracy).toBeLessThanOrEqual(1);
    }
    expect(runs[2].bestLoss).toBeLessThan(runs[1].bestLoss);
    expect(runs[1].bestLoss).toBeLessThan(runs[0].bestLoss);
    expect(runs[2].testAccuracy).toBeGreaterThan(0.5);
  });
});

describe('minibatchGradientDescent', () => {
  it('lowers the full training loss and classifies the test digits', () => {
    const run = minibatchGradientDescent({ steps: 60 });
    expect(run.losses).toHaveLength(60);
    expect(run.losses[59]).toBeLessThan(run.losses[0]);
    // at W = 0 every wrong class costs the margin 1: L = 9
    const d = svmDigits();
    expect(
      multiclassHinge(matmul(d.xTrain, zeros([65, 10], { dtype: 'float64' })), d.yTrain).item(),
    ).toBe(9);
    expect(run.trainLoss).toBeLessThan(1);
    expect(run.testAccuracy).toBeGreaterThan(0.8);
  });
});

describe('cs231nLecture', () => {
  it("prints cs231n's numbers beside gd's and draws the figures", () => {
    const { numbers, figures } = cs231nLecture({ trials: 20, sliceSteps: 5, minibatchSteps: 10 });
    expect(numbers.find((n) => n.label === 'step-size sweep: original loss')?.lecture).toBe(
      '2.200718',
    );
    expect(
      numbers.find((n) => n.label === 'random local search: test accuracy of the final W')?.lecture,
    ).toBe('21.4%');
    expect(numbers.find((n) => n.label.startsWith('gradCheck'))?.gd).toBe('ok');
    expect(figures.map((f) => f.file)).toEqual([
      'loss-slice-1d',
      'loss-slice-2d-one',
      'loss-slice-2d-many',
      'search-strategies',
      'gradient-check',
      'step-size-sweep',
      'minibatch-gd',
    ]);
  });
});
