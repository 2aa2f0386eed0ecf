import { describe, expect, it } from 'vitest';
import {
  DTypeError,
  Generator,
  ShapeError,
  arange,
  choice,
  normal,
  permutation,
  rand,
  randint,
  randn,
  shuffle,
  tensor,
  uniform,
} from '@gd/tensor';

const gen = (s = 0) => new Generator(s);

function moments(d: ArrayLike<number>): [number, number] {
  let s = 0;
  for (let i = 0; i < d.length; i++) s += d[i];
  const m = s / d.length;
  let v = 0;
  for (let i = 0; i < d.length; i++) v += (d[i] - m) ** 2;
  return [m, v / d.length];
}

describe('rand / uniform', () => {
  it('shape, dtype, range and reproducibility', () => {
    const a = rand([2, 3], { generator: gen(1) });
    expect(a.shape).toEqual([2, 3]);
    expect(a.dtype).toBe('float32');
    expect(rand([2, 3], { generator: gen(1) }).toArray()).toEqual(a.toArray());
    const d = rand([5], { generator: gen(1), dtype: 'float64' });
    expect(d.dtype).toBe('float64');
    // float32 values are the float64 stream rounded: the same seed gives the same numbers.
    expect([...a.data.slice(0, 5)]).toEqual([...d.data].map(Math.fround));
    const u = uniform(-2, 3, [100_000], { generator: gen(2), dtype: 'float64' });
    expect(u.data.every((v) => v >= -2 && v < 3)).toBe(true);
    const [m, v] = moments(u.data);
    expect(Math.abs(m - 0.5)).toBeLessThan(0.03);
    expect(Math.abs(v - 25 / 12)).toBeLessThan(0.05);
  });
  it('rand in float32 never returns 1 (state crafted so the float64 draw rounds up)', () => {
    // xoshiro128**'s output depends only on s1: solve for s1 giving a word with the top 27 bits set,
    // then pick s2 so the second word (from s1 ^ s2 ^ s0) has its top bit set: u ≥ 1 − 2⁻²⁵.
    const M = 2n ** 32n;
    const inv = (a: bigint) => {
      let x = a;
      for (let i = 0; i < 6; i++) x = (x * (2n - a * x)) % M;
      return (x + M) % M;
    };
    const rotr = (x: bigint, k: bigint) => ((x >> k) | (x << (32n - k))) % M;
    const s1For = (word: bigint) => (rotr((word * inv(9n)) % M, 7n) * inv(5n)) % M;
    const s1 = s1For(0xffffffffn);
    const s1b = s1For(0xffffffc0n);
    const g = gen(0).setState({
      algorithm: 'xoshiro128**',
      state: [0, Number(s1), Number(s1 ^ s1b), 1],
      spareNormal: null,
    });
    const probe = g.clone();
    expect(probe.nextUint32()).toBe(0xffffffff);
    expect(probe.nextUint32()).toBe(0xffffffc0);
    expect(g.clone().random()).toBeGreaterThan(1 - 2 ** -25);
    expect(Math.fround(g.clone().random())).toBe(1);
    const r = rand([1], { generator: g });
    expect(r.data[0]).toBe(1 - 2 ** -24);
  });
  it('errors name the op', () => {
    expect(() => rand([2], { dtype: 'int32' })).toThrow(
      /rand: dtype must be float32 or float64, got int32/,
    );
    expect(() => rand([-1])).toThrow(ShapeError);
    expect(() => uniform(1, 0, [2])).toThrow(/uniform: need finite low ≤ high, got low=1, high=0/);
    expect(() => rand([2], { generator: {} as never })).toThrow(
      /rand: generator must be a Generator/,
    );
  });
});

describe('randn / normal', () => {
  it('moments of 1e5 draws', () => {
    const z = randn([100_000], { generator: gen(3), dtype: 'float64' });
    const [m, v] = moments(z.data);
    expect(Math.abs(m)).toBeLessThan(0.015);
    expect(Math.abs(v - 1)).toBeLessThan(0.02);
    const y = normal(10, 0.5, [100_000], { generator: gen(4), dtype: 'float64' });
    const [my, vy] = moments(y.data);
    expect(Math.abs(my - 10)).toBeLessThan(0.01);
    expect(Math.abs(vy - 0.25)).toBeLessThan(0.01);
  });
  it('reproducible, shaped, and mean + std·randn', () => {
    const a = randn([2, 2], { generator: gen(5), dtype: 'float64' });
    const b = normal(1, 2, [2, 2], { generator: gen(5), dtype: 'float64' });
    expect(b.toArray()).toEqual(a.mul(2).add(1).toArray());
    expect(a.shape).toEqual([2, 2]);
    expect(randn([3]).dtype).toBe('float32');
  });
  it('errors name the op', () => {
    expect(() => normal(0, -1, [2])).toThrow(
      /normal: need a finite mean and std ≥ 0, got mean=0, std=-1/,
    );
    expect(() => randn([2], { dtype: 'bool' })).toThrow(DTypeError);
  });
});

