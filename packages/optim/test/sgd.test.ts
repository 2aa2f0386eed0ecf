import { backendName, tensor, useBackend } from '@gd/tensor';
import { afterEach, describe, expect, it } from 'vitest';
import { SGD, type SGDOptions } from '../src';
import { TOL, casesOf, label, makeParams, runGolden } from './helpers';

describe('SGD', () => {
  it.each(casesOf('SGD').map((c) => [label(c), c] as const))(
    'follows torch.optim.SGD: %s',
    (_, c) => {
      const dev = runGolden(c, (p, o) => new SGD(p, o as unknown as SGDOptions));
      expect(dev).toBeLessThanOrEqual(TOL);
    },
  );

  it('requires lr, as PyTorch 1.13 does, unless every group gives one', () => {
    const [p, q] = makeParams([[1], [2]]);
    expect(() => new SGD([p], {} as SGDOptions)).toThrow(/learning rate is required/);
    expect(() => new SGD([{ params: [p], lr: 0.1 }, { params: [q] }])).toThrow(
      /learning rate is required/,
    );
    const opt = new SGD([
      { params: [p], lr: 0.1 },
      { params: [q], lr: 0.2 },
    ]);
    expect(opt.paramGroups.map((g) => g.lr)).toEqual([0.1, 0.2]);
    expect(() => new SGD([{ params: [p], lr: -1 }])).toThrow(
      'SGD: param group 0: lr must be >= 0, got -1',
    );
  });

  it('rejects bad hyperparameters naming the option and value', () => {
    const [p] = makeParams([[1]]);
    expect(() => new SGD([p], { lr: -0.1 })).toThrow('SGD: lr must be >= 0, got -0.1');
    expect(() => new SGD([p], { lr: 0.1, momentum: -1 })).toThrow(RangeError);
    expect(() => new SGD([p], { lr: 0.1, weightDecay: -1 })).toThrow(/weightDecay/);
    expect(() => new SGD([p], { lr: 0.1, nesterov: true })).toThrow(
      /nesterov requires momentum > 0 and dampening 0/,
    );
    expect(() => new SGD([p], { lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true })).toThrow(
      RangeError,
    );
  });

  it('does not move on a zero gradient, with or without momentum', () => {
    for (const momentum of [0, 0.9]) {
      const [p] = makeParams([[1.5, -2]]);
      const opt = new SGD([p], { lr: 0.1, momentum, nesterov: momentum > 0 });
      for (let i = 0; i < 3; i++) opt.step();
      expect(Array.from(p.value.data)).toEqual([1.5, -2]);
    }
  });

  it('reproduces the lecture momentum v ← μv − εg, w ← w + v (seeds 001/004)', () => {
    const mu = 0.9;
    const eps = 0.01;
    const [p] = makeParams([[3]]);
    const opt = new SGD([p], { lr: eps, momentum: mu });
    let w = 3;
    let v = 0;
    for (let i = 0; i < 50; i++) {
      const g = 2 * w;
      v = mu * v - eps * g;
      w = w + v;
      (p.grad!.data as Float64Array)[0] = 2 * p.value.data[0];
      opt.step();
      expect(p.value.data[0]).toBeCloseTo(w, 12);
    }
  });

  it('reproduces the damped lecture momentum Δθ ← βΔθ − (1−β)α∇E from the first step with lr = (1−β)α (the optimizers seminar)', () => {
    const beta = 0.8;
    const alpha = 0.1;
    const [p] = makeParams([[3]]);
    const opt = new SGD([p], { lr: (1 - beta) * alpha, momentum: beta });
    let theta = 3;
    let delta = 0;
    for (let i = 0; i < 40; i++) {
      delta = beta * delta - (1 - beta) * alpha * (2 * theta);
      theta = theta + delta;
      (p.grad!.data as Float64Array)[0] = 2 * p.value.data[0];
      opt.step();
      expect(Math.abs(p.value.data[0] - theta)).toBeLessThan(1e-13);
    }
  });

  it('with dampening = momentum the damped lecture form differs only in the first step', () => {
    const beta = 0.8;
    const alpha = 0.1;
    const [p] = makeParams([[3]]);
    const opt = new SGD([p], { lr: alpha, momentum: beta, dampening: beta });
    (p.grad!.data as Float64Array)[0] = 6;
    opt.step();
    // PyTorch starts the buffer at g, so the first move is −αg rather than −(1−β)αg.
    expect(p.value.data[0]).toBeCloseTo(3 - alpha * 6, 14);
  });

  it('updates float32 parameters in place without reallocating', () => {
    const p = { value: tensor([1, 2], { dtype: 'float32' }), grad: tensor([1, 1]) };
    const buffer = p.value.data;
    const opt = new SGD([p], { lr: 0.5, momentum: 0.9 });
    opt.step();
    opt.step();
    expect(p.value.data).toBe(buffer);
    expect(p.value.data[0]).toBeCloseTo(1 - 0.5 - 0.95, 6);
    expect(p.value.data[1]).toBeCloseTo(2 - 0.5 - 0.95, 6);
    expect(opt.state.get(p)?.momentumBuffer).toBeInstanceOf(Float32Array);
  });
});

describe("SGD's update on the 'wasm' and 'js' kernel tiers", () => {
  const initial = backendName();
  afterEach(() => {
    if (initial !== 'custom') useBackend(initial);
  });

  /** Five SGD steps on a 1000-element parameter (the WASM kernel's size) and a bias. */
  function trajectory(
    tier: 'wasm' | 'js',
    dtype: 'float32' | 'float64',
    options: Partial<SGDOptions>,
  ): number[] {
    useBackend(tier);
    const x0 = [Array.from({ length: 1000 }, (_, i) => Math.sin(i)), [0.5, -0.25, 2]];
    const params = makeParams(x0, dtype);
    const opt = new SGD(params, { lr: 0.01, ...options });
    for (let t = 1; t <= 5; t++) {
      for (const p of params) {
        const g = p.grad!.data;
        for (let i = 0; i < g.length; i++) g[i] = Math.cos(i * t) * p.value.data[i];
      }
      opt.step();
    }
    const values = params.flatMap((p) => Array.from(p.value.data));
    const buffers = params.flatMap((p) => Array.from(opt.state.get(p)?.momentumBuffer ?? []));
    return [...values, ...buffers];
  }

  it.each([
    {},
    { momentum: 0.9 },
    { momentum: 0.9, dampening: 0.1, weightDecay: 1e-3, maximize: true },
    { momentum: 0.9, nesterov: true },
  ] as Partial<SGDOptions>[])('%j gives the same bits on both tiers, float32 and float64', (o) => {
    for (const dtype of ['float32', 'float64'] as const) {
      const wasm = trajectory('wasm', dtype, o);
      const js = trajectory('js', dtype, o);
      expect(wasm.length).toBe(js.length);
      expect(wasm.every((x, i) => Object.is(x, js[i]))).toBe(true);
      const start = dtype === 'float32' ? Math.fround(Math.sin(1)) : Math.sin(1);
      expect(wasm[1]).not.toBe(start);
    }
  });
});
