// gd <-> PyTorch and ONNX round trips, against fixtures PyTorch and onnx.checker produced
// (scripts/gen-interop-fixtures.mjs writes gd's files, test/fixtures/gen_interop.py the rest).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tensor } from '@gd/tensor';
import { afterAll, describe, expect, it } from 'vitest';
import { GELU } from '../src/gelu';
import {
  BatchNorm1d,
  Dropout,
  Flatten,
  LeakyReLU,
  Linear,
  ReLU,
  Sequential,
  Sigmoid,
  Softmax,
  Tanh,
  mlp,
} from '../src/index';
import type { Module } from '../src/module';
import type { StateDict } from '../src/state-dict';
import { loadSync } from '../src/node';
import { exportOnnx } from '../src/onnx';
import { fromSafetensors } from '../src/safetensors';

const dir = join(import.meta.dirname, 'fixtures', 'interop');
const bytesOf = (file: string) => new Uint8Array(readFileSync(join(dir, file)));

interface Enc {
  shape: number[];
  data: number[];
}
interface Interop {
  torchMlp: {
    sizes: number[];
    keys: string[];
    input: Enc;
    logits: Enc;
    logits64: Enc;
  };
  gdMlp: LoadedInTorch;
  kitchen: LoadedInTorch;
  onnxChecker: { file: string; sha256: string; passed: boolean; opset?: number; error?: string }[];
  onnxCheckerControl: { rejected: boolean };
}
interface LoadedInTorch {
  file: string;
  metadata: Record<string, string>;
  dtypes: Record<string, string>;
  missingKeys: string[];
  unexpectedKeys: string[];
  input: Enc;
  logits: Enc;
  logits64: Enc;
}

const golden = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'interop.json'), 'utf8'),
) as Interop;

/** The kitchen sink of scripts/gen-interop-fixtures.mjs (weights come from its file). */
const kitchen = (dtype: 'float32' | 'float64' = 'float32') =>
  new Sequential(
    new Flatten(),
    new Linear(12, 16, { dtype }),
    new BatchNorm1d(16, { dtype }),
    new GELU({ approximate: 'tanh' }),
    new Dropout(0.2),
    new Linear(16, 16, { dtype }),
    new LeakyReLU(0.1),
    new Linear(16, 8, { dtype }),
    new Tanh(),
    new Linear(8, 8, { dtype }),
    new Sigmoid(),
    new Linear(8, 8, { dtype }),
    new ReLU(),
    new Linear(8, 4, { dtype }),
    new GELU(),
    new Linear(4, 3, { dtype }),
    new Softmax(),
  );
const gdMlp = (dtype: 'float32' | 'float64' = 'float32') =>
  mlp([4, 16, 8, 3], { batchNorm: true, activation: 'gelu', dtype });

const deviations: Record<string, number> = {};
afterAll(() => console.log('interop: max |gd − PyTorch| per case', deviations));

/**
 * Loads `state` into `make()` in float32 and float64 and compares eval logits with PyTorch's:
 * float64 (the same float32 weights widened, on both sides) to 1e-6 absolute — the weights and
 * layouts must be exactly PyTorch's for that; float32 to 32 float32 ulps of max(1, |logit|)
 * (3.8e-6 relative): the two libraries sum in different orders, and logits near 17 are
 * themselves spaced 1.9e-6 apart in float32.
 */
function expectLogits(
  make: (dtype: 'float32' | 'float64') => Module,
  state: StateDict,
  e: { input: Enc; logits: Enc; logits64: Enc },
  what: string,
): void {
  for (const dtype of ['float64', 'float32'] as const) {
    const net = make(dtype);
    net.loadStateDict(state); // strict: exactly PyTorch's keys; values cast to dtype
    const x = tensor(e.input.data, { dtype }).reshape(e.input.shape);
    const out = net.eval().forward(x).value;
    const want = dtype === 'float64' ? e.logits64 : e.logits;
    expect(out.shape).toEqual(want.shape);
    let worst = 0;
    for (let i = 0; i < out.size; i++) {
      const scale = dtype === 'float64' ? 1 : Math.max(1, Math.abs(want.data[i]));
      worst = Math.max(worst, Math.abs(out.data[i] - want.data[i]) / scale);
    }
    deviations[`${what} ${dtype}${dtype === 'float32' ? ' (relative)' : ''}`] = worst;
    expect(worst).toBeLessThan(dtype === 'float64' ? 1e-6 : 32 * 2 ** -23);
  }
}

