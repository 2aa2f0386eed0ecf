import { GdRangeError } from '@gd/errors';
import {
  DTypeError,
  type FusedAdamOptions,
  ShapeError,
  backendName,
  fusedAdam,
  fusedSgd,
  type FusedSgdOptions,
  useBackend,
} from '@gd/tensor';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';

type Ctor = Float32ArrayConstructor | Float64ArrayConstructor;

const initial = backendName();
afterEach(() => {
  if (initial !== 'custom') useBackend(initial);
});

const BASE: FusedAdamOptions = { step: 1, lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8 };

/** Runs `steps` updates of fusedAdam on copies of p from gradients g(t), on the given tier. */
function run(
  tier: 'js' | 'wasm',
  ctor: Ctor,
  p0: number[],
  grads: number[][],
  o: Omit<FusedAdamOptions, 'step'>,
  amsgrad: boolean,
): Float32Array[] | Float64Array[] {
  useBackend(tier);
  const n = p0.length;
  const p = ctor.from(p0);
  const m = new ctor(n);
  const v = new ctor(n);
  const vmax = amsgrad ? new ctor(n) : null;
  grads.forEach((g, t) => {
    fusedAdam(p, ctor.from(g), m, v, vmax, { ...o, step: t + 1 });
  });
  return [p, m, v, ...(vmax ? [vmax] : [])] as Float32Array[] | Float64Array[];
}

