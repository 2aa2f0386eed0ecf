import { backendName, useBackend } from '@gd/tensor';
import { afterEach, describe, expect, it } from 'vitest';
import { Adam, type AdamOptions, AdamW } from '../src';
import { TOL, casesOf, label, makeParams, runGolden } from './helpers';

describe('Adam', () => {
  it.each(casesOf('Adam').map((c) => [label(c), c] as const))(
    'follows torch.optim.Adam: %s',
    (_, c) => {
      expect(runGolden(c, (p, o) => new Adam(p, o as Partial<AdamOptions>))).toBeLessThanOrEqual(
        TOL,
      );
    },
  );

  it('rejects bad hyperparameters with the message the API contract shows', () => {
    const [p] = makeParams([[1]]);
    expect(() => new Adam([p], { betas: [0.9, 1.5] })).toThrow(
      'Adam: betas[1] must be in [0, 1), got 1.5',
    );
    expect(() => new Adam([p], { betas: [-0.1, 0.9] })).toThrow(/betas\[0\]/);
    expect(() => new Adam([p], { lr: -1 })).toThrow('Adam: lr must be >= 0, got -1');
    expect(() => new Adam([p], { eps: -1e-8 })).toThrow(RangeError);
    expect(() => new Adam([p], { weightDecay: -1 })).toThrow(RangeError);
    expect(() => new Adam([p], { amsgrad: 1 as unknown as boolean })).toThrow(TypeError);
    expect(() => new Adam([p], { betas: [0.9] as unknown as [number, number] })).toThrow(TypeError);
  });

  it('does not move on a zero gradient', () => {
    const [p] = makeParams([[1.5, -2]]);
    const opt = new Adam([p], { amsgrad: true });
    for (let i = 0; i < 5; i++) opt.step();
    expect(Array.from(p.value.data)).toEqual([1.5, -2]);
    expect(opt.state.get(p)?.step).toBe(5);
  });

  it("with epsInsideSqrt computes the optimizers seminar's Δθ = −α m̂/√(v̂ + ε)", () => {
    const [p] = makeParams([[2, -1]]);
    const lr = 0.1;
    const eps = 1e-2;
    const opt = new Adam([p], { lr, eps, epsInsideSqrt: true });
    const theta = [2, -1];
    const m = [0, 0];
    const v = [0, 0];
    for (let t = 1; t <= 30; t++) {
      for (let i = 0; i < 2; i++) {
        const g = 2 * theta[i];
        m[i] = 0.9 * m[i] + 0.1 * g;
        v[i] = 0.999 * v[i] + 0.001 * g * g;
        const mHat = m[i] / (1 - 0.9 ** t);
        const vHat = v[i] / (1 - 0.999 ** t);
        theta[i] -= (lr * mHat) / Math.sqrt(vHat + eps);
      }
      const g = p.grad!.data as Float64Array;
      g[0] = 2 * p.value.data[0];
      g[1] = 2 * p.value.data[1];
      opt.step();
      expect(p.value.data[0]).toBeCloseTo(theta[0], 12);
      expect(p.value.data[1]).toBeCloseTo(theta[1], 12);
    }
  });

  it.each([
    ['constant', (b: number, _t: number): number => 1 - b],
    ['none', (_b: number, _t: number): number => 1],
    ['step', (b: number, t: number): number => 1 - b ** t],
  ] as const)(
    "with biasCorrection '%s' divides the moments by the matching correction (the optimizer exercise's m̂ = m/(1−ρ₁) is 'constant')",
    (mode, correction) => {
      const [p] = makeParams([[2, -1]]);
      const lr = 0.01;
      const eps = 1e-7;
      const [b1, b2] = [0.9, 0.999];
      const opt = new Adam([p], { lr, eps, betas: [b1, b2], biasCorrection: mode });
      const theta = [2, -1];
      const m = [0, 0];
      const v = [0, 0];
      for (let t = 1; t <= 40; t++) {
        for (let i = 0; i < 2; i++) {
          const g = 2 * theta[i];
          m[i] = b1 * m[i] + (1 - b1) * g;
          v[i] = b2 * v[i] + (1 - b2) * g * g;
          const mHat = m[i] / correction(b1, t);
          const vHat = v[i] / correction(b2, t);
          theta[i] -= (lr / (Math.sqrt(vHat) + eps)) * mHat;
        }
        const g = p.grad!.data as Float64Array;
        g[0] = 2 * p.value.data[0];
        g[1] = 2 * p.value.data[1];
        opt.step();
        expect(p.value.data[0]).toBeCloseTo(theta[0], 12);
        expect(p.value.data[1]).toBeCloseTo(theta[1], 12);
      }
    },
  );

  it("biasCorrection 'constant' differs from PyTorch's 'step' from the second step on", () => {
    const run = (mode: 'step' | 'constant') => {
      const [p] = makeParams([[1]]);
      const opt = new Adam([p], { lr: 0.1, biasCorrection: mode });
      const out: number[] = [];
      for (let t = 0; t < 3; t++) {
        (p.grad!.data as Float64Array)[0] = 2 * p.value.data[0];
        opt.step();
        out.push(p.value.data[0]);
      }
      return out;
    };
    const [a, b] = [run('step'), run('constant')];
    expect(a[0]).toBe(b[0]); // at t = 1 both corrections are 1 − β
    expect(a[1]).not.toBe(b[1]);
  });

  it('rejects an unknown biasCorrection and keeps it through stateDict', () => {
    const [p] = makeParams([[1]]);
    expect(() => new Adam([p], { biasCorrection: 'paper' as unknown as 'step' })).toThrow(
      "Adam: biasCorrection must be one of 'step', 'constant', 'none', got",
    );
    const opt = new Adam([p], { biasCorrection: 'constant' });
    const fresh = new Adam([p]);
    fresh.loadStateDict(opt.stateDict());
    expect(fresh.paramGroups[0].biasCorrection).toBe('constant');
  });

  it('starts the AMSGrad maximum at zero when amsgrad is switched on mid-run', () => {
    const [p] = makeParams([[1]]);
    const opt = new Adam([p]);
    (p.grad!.data as Float64Array)[0] = 1;
    opt.step();
    opt.paramGroups[0].amsgrad = true;
    opt.step();
    const s = opt.state.get(p)!;
    expect(s.maxExpAvgSq![0]).toBe(s.expAvgSq[0]);
  });

  it('creates state lazily, only for parameters with a gradient', () => {
    const [a, b] = makeParams([[1], [2]]);
    b.grad = null;
    const opt = new Adam([a, b]);
    opt.step();
    expect(opt.state.has(a)).toBe(true);
    expect(opt.state.has(b)).toBe(false);
    expect(opt.state.get(a)?.maxExpAvgSq).toBeNull();
  });
});