describe('PyTorch → gd', () => {
  it("loads an MLP PyTorch trained (its safetensors) and reproduces PyTorch's logits to 1e-6", () => {
    const c = golden.torchMlp;
    const { state, metadata, format } = loadSync(join(dir, 'torch-mlp.safetensors'));
    expect(format).toBe('safetensors');
    expect(metadata.format).toBe('pt');
    expect(Object.keys(state)).toEqual(c.keys);
    expect(state['1.num_batches_tracked']).toMatchObject({ dtype: 'int32', fileDtype: 'I64' });
    expect(state['0.weight'].shape).toEqual([16, 4]); // [out, in], as Linear stores it
    expectLogits(
      (dtype) => mlp(c.sizes, { batchNorm: true, activation: 'relu', dtype }),
      state,
      c,
      'torch-mlp',
    );
  });
});

describe('gd → PyTorch', () => {
  for (const [key, make] of [
    ['gdMlp', gdMlp],
    ['kitchen', kitchen],
  ] as const) {
    it(`${key}: PyTorch load_state_dict(strict=True) took gd's file and computes gd's logits`, () => {
      const c = golden[key];
      expect(c.missingKeys).toEqual([]);
      expect(c.unexpectedKeys).toEqual([]);
      expect(c.metadata.producer).toBe('gd');
      const { state } = fromSafetensors(bytesOf(c.file));
      // PyTorch read exactly the tensors gd wrote, with PyTorch's dtypes.
      expect(Object.keys(c.dtypes)).toEqual(Object.keys(state));
      for (const [name, dtype] of Object.entries(c.dtypes)) {
        expect(dtype).toBe(name.endsWith('num_batches_tracked') ? 'torch.int64' : 'torch.float32');
      }
      expectLogits(make, state, c, key);
    });
  }
});

describe('onnx.checker (python3-onnx) accepted the exported files', () => {
  it('rejects a broken model, so its verdicts mean something', () => {
    expect(golden.onnxCheckerControl.rejected).toBe(true);
  });

  const exports: Record<string, () => Uint8Array> = {
    'gd-mlp.onnx': () => {
      const net = gdMlp();
      net.loadStateDict(fromSafetensors(bytesOf('gd-mlp.safetensors')).state);
      return exportOnnx(net.eval(), { inputShape: [4] });
    },
    'kitchen-opset13.onnx': () => {
      const net = kitchen();
      net.loadStateDict(fromSafetensors(bytesOf('kitchen.safetensors')).state);
      return exportOnnx(net, { inputShape: [3, 4], opset: 13 });
    },
    'kitchen-opset17.onnx': () => {
      const net = kitchen();
      net.loadStateDict(fromSafetensors(bytesOf('kitchen.safetensors')).state);
      return exportOnnx(net, { inputShape: [3, 4], opset: 17 });
    },
  };

  it('covers every exported fixture', () => {
    expect(golden.onnxChecker.map((c) => c.file).sort()).toEqual(Object.keys(exports).sort());
  });

  for (const [file, make] of Object.entries(exports)) {
    it(`${file}: passed, for the bytes exportOnnx produces today`, () => {
      const c = golden.onnxChecker.find((e) => e.file === file);
      expect(c?.error).toBeUndefined();
      expect(c?.passed).toBe(true);
      const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
      expect(sha(bytesOf(file))).toBe(c?.sha256);
      // If this fails the exporter changed: regenerate the fixtures (see
      // scripts/gen-interop-fixtures.mjs) so the checker sees the new bytes.
      expect(sha(make())).toBe(c?.sha256);
    });
  }
});
