import fc from 'fast-check';
import { div, logSoftmax, mul, neg, sum, variable } from '@gd/autodiff';
import { DTypeError, Generator, ShapeError, Tensor, softmax, tensor, uniform } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { crossEntropy } from '../src/cross-entropy';
import { nll } from '../src/nll';
import { expectGradCheck, r64, t64 } from './helpers';

describe('crossEntropy', () => {
  it('equals −log softmax at the label and its gradient is (softmax − onehot)/N', () => {
    const z = t64([
      [2, 1, 0.1],
      [0.5, 2.5, 0.3],
    ]);
    const x = variable(z);
    const loss = crossEntropy(x, [0, 1]);
    const p = softmax(z).toArray() as number[][];
    expect(loss.item()).toBeCloseTo(-(Math.log(p[0][0]) + Math.log(p[1][1])) / 2, 14);
    loss.backward();
    const g = x.grad?.toArray() as number[][];
    expect(g[0][0]).toBeCloseTo((p[0][0] - 1) / 2, 14);
    expect(g[1][2]).toBeCloseTo(p[1][2] / 2, 14);
  });

  it('accepts int32 labels, number[] labels and one-hot probabilities alike', () => {
    const z = r64([4, 3], 1);
    const a = crossEntropy(z, tensor([0, 2, 1, 2], { dtype: 'int32' })).item();
    expect(crossEntropy(z, [0, 2, 1, 2]).item()).toBe(a);
    const onehot = t64([
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(crossEntropy(z, onehot).item()).toBeCloseTo(a, 14);
  });

  it('is stable for huge logits', () => {
    const loss = crossEntropy(t64([[1000, -1000, 0]]), [1]);
    expect(loss.item()).toBe(2000);
    expect(crossEntropy(tensor([[1e30, 0]]), [0]).item()).toBe(0);
  });

  it('passes gradCheck with labels, smoothing, weights, ignoreIndex and probabilities', () => {
    const y = [2, 0, -100, 1];
    expectGradCheck(
      (x) => crossEntropy(x, y, { labelSmoothing: 0.2, weight: [1, 2, 0.5] }),
      [r64([4, 3], 2)],
    );
    expectGradCheck((x) => crossEntropy(x, y, { reduction: 'none' }), [r64([4, 3], 3)]);
    const q = softmax(r64([4, 3], 4));
    // the target stays fixed: a perturbed target would no longer be a distribution
    expectGradCheck(
      (x) => crossEntropy(x, q, { labelSmoothing: 0.1, weight: [1, 3, 2] }),
      [r64([4, 3], 5)],
    );
    expectGradCheck(
      (x) =>
        crossEntropy(x, [
          [0, 1],
          [2, 2],
        ]),
      [r64([2, 3, 2], 6)],
    );
  });

  it('ignores examples labelled ignoreIndex (mean over the rest)', () => {
    const z = r64([3, 4], 7);
    const all = crossEntropy(z, [1, 2, 3], { reduction: 'none' }).toArray() as number[];
    expect(crossEntropy(z, [1, -100, 3]).item()).toBeCloseTo((all[0] + all[2]) / 2, 14);
    const kept = crossEntropy(z, [1, 9, 3], {
      ignoreIndex: 9,
      reduction: 'none',
    }).toArray() as number[];
    expect(kept[0]).toBe(all[0]);
    expect(kept[1] === 0).toBe(true);
    expect(kept[2]).toBe(all[2]);
  });

  it('reports bad labels, shapes and probabilities with typed errors', () => {
    const z = r64([2, 3], 8);
    expect(() => crossEntropy(z, [0, 3])).toThrow(RangeError);
    expect(() => crossEntropy(z, [0, 3])).toThrow(
      /label 3 at index 1 is out of range for 3 classes/,
    );
    expect(() => crossEntropy(z, [0, -1])).toThrow(/out of range/);
    expect(() => crossEntropy(z, [0, 1.5])).toThrow(DTypeError);
    expect(() => crossEntropy(z, [0, 1, 2])).toThrow(ShapeError);
    expect(() => crossEntropy(z, [0, 1, 2])).toThrow(
      /labels of shape \[3\] do not match the input; expected \[2\]/,
    );
    expect(() =>
      crossEntropy(
        z,
        t64([
          [0.5, 0.2, 0.2],
          [0, 0, 1],
        ]),
      ),
    ).toThrow(/row 0 sums to 0.89+\d*, not 1/);
    expect(() =>
      crossEntropy(
        z,
        t64([
          [1.5, -0.5, 0],
          [0, 0, 1],
        ]),
      ),
    ).toThrow(/must be ≥ 0/);
    expect(() =>
      crossEntropy(
        z,
        t64([
          [1, 0],
          [0, 1],
        ]),
      ),
    ).toThrow(/probability target shape \[2, 2\] must equal input shape \[2, 3\]/);
    expect(() => crossEntropy(z, [0, 1], { labelSmoothing: 1.5 })).toThrow(
      /labelSmoothing must be in \[0, 1\]/,
    );
    expect(() => crossEntropy(z, [0, 1], { weight: [1, 2] })).toThrow(
      /weight must have one entry per class, shape \[3\]/,
    );
    expect(() => crossEntropy(tensor(1, { dtype: 'float64' }), [0])).toThrow(/got a scalar/);
    expect(() => crossEntropy(z, new Tensor(new Uint8Array(2), [2]))).toThrow(/bool/);
  });

  it('handles an unbatched [C] input with a single label', () => {
    const z = t64([0.1, 2, -1]);
    const out = crossEntropy(z, 1, { reduction: 'none' });
    expect(out.shape).toEqual([]);
    expect(out.item()).toBeCloseTo(crossEntropy(z.reshape([1, 3]), [1]).item(), 15);
  });
});

describe('crossEntropy properties (fast-check)', () => {
  const logitsArb = fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 2, max: 6 }))
    .chain(([n, c]) =>
      fc.record({
        n: fc.constant(n),
        c: fc.constant(c),
        z: fc.array(fc.double({ min: -50, max: 50, noNaN: true }), {
          minLength: n * c,
          maxLength: n * c,
        }),
        y: fc.array(fc.integer({ min: 0, max: c - 1 }), { minLength: n, maxLength: n }),
        shift: fc.double({ min: -100, max: 100, noNaN: true }),
      }),
    );

  it('is ≥ 0, invariant to shifting a row, and its gradient rows sum to 0', () => {
    fc.assert(
      fc.property(logitsArb, ({ n, c, z, y, shift }) => {
        const logits = variable(new Tensor(Float64Array.from(z), [n, c]));
        const loss = crossEntropy(logits, y);
        expect(loss.item()).toBeGreaterThanOrEqual(0);
        const shifted = crossEntropy(
          new Tensor(
            Float64Array.from(z, (v) => v + shift),
            [n, c],
          ),
          y,
        );
        expect(Math.abs(shifted.item() - loss.item())).toBeLessThan(1e-9 * (1 + loss.item()));
        loss.backward();
        const g = (logits.grad as Tensor).data;
        for (let i = 0; i < n; i++) {
          let s = 0;
          for (let j = 0; j < c; j++) s += g[i * c + j];
          expect(Math.abs(s)).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps float32 inputs in float32', () => {
    const out = crossEntropy(tensor([[1, 2, 3]]), [2], { labelSmoothing: 0.1, weight: [1, 2, 3] });
    expect(out.dtype).toBe('float32');
    expect(out.item()).toBeCloseTo(
      crossEntropy(t64([[1, 2, 3]]), [2], { labelSmoothing: 0.1, weight: [1, 2, 3] }).item(),
      6,
    );
  });
});

describe('crossEntropy and nll with sum/mean reductions fold the minus into the coefficients', () => {
  /** The textbook graph: −Σ_c A·log p per row, then summed (and divided), A built as float32. */
  function reference(
    logits: Tensor,
    labels: number[],
    w: number[] | null,
    eps: number,
    ignore: number,
    reduction: 'sum' | 'mean',
    logProbsIn: boolean,
  ) {
    const [m, c] = logits.shape;
    const a = new Float32Array(m * c);
    let wsum = 0;
    labels.forEach((y, i) => {
      if (y === ignore) return;
      wsum += w === null ? 1 : w[y];
      for (let k = 0; k < c; k++) if (eps > 0) a[i * c + k] = (eps / c) * (w === null ? 1 : w[k]);
      a[i * c + y] += (1 - eps) * (w === null ? 1 : w[y]);
    });
    const x = variable(logits);
    const logp = logProbsIn ? x : logSoftmax(x, -1);
    const total = sum(neg(sum(mul(logp, new Tensor(a, [m, c])), { axis: 1 })));
    const loss = reduction === 'sum' ? total : div(total, wsum);
    loss.backward();
    return { value: loss.value, grad: x.grad as Tensor };
  }

  const sameBits = (a: Tensor, b: Tensor) => {
    expect(a.shape).toEqual(b.shape);
    for (let i = 0; i < a.size; i++)
      expect(Object.is(a.data[i], b.data[i]), `entry ${i}`).toBe(true);
  };

  it('values and gradients equal the textbook graph to the bit (float32, property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer(),
        fc.boolean(),
        fc.constantFrom(0, 0.1),
        fc.constantFrom<'sum' | 'mean'>('sum', 'mean'),
        fc.boolean(),
        (m, c, seed, weighted, eps, reduction, nllLoss) => {
          const logits = uniform(-4, 4, [m, c], { generator: new Generator(seed) });
          const input = nllLoss ? logSoftmax(logits, -1) : logits;
          let s = seed | 0;
          const labels = Array.from({ length: m }, () => {
            s = (Math.imul(s, 1103515245) + 12345) | 0;
            // About one label in five is ignored (−100).
            return (s >>> 8) % 5 === 0 ? -100 : (s >>> 12) % c;
          });
          if (!labels.some((y) => y !== -100)) labels[0] = 0;
          const w = weighted ? Array.from({ length: c }, (_, k) => [0.5, 2, 0, 1.25][k % 4]) : null;
          const smoothing = nllLoss ? 0 : eps;
          const want = reference(input, labels, w, smoothing, -100, reduction, nllLoss);
          const x = variable(input);
          const opts = { reduction, ...(w === null ? {} : { weight: w }) };
          const loss = nllLoss
            ? nll(x, labels, opts)
            : crossEntropy(x, labels, { ...opts, labelSmoothing: smoothing });
          loss.backward();
          sameBits(loss.value, want.value);
          sameBits(x.grad as Tensor, want.grad);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("'none' keeps −0 for an ignored example, as before", () => {
    const per = crossEntropy(variable(tensor([[1, 2]])), [-100], { reduction: 'none' });
    expect(Object.is(per.value.data[0], -0)).toBe(true);
  });
});
