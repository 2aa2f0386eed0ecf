import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, Generator, defaultGenerator, manualSeed, rand } from '@gd/tensor';

/** Streams from the independent Python implementation in fixtures/gen_random.py. */
const ref: Record<string, Record<string, number[]>> = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'random.json'), 'utf8'),
);
const seedOf = (k: string): number | bigint =>
  Number.isSafeInteger(Number(k)) ? Number(k) : BigInt(k);

describe('Generator (xoshiro128** seeded by SplitMix64)', () => {
  it('reproduces the reference implementation bit for bit (uint32, floats, integers)', () => {
    for (const key of Object.keys(ref.uint32)) {
      const g = new Generator(seedOf(key));
      expect(
        Array.from({ length: 8 }, () => g.nextUint32()),
        `seed ${key}`,
      ).toEqual(ref.uint32[key]);
      const h = new Generator(seedOf(key));
      expect(
        Array.from({ length: 8 }, () => h.random()),
        `seed ${key}`,
      ).toEqual(ref.random[key]);
      const k = new Generator(seedOf(key));
      const ints = [
        ...Array.from({ length: 8 }, () => k.integer(-3, 10)),
        k.integer(0, 2 ** 32),
        k.integer(0, 2 ** 32),
      ];
      expect(ints, `seed ${key}`).toEqual(ref.integer[key]);
    }
  });
  it('normals agree with the reference to the last few ulps (Math.log may differ by 1 ulp)', () => {
    for (const key of Object.keys(ref.normal)) {
      const g = new Generator(seedOf(key));
      for (const want of ref.normal[key]) {
        const got = g.normal();
        expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(want)));
      }
    }
  });
  it('the same seed gives the same sequence; different seeds differ', () => {
    const a = new Generator(123);
    const b = new Generator(123);
    const c = new Generator(124);
    const sa = Array.from({ length: 100 }, () => a.random());
    expect(Array.from({ length: 100 }, () => b.random())).toEqual(sa);
    expect(Array.from({ length: 100 }, () => c.random())).not.toEqual(sa);
    expect(new Generator(5n).nextUint32()).toBe(new Generator(5).nextUint32());
  });
  it('getState / setState restore the stream, including a pending normal', () => {
    const g = new Generator(9);
    g.normal();
    const saved = g.getState();
    expect(saved.spareNormal).not.toBeNull();
    const after = [g.normal(), g.normal(), g.random(), g.nextUint32()];
    const copy = JSON.parse(JSON.stringify(saved));
    g.setState(copy);
    expect([g.normal(), g.normal(), g.random(), g.nextUint32()]).toEqual(after);
    const h = g.clone();
    expect(h.random()).toBe(g.random());
  });
  it('manualSeed re-seeds in place and initialSeed reports it', () => {
    const g = new Generator(1);
    const first = g.random();
    g.random();
    expect(g.manualSeed(1).random()).toBe(first);
    expect(g.initialSeed()).toBe(1n);
    expect(new Generator(-1).initialSeed()).toBe(2n ** 64n - 1n);
  });
  it('defaults to PyTorch default seed and manualSeed seeds the default generator', () => {
    expect(new Generator().initialSeed()).toBe(BigInt(DEFAULT_SEED));
    manualSeed(77);
    const a = rand([4]).toArray();
    expect(defaultGenerator.initialSeed()).toBe(77n);
    manualSeed(77);
    expect(rand([4]).toArray()).toEqual(a);
  });
  it('moments of 1e5 uniforms and normals are within sampling error', () => {
    const g = new Generator(2024);
    const n = 100_000;
    let s1 = 0;
    let s2 = 0;
    let lo = 1;
    let hi = 0;
    for (let i = 0; i < n; i++) {
      const u = g.random();
      s1 += u;
      s2 += u * u;
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
    }
    const mu = s1 / n;
    expect(Math.abs(mu - 0.5)).toBeLessThan(0.005); // σ/√n ≈ 0.0009
    expect(Math.abs(s2 / n - mu * mu - 1 / 12)).toBeLessThan(0.002);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    let m1 = 0;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    for (let i = 0; i < n; i++) {
      const z = g.normal();
      m1 += z;
      m2 += z * z;
      m3 += z * z * z;
      m4 += z * z * z * z;
    }
    expect(Math.abs(m1 / n)).toBeLessThan(0.015); // σ/√n ≈ 0.003
    expect(Math.abs(m2 / n - 1)).toBeLessThan(0.02);
    expect(Math.abs(m3 / n)).toBeLessThan(0.05);
    expect(Math.abs(m4 / n - 3)).toBeLessThan(0.1);
  });
  it('integer is unbiased over a range that does not divide 2^32', () => {
    const g = new Generator(3);
    const counts = new Array(7).fill(0);
    const n = 70_000;
    for (let i = 0; i < n; i++) counts[g.integer(0, 7)]++;
    // χ² with 6 degrees of freedom: 22.5 is the 0.999 quantile.
    const chi2 = counts.reduce((s, c) => s + (c - n / 7) ** 2 / (n / 7), 0);
    expect(chi2).toBeLessThan(22.5);
  });
  it('bulk fills give exactly the numbers of one call per element', () => {
    for (const seed of [0, 5, 99]) {
      const a = new Generator(seed);
      const b = new Generator(seed);
      a.normal(); // leave a pending spare so fillNormal must use it first
      b.normal();
      const u = new Float64Array(7);
      a.fillUniform(u, -2, 3);
      expect([...u]).toEqual(Array.from({ length: 7 }, () => -2 + 5 * b.random()));
      const z = new Float64Array(9);
      a.fillNormal(z, 1, 2);
      expect([...z]).toEqual(Array.from({ length: 9 }, () => 1 + 2 * b.normal()));
      const k = new Int32Array(11);
      a.fillInteger(k, -5, 6);
      expect([...k]).toEqual(Array.from({ length: 11 }, () => b.integer(-5, 6)));
      const p = Int32Array.from({ length: 10 }, (_, i) => i);
      a.shuffleInPlace(p);
      const q = Array.from({ length: 10 }, (_, i) => i);
      for (let i = 9; i > 0; i--) {
        const j = b.integer(0, i + 1);
        [q[i], q[j]] = [q[j], q[i]];
      }
      expect([...p]).toEqual(q);
      expect(a.getState()).toEqual(b.getState());
    }
  });
  it('rejects bad seeds, ranges and states with messages', () => {
    expect(() => new Generator(1.5)).toThrow(
      /Generator: seed must be a safe integer or a bigint, got 1.5/,
    );
    expect(() => new Generator(2 ** 60)).toThrow(TypeError);
    const g = new Generator(0);
    expect(() => g.integer(3, 3)).toThrow(
      /Generator.integer: need integers with 1 ≤ high − low ≤ 2³², got low=3, high=3/,
    );
    expect(() => g.integer(0, 2 ** 32 + 1)).toThrow(RangeError);
    expect(() => g.fillInteger(new Int32Array(1), 0, 0)).toThrow(/Generator.integer/);
    expect(() =>
      g.setState({ algorithm: 'xoshiro128**', state: [0, 0, 0, 0], spareNormal: null }),
    ).toThrow(/Generator.setState: expected an object from getState/);
    expect(() => g.setState({} as never)).toThrow(TypeError);
  });
});
