import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ShapeError,
  arange,
  broadcastTo,
  expandDims,
  flatten,
  permute,
  reshape,
  squeeze,
  swapAxes,
  tensor,
  transpose,
  unsqueeze,
  zeros,
} from '@gd/tensor';
import { prodOf, ravel, unravel } from '../helpers';

const shapeArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 4 });
const permOf = (n: number) =>
  fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });

describe('reshape', () => {
  it('round trips through a random factorisation and shares data (property)', () => {
    fc.assert(
      fc.property(shapeArb, shapeArb, (s1, s2) => {
        const x = arange(prodOf(s1) * prodOf(s2)).reshape([...s1, ...s2]);
        const y = reshape(x, [prodOf(s1), -1]);
        expect(y.shape).toEqual([prodOf(s1), prodOf(s2)]);
        expect(y.data).toBe(x.data);
        expect(reshape(y, [...s1, ...s2]).toArray()).toEqual(x.toArray());
      }),
    );
  });
  it('errors name the op and the shapes', () => {
    const x = arange(6);
    expect(() => reshape(x, [4, -1])).toThrow(
      /reshape: cannot reshape \[6\] \(6 elements\) into \[4, -1\]/,
    );
    expect(() => reshape(x, [-1, -1])).toThrow(/reshape: only one dimension can be -1/);
    expect(() => reshape(x, [5])).toThrow(ShapeError);
    expect(() => reshape(x, [2.5, 2])).toThrow(/reshape: invalid shape/);
  });
});

describe('transpose / permute / swapAxes', () => {
  it('permute by p then by p⁻¹ is the identity, and moves elements as indices say (property)', () => {
    fc.assert(
      fc.property(
        shapeArb.chain((s) => fc.tuple(fc.constant(s), permOf(s.length))),
        ([shape, perm]) => {
          const x = arange(prodOf(shape)).reshape(shape);
          const y = permute(x, perm);
          expect(y.shape).toEqual(perm.map((p) => shape[p]));
          for (let q = 0; q < y.size; q++) {
            const idx = unravel(q, y.shape);
            const src = new Array(shape.length);
            perm.forEach((p, d) => {
              src[p] = idx[d];
            });
            expect(y.data[q]).toBe(x.data[ravel(src, shape)]);
          }
          const inv = new Array(perm.length);
          perm.forEach((p, i) => {
            inv[p] = i;
          });
          expect(transpose(y, inv).toArray()).toEqual(x.toArray());
        },
      ),
    );
  });
  it('defaults to reversing axes; swapAxes swaps two; methods agree', () => {
    const x = arange(6).reshape([2, 3]);
    expect(transpose(x).toArray()).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
    expect(swapAxes(arange(24).reshape([2, 3, 4]), 0, -1).shape).toEqual([4, 3, 2]);
    expect(x.permute([1, 0]).toArray()).toEqual(x.transpose().toArray());
    expect(transpose(tensor(5)).item()).toBe(5);
  });
  it('errors name the op', () => {
    expect(() => transpose(zeros([2, 3]), [0, 0])).toThrow(
      /transpose: axes \[0, 0\] must be a permutation of 0..1/,
    );
    expect(() => transpose(zeros([2, 3]), [0])).toThrow(ShapeError);
    expect(() => transpose(zeros([2, 3]), [0, 2])).toThrow(/transpose: axis 2 is out of range/);
    expect(() => swapAxes(zeros([2]), 0, 1)).toThrow(/swapAxes: axis 1/);
  });
});

describe('squeeze / unsqueeze / flatten / broadcastTo', () => {
  it('squeeze all or named size-1 axes; unsqueeze inverts it', () => {
    const x = zeros([1, 3, 1]);
    expect(squeeze(x).shape).toEqual([3]);
    expect(squeeze(x, 0).shape).toEqual([3, 1]);
    expect(squeeze(x, [0, -1]).shape).toEqual([3]);
    expect(unsqueeze(squeeze(x, 0), 0).shape).toEqual([1, 3, 1]);
    expect(unsqueeze(zeros([3]), -1).shape).toEqual([3, 1]);
    expect(expandDims(zeros([3]), 1).shape).toEqual([3, 1]);
    expect(x.unsqueeze(3).shape).toEqual([1, 3, 1, 1]);
    expect(x.expandDims(0).squeeze().shape).toEqual([3]);
    expect(() => squeeze(x, 1)).toThrow(/squeeze: axis 1 of shape \[1, 3, 1\] has size 3, not 1/);
    expect(() => unsqueeze(zeros([3]), 2)).toThrow(/unsqueeze: axis 2/);
    expect(() => unsqueeze(zeros([2, 3]), 3)).toThrow(
      /unsqueeze: axis 3 is out of range for inserting an axis into shape \[2, 3\]; use -3\.\.2/,
    );
    expect(() => expandDims(zeros([2, 3]), -4)).toThrow(RangeError);
  });
  it('flatten collapses a range of axes', () => {
    const x = zeros([2, 3, 4]);
    expect(flatten(x).shape).toEqual([24]);
    expect(flatten(x, 1).shape).toEqual([2, 12]);
    expect(flatten(x, 0, 1).shape).toEqual([6, 4]);
    expect(x.flatten(-2).shape).toEqual([2, 12]);
    expect(flatten(tensor(3)).shape).toEqual([1]);
    expect(() => flatten(x, 2, 1)).toThrow(/flatten: startAxis 2 comes after endAxis 1/);
  });
  it('broadcastTo repeats size-1 and leading axes as a copy', () => {
    const b = broadcastTo(tensor([[1], [2]]), [3, 2, 2]);
    expect(b.toArray()).toEqual([
      [
        [1, 1],
        [2, 2],
      ],
      [
        [1, 1],
        [2, 2],
      ],
      [
        [1, 1],
        [2, 2],
      ],
    ]);
    const x = tensor([1, 2]);
    const same = x.broadcastTo([2]);
    same.data[0] = 9;
    expect(x.data[0]).toBe(1);
    expect(() => broadcastTo(tensor([1, 2]), [3])).toThrow(/broadcastTo: shapes \[2\] and \[3\]/);
    expect(() => broadcastTo(tensor([[1, 2]]), [2])).toThrow(
      /broadcastTo: cannot broadcast \[1, 2\] to \[2\]/,
    );
  });
  it('broadcastTo and transpose agree with index arithmetic on long rows, bias rows and columns (property)', () => {
    // Sizes up to 40 reach the row-copy (≥ 16 contiguous elements), fill (stride 0) and
    // doubling (leading broadcast axes) paths as well as the element loop.
    const dims = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(
        dims,
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 2 }),
        (shape, ones, leading) => {
          const src = shape.map((d, i) => (ones[i] ? 1 : d));
          const x = arange(prodOf(src)).reshape(src);
          const target = [...leading, ...shape];
          const b = broadcastTo(x, target);
          expect(b.shape).toEqual(target);
          for (let p = 0; p < b.size; p++) {
            const idx = unravel(p, target).slice(leading.length);
            expect(b.data[p]).toBe(
              x.data[
                ravel(
                  idx.map((v, i) => (src[i] === 1 ? 0 : v)),
                  src,
                )
              ],
            );
          }
          const t = transpose(b);
          const rev = [...target].reverse();
          for (let p = 0; p < t.size; p++) {
            expect(t.data[p]).toBe(b.data[ravel(unravel(p, rev).reverse(), target)]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