describe("Adam's update on the 'wasm' and 'js' kernel tiers", () => {
  const initial = backendName();
  afterEach(() => {
    if (initial !== 'custom') useBackend(initial);
  });

  /** Five Adam (or AdamW) steps on a 1000-element parameter (the WASM kernel's size) and a bias. */
  function trajectory(
    tier: 'wasm' | 'js',
    dtype: 'float32' | 'float64',
    make: (p: ReturnType<typeof makeParams>) => Adam | AdamW,
  ): number[] {
    useBackend(tier);
    const x0 = [Array.from({ length: 1000 }, (_, i) => Math.sin(i)), [0.5, -0.25, 2]];
    const params = makeParams(x0, dtype);
    const opt = make(params);
    for (let t = 1; t <= 5; t++) {
      for (const p of params) {
        const g = p.grad!.data;
        for (let i = 0; i < g.length; i++) g[i] = Math.cos(i * t) * p.value.data[i];
      }
      opt.step();
    }
    const state = params.flatMap((p) => Object.values(opt.state.get(p)!));
    return [
      ...params.flatMap((p) => Array.from(p.value.data)),
      ...state.flatMap((v) =>
        ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : [v as number],
      ),
    ];
  }

  it.each([
    ['Adam', (p: ReturnType<typeof makeParams>) => new Adam(p, { lr: 0.01 })],
    [
      'Adam with every option',
      (p: ReturnType<typeof makeParams>) =>
        new Adam(p, {
          lr: 0.01,
          weightDecay: 0.1,
          amsgrad: true,
          maximize: true,
          epsInsideSqrt: true,
          biasCorrection: 'constant',
        }),
    ],
    ['AdamW', (p: ReturnType<typeof makeParams>) => new AdamW(p, { lr: 0.01 })],
    [
      'AdamW with amsgrad',
      (p: ReturnType<typeof makeParams>) =>
        new AdamW(p, { lr: 0.01, amsgrad: true, weightDecay: 0.5 }),
    ],
  ] as const)('%s gives the same bits on both tiers, float32 and float64', (_, make) => {
    for (const dtype of ['float32', 'float64'] as const) {
      const wasm = trajectory('wasm', dtype, make);
      const js = trajectory('js', dtype, make);
      expect(wasm.length).toBe(js.length);
      expect(wasm.every((x, i) => Object.is(x, js[i]))).toBe(true);
      // and the parameters moved
      const start = dtype === 'float32' ? Math.fround(Math.sin(1)) : Math.sin(1);
      expect(wasm[1]).not.toBe(start);
    }
  });
});
