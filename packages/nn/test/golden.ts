import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tensor } from '@gd/tensor';
import { expect } from 'vitest';

/** A tensor as the fixtures store it. */
export interface Enc {
  shape: number[];
  data: number[];
}

export interface BnStep {
  mode: 'train' | 'eval';
  input: Enc;
  output: Enc;
  upstream: Enc;
  gradInput: Enc;
  gradWeight?: Enc;
  gradBias?: Enc;
  runningMean?: Enc;
  runningVar?: Enc;
  numBatchesTracked?: number;
}

export interface NnFixture {
  batchNorm: {
    name: string;
    numFeatures: number;
    options: {
      momentum?: number | null;
      eps?: number;
      affine?: boolean;
      trackRunningStats?: boolean;
    };
    init: Record<string, Enc>;
    steps: BnStep[];
  }[];
  activations: {
    name: string;
    module: string;
    options: Record<string, unknown>;
    input: Enc;
    output: Enc;
    upstream: Enc;
    gradInput: Enc;
  }[];
  linear: {
    name: string;
    inFeatures: number;
    outFeatures: number;
    bias: boolean;
    weight: Enc;
    biasValue?: Enc;
    input: Enc;
    output: Enc;
    upstream: Enc;
    gradInput: Enc;
    gradWeight: Enc;
    gradBias?: Enc;
  }[];
  mlp: {
    name: string;
    sizes: number[];
    activation: 'sigmoid' | 'relu' | 'tanh';
    batchNorm: boolean;
    state: Record<string, Enc>;
    input: Enc;
    output: Enc;
    upstream: Enc;
    gradInput: Enc;
    grads: Record<string, Enc>;
  }[];
}

export const fixture: NnFixture = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures/nn.json'), 'utf8'),
);

/** A float64 tensor from its fixture encoding. */
export function dec(e: Enc): Tensor {
  return new Tensor(Float64Array.from(e.data), e.shape);
}

/** Largest |a − b| seen by {@link expectClose} in this test file. */
export const deviation = { max: 0 };

/** Asserts `actual` has `expected`'s shape and values within tol·(1 + |expected|). */
export function expectClose(actual: Tensor | null, expected: Enc, what: string, tol = 1e-12): void {
  expect(actual, `${what} is missing`).not.toBeNull();
  const t = actual as Tensor;
  expect([...t.shape], `${what}: shape`).toEqual(expected.shape);
  for (let i = 0; i < expected.data.length; i++) {
    const e = expected.data[i];
    const d = Math.abs(t.data[i] - e);
    if (d > deviation.max) deviation.max = d;
    if (!(d <= tol + tol * Math.abs(e))) {
      expect.fail(`${what}[${i}]: got ${t.data[i]}, expected ${e} (|diff| ${d})`);
    }
  }
}
