// Runs every code sample the guides include (docs/snippets/*.ts) and checks the numbers the
// guides print, so the pages cannot drift from what gd computes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  argminOnGrid,
  empiricalRisk,
  risk,
  saddleAtOrigin,
  tanhSlope,
} from '../../../docs/snippets/challenges';
import { solution } from '../../../docs/snippets/getting-started';
import {
  descend,
  descendWithSGD,
  fitAdSpend,
  square,
  squarePlusExp,
  wavy,
  wavyStarts,
} from '../../../docs/snippets/gradient-descent';
import {
  checkGradients,
  compareStrategies,
  stepSizeSweep,
} from '../../../docs/snippets/linear-classifier';
import { optimizers, train } from '../../../docs/snippets/mlp-optimizers';
import { family, scheduleCurves, trajectory, valley } from '../../../docs/snippets/optimizers';

const docs = join(import.meta.dirname, '../../../docs');
const page = (name: string) => readFileSync(join(docs, name), 'utf8');

describe('getting started', () => {
  it('Adam takes Rosenbrock from (−1.5, 2) to its minimum (1, 1)', () => {
    expect(solution[0]).toBeCloseTo(1, 3);
    expect(solution[1]).toBeCloseTo(1, 3);
  });
});

describe('guide 1: gradient descent from scratch', () => {
  it('x² from 3 with η = 0.1: x₁₀₀ = 3·0.8¹⁰⁰, as the lecture prints', () => {
    const xs = descend(square, 3, 0.1, 100);
    expect(xs.slice(1, 4)).toEqual([2.4, 1.92, 1.536]);
    expect(xs[100]).toBeCloseTo(3 * 0.8 ** 100, 20);
    expect(page('guide/gradient-descent.md')).toContain('6.111107929');
  });

  it('x² + e^-x from 3 with η = 0.0005: the table of x every 1000 updates', () => {
    const xs = descend(squarePlusExp, 3, 0.0005, 10001);
    expect(Math.abs(xs[10001] - 0.3517383210080008)).toBeLessThan(1e-12);
    const table = page('guide/gradient-descent.md');
    for (let i = 0; i <= 10000; i += 1000) {
      const shown = table.match(new RegExp(`\\| ${i} \\| ([0-9.]+) \\|`));
      expect(shown, `row ${i}`).not.toBeNull();
      expect(Math.abs(Number(shown![1]) - xs[i + 1])).toBeLessThan(1e-12);
    }
    const ja = page('ja/guide/gradient-descent.md');
    for (const i of [0, 1000, 5000, 10000])
      expect(ja, `ja row ${i}`).toContain(`| ${i} | ${xs[i + 1]} |`);
    // The optimizer loop computes the same iterates.
    const viaSgd = descendWithSGD(squarePlusExp, 3, 0.0005, 10001);
    expect(Math.abs(viaSgd[10001] - xs[10001])).toBeLessThan(1e-12);
  });

  it('the non-convex function traps each start in a different valley', () => {
    const ends = wavyStarts.map((x0) => descend(wavy, x0, 0.05, 200).at(-1)!);
    expect(new Set(ends.map((x) => Math.abs(x).toFixed(3))).size).toBeGreaterThan(1);
  });

  it('the ad-spend fit moves a towards the least-squares slope Σxy/Σx²', () => {
    const { path, losses } = fitAdSpend();
    const best =
      (10 * 12 + 2 * 4 + 5 * 8 + 10 * 12 + 10 * 11 + 5 * 4) / (100 + 4 + 25 + 100 + 100 + 25);
    expect(Math.abs(path.at(-1)! - best)).toBeLessThan(0.01);
    expect(losses.at(-1)!).toBeLessThan(losses[0] / 50);
  });
});

describe('guide 2: a linear classifier (cs231n)', () => {
  it('gradient following beats random local search beats random search (the accuracies the guide prints)', () => {
    const r = compareStrategies(1000);
    expect(r.gradient.curve.at(-1)!).toBeLessThan(r.local.curve.at(-1)!);
    expect(r.local.curve.at(-1)!).toBeLessThan(r.random.curve.at(-1)!);
    const pct = (a: number) => `${Math.round(a * 100)} %`;
    for (const name of ['guide/linear-classifier.md', 'ja/guide/linear-classifier.md']) {
      const text = page(name);
      for (const k of ['random', 'local', 'gradient'] as const)
        expect(text, `${name}: ${k}`).toContain(pct(r[k].accuracy));
    }
  }, 180_000);

  it('numerical and analytic gradients agree; gradCheck passes', () => {
    const g = checkGradients();
    expect(g.relativeError).toBeLessThan(1e-6);
    expect(g.check.ok).toBe(true);
  });

  it('the step-size sweep falls, then blows up', () => {
    const { original, rows } = stepSizeSweep();
    const best = Math.min(...rows.map((r) => r.loss));
    expect(best).toBeLessThan(original);
    expect(rows.at(-1)!.loss).toBeGreaterThan(original * 10);
  });
});

describe('guide 3: the optimizer family', () => {
  it('every optimizer gets most of the way down the valley in 60 steps', () => {
    for (const { name, make } of family) {
      const t = trajectory(valley, make);
      expect(t.losses.at(-1)!, name).toBeLessThan(t.losses[0] / 10);
    }
  });

  it('LambdaLR and StepLR give PyTorch’s sequences', () => {
    const c = scheduleCurves(100);
    const lambda = c['LambdaLR (0.95^epoch)'];
    const step = c['StepLR (stepSize 20, γ 0.5)'];
    expect(lambda[10]).toBeCloseTo(0.1 * 0.95 ** 10, 15);
    expect([step[19], step[20], step[40]]).toEqual([0.1, 0.05, 0.025]);
  });
});

describe('guide 4: optimisation challenges (d2l)', () => {
  it('the minima of the risk and the empirical risk differ', () => {
    const a = argminOnGrid(risk, 0.5, 1.5);
    const b = argminOnGrid(empiricalRisk, 0.5, 1.5);
    expect(Math.abs(a - b)).toBeGreaterThan(0.05);
  });

  it('x² − y² has zero gradient and Hessian eigenvalues 2, −2 at the origin', () => {
    expect(saddleAtOrigin()).toEqual({ gradient: [0, 0], eigenvalues: [2, -2] });
    expect(page('guide/challenges.md')).toMatch(/eigenvalues 2 and −2/);
  });

  it("tanh'(4) ≈ 0.0013", () => {
    expect(tanhSlope(4)).toBeCloseTo(1 - Math.tanh(4) ** 2, 14);
    expect(tanhSlope(4).toFixed(4)).toBe('0.0013');
  });
});

describe('guide 5: optimizers on an MLP', () => {
  it('Adam learns the digits well above chance', () => {
    const adam = train(optimizers.Adam, 200);
    // 10 classes: chance is 0.1; 200 steps of Adam already get well past it.
    expect(adam.length).toBe(20);
    expect(adam.at(-1)!).toBeGreaterThan(0.3);
  });
});
