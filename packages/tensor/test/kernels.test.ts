import { describe, expect, it } from 'vitest';
import { exp, matmul, sum, tensor } from '@gd/tensor';
import { backend, setBackend } from '../src/kernels';
import type { Backend } from '../src/kernels';
import { jsBackend } from '../src/kernels/js';

describe('kernel backend switch', () => {
  it('starts on the js kernels', () => {
    expect(backend()).toBe(jsBackend);
  });

  it('routes ops through a replacement backend and restores the previous one', () => {
    const calls: string[] = [];
    const spy: Backend = {
      unary: (code, x, out) => {
        calls.push(`unary:${code}`);
        jsBackend.unary(code, x, out);
      },
      binary: (...args) => {
        calls.push('binary');
        jsBackend.binary(...args);
      },
      binaryScalar: (...args) => {
        calls.push('binaryScalar');
        jsBackend.binaryScalar(...args);
      },
      reduce: (code, ...rest) => {
        calls.push(`reduce:${code}`);
        jsBackend.reduce(code, ...rest);
      },
      gemm: (...args) => {
        calls.push('gemm');
        jsBackend.gemm(...args);
      },
    };
    const prev = setBackend(spy);
    try {
      expect(prev).toBe(jsBackend);
      expect(backend()).toBe(spy);
      const x = tensor([
        [1, 2],
        [3, 4],
      ]);
      expect(matmul(x, x, { transposeB: true }).toArray()).toEqual([
        [5, 11],
        [11, 25],
      ]);
      expect(sum(x).item()).toBe(10);
      expect(exp(tensor([0])).toArray()).toEqual([1]);
      expect(calls).toEqual(['gemm', 'reduce:sum', 'unary:exp']);
    } finally {
      expect(setBackend(prev)).toBe(spy);
    }
    expect(backend()).toBe(jsBackend);
  });
});
