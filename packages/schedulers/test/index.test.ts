import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('public API', () => {
  it('exports every PyTorch scheduler as a class', () => {
    const classes = [
      api.LambdaLR,
      api.MultiplicativeLR,
      api.StepLR,
      api.MultiStepLR,
      api.ConstantLR,
      api.LinearLR,
      api.ExponentialLR,
      api.PolynomialLR,
      api.CosineAnnealingLR,
      api.CosineAnnealingWarmRestarts,
      api.CyclicLR,
      api.OneCycleLR,
      api.ReduceLROnPlateau,
      api.SequentialLR,
      api.ChainedScheduler,
    ];
    for (const cls of classes) {
      expect(typeof cls).toBe('function');
      expect(cls.prototype.stateDict, cls.name).toBeTypeOf('function');
      expect(cls.prototype.getLastLr, cls.name).toBeTypeOf('function');
    }
  });
  it('exports the pure schedules, each returning a function of the step', () => {
    const schedules = [
      api.stepLRSchedule({ lr: 1, stepSize: 2 }),
      api.exponentialDecay({ initialLearningRate: 1, decaySteps: 1, decayRate: 0.5 }),
      api.inverseTimeDecay({ initialLearningRate: 1, decayRate: 1 }),
      api.cosineDecay({ initialLearningRate: 1, decaySteps: 4 }),
      api.cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 4 }),
      api.polynomialDecay({ initialLearningRate: 1, decaySteps: 4 }),
      api.piecewiseConstantDecay({ boundaries: [1], values: [1, 0.5] }),
    ];
    for (const s of schedules) {
      expect(s(0)).toBe(1);
      expect(s(2)).toBeLessThan(1);
    }
  });
});