describe('randint', () => {
  it('covers [low, high) uniformly as int32', () => {
    const r = randint(-2, 3, [50_000], { generator: gen(6) });
    expect(r.dtype).toBe('int32');
    const counts = new Map<number, number>();
    for (const v of r.data) counts.set(v, (counts.get(v) ?? 0) + 1);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
    for (const c of counts.values()) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    expect(randint(0, 5, [4], { dtype: 'float64', generator: gen(7) }).dtype).toBe('float64');
  });
  it('randint(high, shape) draws from [0, high), as torch.randint(high, size)', () => {
    const r = randint(3, [2, 500], { generator: gen(9) });
    expect(r.shape).toEqual([2, 500]);
    expect(r.dtype).toBe('int32');
    expect(new Set(r.data)).toEqual(new Set([0, 1, 2]));
    expect(randint(3, [4], { generator: gen(9) }).toArray()).toEqual(
      randint(0, 3, [4], { generator: gen(9) }).toArray(),
    );
    expect(randint(5, [2], { dtype: 'float64' }).dtype).toBe('float64');
    expect(() => randint(0, [1])).toThrow(/randint: need integers low < high, got low=0, high=0/);
  });
  it('errors name the op and the bounds', () => {
    expect(() => randint(3, 3, [1])).toThrow(
      /randint: need integers low < high, got low=3, high=3/,
    );
    expect(() => randint(0, 1.5, [1])).toThrow(RangeError);
    expect(() => randint(0, 2 ** 33, [1])).toThrow(/randint: high − low must be at most 2³²/);
    expect(() => randint(0, 2 ** 32, [1])).toThrow(/does not fit int32/);
    expect(() => randint(0, 2, [1], { dtype: 'bool' })).toThrow(DTypeError);
  });
});

describe('permutation / shuffle', () => {
  it('permutation is a permutation, reproducible, and uniform over positions', () => {
    const p = permutation(10, { generator: gen(8) });
    expect(p.dtype).toBe('int32');
    expect([...p.data].sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
    expect(permutation(10, { generator: gen(8) }).toArray()).toEqual(p.toArray());
    const g = gen(9);
    const firstIs0 = Array.from({ length: 30_000 }, () => permutation(3, { generator: g }).data[0]);
    const frac = firstIs0.filter((v) => v === 0).length / firstIs0.length;
    expect(Math.abs(frac - 1 / 3)).toBeLessThan(0.015);
    expect(permutation(0).shape).toEqual([0]);
  });
  it('shuffle reorders rows of a copy; permutation(tensor) does the same', () => {
    const x = arange(12).reshape([4, 3]);
    const s = shuffle(x, { generator: gen(10) });
    expect(x.toArray()).toEqual(arange(12).reshape([4, 3]).toArray());
    const rows = (s.toArray() as number[][]).map((r) => r.join(',')).sort();
    expect(rows).toEqual((x.toArray() as number[][]).map((r) => r.join(',')).sort());
    expect(permutation(x, { generator: gen(10) }).toArray()).toEqual(s.toArray());
  });
  it('errors name the op', () => {
    expect(() => permutation(-1)).toThrow(/permutation: n must be a non-negative integer/);
    expect(() => shuffle(tensor(1))).toThrow(/shuffle: a 0-d tensor has no axis to shuffle/);
  });
});

describe('choice', () => {
  it('with replacement and weights follows p', () => {
    const c = choice(3, 60_000, { p: [0.2, 0.5, 0.3], generator: gen(11) });
    expect(c.dtype).toBe('int32');
    const f = [0, 1, 2].map((k) => c.data.filter((v) => v === k).length / 60_000);
    expect(Math.abs(f[0] - 0.2)).toBeLessThan(0.01);
    expect(Math.abs(f[1] - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(f[2] - 0.3)).toBeLessThan(0.01);
    expect(
      choice(3, [50], { p: tensor([0, 1, 0]), generator: gen(1) }).data.every((v) => v === 1),
    ).toBe(true);
  });
  it('without replacement gives distinct picks; with p only from non-zero entries', () => {
    const c = choice(20, [4, 5], { replace: false, generator: gen(12) });
    expect(c.shape).toEqual([4, 5]);
    expect(new Set(c.data).size).toBe(20);
    const w = choice(5, 2, { replace: false, p: [0.5, 0, 0.5, 0, 0], generator: gen(13) });
    expect([...w.data].sort()).toEqual([0, 2]);
    const g = gen(14);
    let first0 = 0;
    for (let i = 0; i < 20_000; i++)
      if (choice(3, 2, { replace: false, p: [0.6, 0.2, 0.2], generator: g }).data[0] === 0)
        first0++;
    expect(Math.abs(first0 / 20_000 - 0.6)).toBeLessThan(0.015);
  });
  it('picks rows of a tensor, and a single 0-d pick when size is omitted', () => {
    const x = tensor([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    const r = choice(x, 2, { generator: gen(15) });
    expect(r.shape).toEqual([2, 2]);
    for (const row of r.toArray() as number[][]) expect(row[0]).toBe(row[1]);
    expect(choice(5, undefined, { generator: gen(16) }).shape).toEqual([]);
    expect(choice(5, 3, { generator: gen(17) }).toArray()).toEqual(
      choice(5, 3, { generator: gen(17) }).toArray(),
    );
  });
  it('errors name the op and the problem', () => {
    expect(() => choice(3, 4, { replace: false })).toThrow(
      /choice: cannot pick 4 of 3 without replacement/,
    );
    expect(() => choice(3, 1, { p: [0.5, 0.5] })).toThrow(
      /choice: p has shape \[2\] but the population has 3 entries/,
    );
    expect(() => choice(2, 1, { p: [0.5, 0.6] })).toThrow(
      /choice: probabilities must sum to 1, they sum to 1.1/,
    );
    expect(() => choice(2, 1, { p: [-0.5, 1.5] })).toThrow(
      /choice: probabilities must be finite and non-negative/,
    );
    expect(() => choice(3, 2, { replace: false, p: [1, 0, 0] })).toThrow(
      /only 1 entries have p > 0/,
    );
    expect(() => choice(0, 1)).toThrow(/choice: cannot pick from an empty population/);
    expect(() => choice(tensor(1), 1)).toThrow(/choice: cannot choose from a 0-d tensor/);
    expect(() => choice(-1, 1)).toThrow(/choice: population size must be a non-negative integer/);
  });
});
