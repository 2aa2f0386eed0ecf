import { describe, expect, it } from 'vitest';
import { exp, matmul, sum, tensor } from '@gd/tensor';
import { backend, backendName, setBackend, useBackend, wasmTier } from '../src/kernels';
import type { Backend } from '../src/kernels';
import { jsBackend } from '../src/kernels/js';
import { wasmBackend } from '../src/kernels/wasm/wasm-backend';

// The tier the suite starts on: WASM SIMD, unless this run forces the JS tier (GD_BACKEND=js).
const startTier = process.env.GD_BACKEND === 'js' ? jsBackend : wasmBackend;

describe('kernel backend switch', () => {
  it('starts on the WASM tier, or on the js kernels under GD_BACKEND=js', () => {
    expect(startTier).not.toBeNull();
    expect(backend()).toBe(startTier);
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
      expect(prev).toBe(startTier);
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
    expect(backend()).toBe(startTier);
  });
});

describe('useBackend / backendName', () => {
  it('switches between the built-in tiers by name and reports the previous one', () => {
    const start = backendName();
    try {
      expect(useBackend('js')).toBe(start);
      expect(backendName()).toBe('js');
      expect(backend()).toBe(jsBackend);
      expect(useBackend('wasm')).toBe('js');
      expect(backendName()).toBe('wasm');
      expect(backend()).toBe(wasmBackend);
      const prev = setBackend({ ...jsBackend });
      expect(backendName()).toBe('custom');
      setBackend(prev);
    } finally {
      if (start !== 'custom') useBackend(start);
    }
  });

  it('rejects an unknown tier name with a typed error naming the operation', () => {
    expect(() => useBackend('gpu' as 'js')).toThrow(/useBackend: unknown tier "gpu"/);
  });
});

describe('wasmTier', () => {
  it('reports a loaded tier in Node, with relaxed SIMD detected as a boolean', () => {
    const t = wasmTier();
    expect(t.available).toBe(true);
    expect(typeof t.relaxedSimd).toBe('boolean');
  });
});
