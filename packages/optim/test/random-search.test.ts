import { Generator, ShapeError, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import {
  type Parameter,
  RandomLocalSearch,
  RandomSearch,
  randomLocalSearch,
  randomSearch,
} from '../src';

/** Σ (x_i − i)² over a parameter: minimum 0 at x = [0, 1, 2, …]. */
function makeProblem(n: number) {
  const w: Parameter = { value: tensor(new Array(n).fill(5), { dtype: 'float64' }), grad: null };
  const loss = () => {
    let s = 0;
    const x = w.value.data;
    for (let i = 0; i < n; i++) s += (x[i] - i) ** 2;
    return s;
  };
  return { w, loss };
}

describe('RandomSearch (cs231n strategy 1)', () => {
  it('keeps the best of N fresh draws W ~ σ·N(0, 1)', () => {
    const { w, loss } = makeProblem(4);
    const search = new RandomSearch([w], { std: 2, generator: new Generator(1) });
    const losses: number[] = [];
    for (let i = 0; i < 200; i++) losses.push(search.step(loss));
    expect(search.bestLoss).toBe(Math.min(...losses));
    expect(loss()).toBe(search.bestLoss);
    expect(search.bestLoss).toBeLessThan(losses[0]);
  });

  it('draws with the requested standard deviation', () => {
    const w: Parameter = {
      value: tensor(new Array(20000).fill(0), { dtype: 'float64' }),
      grad: null,
    };
    const search = new RandomSearch([w], { std: 1e-4, generator: new Generator(7) });
    let captured: Float64Array | null = null;
    search.step(() => {
      captured = (w.value.data as Float64Array).slice();
      return 0;
    });
    const x = captured as unknown as Float64Array;
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length);
    expect(sd).toBeGreaterThan(0.97e-4);
    expect(sd).toBeLessThan(1.03e-4);
  });

  it('randomSearch runs N trials reproducibly for a seeded generator', () => {
    const run = () => {
      const { w, loss } = makeProblem(3);
      return randomSearch([w], loss, { trials: 50, std: 3, generator: new Generator(3) });
    };
    const a = run();
    const b = run();
    expect(a).toEqual(b);
    expect(a.losses).toHaveLength(50);
    expect(a.bestLosses.every((v, i) => i === 0 || v <= a.bestLosses[i - 1])).toBe(true);
    expect(a.bestLoss).toBe(a.bestLosses[49]);
  });

  it('validates its options and needs a closure', () => {
    const { w } = makeProblem(2);
    expect(() => new RandomSearch([w], { std: -1 })).toThrow(
      'RandomSearch: std must be >= 0, got -1',
    );
    expect(() => new RandomSearch([w]).step()).toThrow(/needs a closure/);
    expect(() => new RandomSearch([w], { generator: {} as Generator })).toThrow(TypeError);
    expect(() => randomSearch([w], () => 0, { trials: 0 })).toThrow(
      /trials must be a positive integer/,
    );
  });
});

describe('RandomLocalSearch (cs231n strategy 2)', () => {
  it('moves only when the perturbed point is better, restoring exactly otherwise', () => {
    const { w, loss } = makeProblem(3);
    const search = new RandomLocalSearch([w], { stepSize: 0.5, generator: new Generator(11) });
    let best = Number.POSITIVE_INFINITY;
    let kept = Array.from(w.value.data);
    for (let i = 0; i < 300; i++) {
      const l = search.step(loss);
      if (l < best) {
        best = l;
        kept = Array.from(w.value.data);
      } else {
        expect(Array.from(w.value.data)).toEqual(kept);
      }
    }
    expect(search.bestLoss).toBe(best);
    expect(best).toBeLessThan(1);
  });

  it('randomLocalSearch improves on the starting loss', () => {
    const { w, loss } = makeProblem(5);
    const start = loss();
    const r = randomLocalSearch([w], loss, {
      trials: 500,
      stepSize: 0.3,
      generator: new Generator(5),
    });
    expect(r.bestLoss).toBeLessThan(start / 10);
    expect(loss()).toBe(r.bestLoss);
    expect(() => new RandomLocalSearch([w], { stepSize: -1 })).toThrow(
      'RandomLocalSearch: stepSize must be >= 0, got -1',
    );
  });

  it('stateDict round trip continues; a state dict for another size is a ShapeError', () => {
    const run = (split: boolean) => {
      const { w, loss } = makeProblem(4);
      const gen = new Generator(11);
      let search = new RandomLocalSearch([w], { stepSize: 0.5, generator: gen });
      for (let i = 0; i < 40; i++) {
        if (split && i === 20) {
          const saved = JSON.parse(JSON.stringify(search.stateDict()));
          search = new RandomLocalSearch([w], { stepSize: 0.5, generator: gen });
          search.loadStateDict(saved);
        }
        search.step(loss);
      }
      return [search.bestLoss, ...Array.from(w.value.data)];
    };
    expect(run(true)).toEqual(run(false));
    const { w, loss } = makeProblem(4);
    const search = new RandomLocalSearch([w], { stepSize: 0.5 });
    search.step(loss);
    const saved = JSON.parse(JSON.stringify(search.stateDict()));
    const other = makeProblem(3);
    const fresh = new RandomLocalSearch([other.w]);
    expect(() => fresh.loadStateDict(saved)).toThrow(ShapeError);
    expect(() => fresh.loadStateDict(saved)).toThrow(
      /RandomLocalSearch.loadStateDict: state 'best' of parameter 0 has 4 elements but the parameter has 3/,
    );
    expect(fresh.bestLoss).toBe(Number.POSITIVE_INFINITY);
  });
});
