import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  type Backend,
  argmax,
  backend,
  logsumexp,
  setBackend,
  softmax,
  tensor,
  where,
} from '@gd/tensor';
import { jsRows, jsSelect } from '../../src/kernels/rows';

describe('row-wise kernels', () => {
  it('softmax rows sum to 1 and logSoftmax = log(softmax) (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (outer, row) => {
          const inner = row.length;
          const x = new Float64Array(outer * inner);
          for (let o = 0; o < outer; o++)
            x.set(
              row.map((v) => v * (o + 1)),
              o * inner,
            );
          const s = new Float64Array(x.length);
          const ls = new Float64Array(x.length);
          jsRows('softmax', x, outer, inner, s);
          jsRows('logSoftmax', x, outer, inner, ls);
          for (let o = 0; o < outer; o++) {
            let sum = 0;
            for (let i = 0; i < inner; i++) {
              sum += s[o * inner + i];
              if (s[o * inner + i] > 1e-300)
                expect(Math.abs(Math.log(s[o * inner + i]) - ls[o * inner + i])).toBeLessThan(1e-9);
            }
            expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
          }
        },
      ),
    );
  });
  it('logsumexp, argmax/argmin and sumSquaredDeviations per row', () => {
    const x = new Float64Array([1, 3, 2, -1, -1, -5]);
    const out = new Float64Array(2);
    jsRows('logsumexp', x, 2, 3, out);
    expect(out[0]).toBeCloseTo(Math.log(Math.exp(1) + Math.exp(3) + Math.exp(2)), 14);
    const idx = new Int32Array(2);
    jsRows('argmax', x, 2, 3, idx);
    expect([...idx]).toEqual([1, 0]);
    jsRows('argmin', x, 2, 3, idx);
    expect([...idx]).toEqual([0, 2]);
    jsRows('sumSquaredDeviations', x, 2, 3, out);
    expect(out[0]).toBeCloseTo(2, 14);
    expect(out[1]).toBeCloseTo(32 / 3, 14);
    const o = new Float32Array(3);
    jsSelect(
      new Uint8Array([1, 0, 1]),
      new Float32Array([1, 2, 3]),
      new Float32Array([7, 8, 9]),
      o,
    );
    expect([...o]).toEqual([1, 8, 3]);
  });
  it('ops use a backend rows/select kernel when it provides one, else the reference', () => {
    const calls: string[] = [];
    const base = backend();
    const custom: Backend = {
      ...base,
      rows: (code, ...rest) => {
        calls.push(code);
        jsRows(code, ...rest);
      },
      select: (...args) => {
        calls.push('select');
        jsSelect(...args);
      },
    };
    const prev = setBackend(custom);
    try {
      const x = tensor([
        [1, 2],
        [3, 0],
      ]);
      expect(softmax(x).shape).toEqual([2, 2]);
      expect(argmax(x, { axis: 1 }).toArray()).toEqual([1, 0]);
      logsumexp(x);
      where(x.greater(1), x, 0);
      expect(calls).toEqual(['softmax', 'argmax', 'logsumexp', 'select']);
    } finally {
      setBackend(prev);
    }
    expect(backend()).toBe(base);
    const { rows: _r, select: _s, ...core } = base;
    setBackend(core as Backend);
    try {
      expect(argmax(tensor([1, 5, 2])).item()).toBe(1);
      expect(where(tensor([true, false]), 1, 2).toArray()).toEqual([1, 2]);
    } finally {
      setBackend(prev);
    }
  });
});