describe('fusedAdam', () => {
  it('takes the first Adam step: θ ← θ − α·sign(g) (bias-corrected m̂/√v̂ = g/|g|)', () => {
    const w = new Float32Array([1, 2]);
    const m = new Float32Array(2);
    const v = new Float32Array(2);
    fusedAdam(w, new Float32Array([0.5, -0.5]), m, v, null, BASE);
    expect(w[0]).toBeCloseTo(0.999, 6);
    expect(w[1]).toBeCloseTo(2.001, 6);
    expect(Array.from(m)).toEqual([Math.fround(0.05), Math.fround(-0.05)]);
    expect(v[0]).toBe(Math.fround((1 - 0.999) * 0.5 * 0.5));
  });

  it('follows the paper’s formula over several float64 steps, with each option', () => {
    const cases: [Omit<FusedAdamOptions, 'step'>, boolean][] = [
      [BASE, false],
      [{ ...BASE, weightDecay: 0.1 }, false],
      [{ ...BASE, decoupledWeightDecay: 0.1 }, false],
      [{ ...BASE, maximize: true }, false],
      [{ ...BASE, epsInsideSqrt: true, eps: 1e-3 }, false],
      [{ ...BASE, biasCorrection: 'constant' }, false],
      [{ ...BASE, biasCorrection: 'none' }, false],
      [BASE, true],
    ];
    const n = 70;
    const p0 = Array.from({ length: n }, (_, i) => Math.sin(i + 1));
    const grads = [1, 2, 3, 4].map((t) => p0.map((x, i) => Math.cos(i * t) * x));
    for (const [o, amsgrad] of cases) {
      // The textbook update, written independently of the fused loop.
      const p = [...p0];
      const m = new Array(n).fill(0);
      const v = new Array(n).fill(0);
      const vmax = new Array(n).fill(0);
      const [b1, b2] = o.betas;
      grads.forEach((g, k) => {
        const t = k + 1;
        const bc = o.biasCorrection ?? 'step';
        const bc1 = bc === 'step' ? 1 - b1 ** t : bc === 'constant' ? 1 - b1 : 1;
        const bc2 = bc === 'step' ? 1 - b2 ** t : bc === 'constant' ? 1 - b2 : 1;
        for (let i = 0; i < n; i++) {
          let gi = o.maximize ? -g[i] : g[i];
          gi += (o.weightDecay ?? 0) * p[i];
          p[i] *= 1 - o.lr * (o.decoupledWeightDecay ?? 0);
          m[i] = b1 * m[i] + (1 - b1) * gi;
          v[i] = b2 * v[i] + (1 - b2) * gi * gi;
          vmax[i] = Math.max(vmax[i], v[i]);
          const vh = (amsgrad ? vmax[i] : v[i]) / bc2;
          const den = o.epsInsideSqrt ? Math.sqrt(vh + o.eps) : Math.sqrt(vh) + o.eps;
          p[i] -= (o.lr * (m[i] / bc1)) / den;
        }
      });
      for (const tier of ['js', 'wasm'] as const) {
        const [got] = run(tier, Float64Array, p0, grads, o, amsgrad);
        for (let i = 0; i < n; i++)
          expect(got[i], `${tier} ${JSON.stringify(o)}`).toBeCloseTo(p[i], 12);
      }
    }
  });

  it("gives the same bits on the 'wasm' and 'js' tiers (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Ctor>(Float32Array, Float64Array),
        fc.integer({ min: 0, max: 300 }),
        fc.record({
          lr: fc.double({ min: 1e-5, max: 0.5, noNaN: true }),
          betas: fc.tuple(
            fc.double({ min: 0, max: 0.99, noNaN: true }),
            fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
          ),
          eps: fc.constantFrom(1e-8, 1e-6),
          weightDecay: fc.constantFrom(0, 1e-2),
          decoupledWeightDecay: fc.constantFrom(0, 1e-2),
          maximize: fc.boolean(),
          epsInsideSqrt: fc.boolean(),
          biasCorrection: fc.constantFrom('step' as const, 'constant' as const, 'none' as const),
        }),
        fc.boolean(),
        fc.integer({ min: 1, max: 1e6 }),
        (ctor, n, o, amsgrad, seed) => {
          const p0 = Array.from({ length: n }, (_, i) => Math.sin(seed + i));
          const grads = [1, 2, 3].map((t) => p0.map((_, i) => Math.cos(seed * t + i) * 0.1));
          const js = run('js', ctor, p0, grads, o, amsgrad);
          const wasm = run('wasm', ctor, p0, grads, o, amsgrad);
          js.forEach((a, k) => {
            for (let i = 0; i < n; i++) expect(Object.is(wasm[k][i], a[i])).toBe(true);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('updates arrays of mixed dtypes (through the reference loop)', () => {
    const p = new Float32Array(100).fill(1);
    const g = new Float64Array(100).fill(0.25);
    const m = new Float64Array(100);
    const v = new Float32Array(100);
    fusedAdam(p, g, m, v, null, BASE);
    expect(p[99]).toBe(Math.fround(1 - 1e-3 * (0.25 / (0.25 + 1e-8))));
    expect(m[0]).toBe((1 - 0.9) * 0.25);
  });

  it('rejects non-float arrays, mismatched lengths and a step below 1', () => {
    const a = () => new Float32Array(3);
    expect(() =>
      fusedAdam(a(), new Int32Array(3) as unknown as Float32Array, a(), a(), null, BASE),
    ).toThrow(DTypeError);
    expect(() => fusedAdam(a(), a(), a(), a(), null, BASE)).not.toThrow();
    expect(() => fusedAdam(a(), a(), new Float32Array(2), a(), null, BASE)).toThrow(
      /fusedAdam: expAvg has 2 elements but param has 3/,
    );
    expect(() => fusedAdam(a(), a(), a(), a(), new Float32Array(4), BASE)).toThrow(ShapeError);
    expect(() => fusedAdam(a(), a(), a(), a(), null, { ...BASE, step: 0 })).toThrow(GdRangeError);
    expect(() => fusedAdam(a(), a(), a(), a(), null, { ...BASE, step: 1.5 })).toThrow(
      /step must be a positive integer/,
    );
  });
});

describe('fusedSgd', () => {
  it('takes momentum SGD steps as torch.optim.SGD: b ← g first, then μb + (1−τ)g; θ ← θ − ηb', () => {
    const w = new Float64Array([1, 2]);
    const b = new Float64Array(2);
    fusedSgd(w, new Float64Array([0.5, -0.5]), b, { lr: 0.1, momentum: 0.9, isFirstStep: true });
    expect(Array.from(b)).toEqual([0.5, -0.5]);
    expect(Array.from(w)).toEqual([1 - 0.1 * 0.5, 2 + 0.1 * 0.5]);
    fusedSgd(w, new Float64Array([1, 1]), b, { lr: 0.1, momentum: 0.9, dampening: 0.5 });
    expect(b[0]).toBeCloseTo(0.9 * 0.5 + 0.5 * 1, 15);
    expect(w[0]).toBeCloseTo(0.95 - 0.1 * 0.95, 15);
  });

  it('follows the textbook update over several float64 steps, with each option', () => {
    const cases: FusedSgdOptions[] = [
      { lr: 0.1 },
      { lr: 0.1, weightDecay: 0.1 },
      { lr: 0.1, maximize: true },
      { lr: 0.1, momentum: 0.9 },
      { lr: 0.1, momentum: 0.9, dampening: 0.3 },
      { lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.01 },
    ];
    const n = 70;
    const p0 = Array.from({ length: n }, (_, i) => Math.sin(i + 1));
    const grads = [1, 2, 3, 4].map((t) => p0.map((x, i) => Math.cos(i * t) * x));
    for (const o of cases) {
      const mu = o.momentum ?? 0;
      const p = [...p0];
      const b = new Array(n).fill(0);
      grads.forEach((g, k) => {
        for (let i = 0; i < n; i++) {
          let d = (o.maximize ? -g[i] : g[i]) + (o.weightDecay ?? 0) * p[i];
          if (mu !== 0) {
            b[i] = k === 0 ? d : mu * b[i] + (1 - (o.dampening ?? 0)) * d;
            d = o.nesterov ? d + mu * b[i] : b[i];
          }
          p[i] -= o.lr * d;
        }
      });
      for (const tier of ['js', 'wasm'] as const) {
        useBackend(tier);
        const w = Float64Array.from(p0);
        const buf = new Float64Array(n);
        grads.forEach((g, k) => {
          fusedSgd(w, Float64Array.from(g), buf, { ...o, isFirstStep: k === 0 });
        });
        for (let i = 0; i < n; i++)
          expect(w[i], `${tier} ${JSON.stringify(o)}`).toBeCloseTo(p[i], 13);
      }
    }
  });

  it("gives the same bits on the 'wasm' and 'js' tiers (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Ctor>(Float32Array, Float64Array),
        fc.integer({ min: 0, max: 300 }),
        fc.record({
          lr: fc.double({ min: 1e-5, max: 0.5, noNaN: true }),
          momentum: fc.constantFrom(0, 0.5, 0.9),
          dampening: fc.constantFrom(0, 0.1),
          weightDecay: fc.constantFrom(0, 1e-2),
          nesterov: fc.boolean(),
          maximize: fc.boolean(),
        }),
        fc.integer({ min: 1, max: 1e6 }),
        (ctor, n, o, seed) => {
          const p0 = Array.from({ length: n }, (_, i) => Math.sin(seed + i));
          const out = (['js', 'wasm'] as const).map((tier) => {
            useBackend(tier);
            const p = ctor.from(p0);
            const b = new ctor(n);
            for (let t = 0; t < 3; t++) {
              const g = ctor.from(p0.map((_, i) => Math.cos(seed * (t + 1) + i) * 0.1));
              fusedSgd(p, g, b, { ...o, isFirstStep: t === 0 });
            }
            return [p, b];
          });
          for (const k of [0, 1])
            for (let i = 0; i < n; i++) expect(Object.is(out[1][k][i], out[0][k][i])).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('needs a buffer only with momentum, and rejects bad arrays', () => {
    const a = () => new Float32Array(3);
    expect(() => fusedSgd(a(), a(), null, { lr: 0.1 })).not.toThrow();
    expect(() => fusedSgd(a(), a(), null, { lr: 0.1, momentum: 0.9 })).toThrow(
      /fusedSgd: momentum 0.9 needs a momentumBuffer/,
    );
    expect(() => fusedSgd(a(), new Float32Array(2), null, { lr: 0.1 })).toThrow(ShapeError);
    expect(() =>
      fusedSgd(a(), a(), [0, 0, 0] as unknown as Float32Array, { lr: 0.1, momentum: 0.5 }),
    ).toThrow(DTypeError);
  });
});
