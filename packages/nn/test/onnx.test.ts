import { Generator, randn } from '@gd/tensor';
import onnxProto from 'onnx-proto';
import * as ort from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeakyReLU, ReLU, Sigmoid, Softmax, Tanh } from '../src/activations';
import { BatchNorm1d } from '../src/batch-norm';
import { Dropout } from '../src/dropout';
import { Flatten } from '../src/flatten';
import { GELU } from '../src/gelu';
import { Linear } from '../src/linear';
import { mlp } from '../src/mlp';
import { Module, type ModuleInput } from '../src/module';
import { OnnxExportError, exportOnnx } from '../src/onnx';
import { Sequential } from '../src/sequential';

const { onnx } = onnxProto;

// Compiling onnxruntime's wasm takes ~1 s here but far longer on a loaded machine: do it once,
// with room, so the per-test timeout measures the tests.
const SLOW = 180_000;
beforeAll(async () => {
  ort.env.wasm.numThreads = 1;
  await runOrt(exportOnnx(new ReLU(), { inputShape: [1] }), new Float32Array(1), [1, 1]);
}, SLOW);

let maxDeviation = 0;
afterAll(() => console.log(`onnx: max |gd − onnxruntime-web| = ${maxDeviation}`));

/** Runs `bytes` in onnxruntime-web's wasm backend on `x` (float32). */
async function runOrt(bytes: Uint8Array, x: Float32Array, shape: number[]): Promise<ort.Tensor> {
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
  try {
    const out = await session.run({ input: new ort.Tensor('float32', x, shape) });
    return out.output;
  } finally {
    await session.release();
  }
}

/** A model with trained-looking BatchNorm statistics (so eval differs from init). */
function warmed<M extends Module>(m: M, inputShape: number[], g: Generator): M {
  m.train();
  for (let i = 0; i < 3; i++)
    m.forward(
      randn([16, ...inputShape], { generator: g })
        .mul(2)
        .add(0.5),
    );
  return m.eval();
}

/** Exports `m`, runs it in ORT with batch sizes 1 and 7, and compares to gd's eval forward. */
async function expectSameAsGd(m: Module, inputShape: number[], opset?: number): Promise<void> {
  const bytes = exportOnnx(m, { inputShape, opset });
  const g = new Generator(42);
  for (const batch of [1, 7]) {
    const x = randn([batch, ...inputShape], { generator: g }).mul(3);
    const want = m.forward(x).value;
    const got = await runOrt(bytes, x.data as Float32Array, x.shape as number[]);
    expect(got.dims).toEqual(want.shape);
    const gotData = got.data as Float32Array;
    let worst = 0;
    for (let i = 0; i < want.size; i++)
      worst = Math.max(worst, Math.abs(gotData[i] - want.data[i]));
    maxDeviation = Math.max(maxDeviation, worst);
    expect(worst).toBeLessThan(1e-5);
  }
}

describe('exportOnnx runs in onnxruntime-web (wasm) as gd computes, batch 1 and 7', () => {
  const g = new Generator(7);
  const cases: [string, () => Module, number[]][] = [
    ['Linear', () => new Linear(5, 4, { generator: g }), [5]],
    ['Linear without bias', () => new Linear(5, 3, { bias: false, generator: g }), [5]],
    ['Linear on [N, L, C] (MatMul + Add)', () => new Linear(5, 2, { generator: g }), [3, 5]],
    ['ReLU', () => new ReLU(), [6]],
    ['Sigmoid', () => new Sigmoid(), [6]],
    ['Tanh', () => new Tanh(), [6]],
    ['LeakyReLU', () => new LeakyReLU(0.2), [6]],
    ['GELU (erf)', () => new GELU(), [6]],
    ['GELU (tanh)', () => new GELU({ approximate: 'tanh' }), [6]],
    ['Softmax', () => new Softmax(), [6]],
    ['Softmax axis 1 of 3', () => new Softmax(1), [4, 3]],
    ['BatchNorm1d', () => warmed(new BatchNorm1d(4), [4], g), [4]],
    ['BatchNorm1d on [N, C, L]', () => warmed(new BatchNorm1d(3), [3, 5], g), [3, 5]],
    [
      'BatchNorm1d without affine',
      () => warmed(new BatchNorm1d(4, { affine: false }), [4], g),
      [4],
    ],
    ['Dropout (eval: identity)', () => new Dropout(0.5).eval(), [6]],
    ['Flatten', () => new Flatten(), [2, 3, 2]],
    ['Flatten(1, 2) of 4-D (Reshape)', () => new Flatten(1, 2), [2, 3, 2]],
    ['Flatten(2, -1) (Reshape)', () => new Flatten(2, -1), [2, 3, 2]],
    [
      'composite MLP (Linear, BatchNorm1d, GELU, Dropout, Softmax)',
      () =>
        warmed(
          new Sequential(
            new Flatten(),
            new Linear(12, 16, { generator: g }),
            new BatchNorm1d(16),
            new GELU(),
            new Dropout(0.3, { generator: g }),
            new Linear(16, 8, { generator: g }),
            new LeakyReLU(),
            new Sequential(new Linear(8, 3, { generator: g }), new Softmax()),
          ),
          [3, 4],
          g,
        ),
      [3, 4],
    ],
    [
      "the lecture's MultiLayerNet (mlp with BatchNorm, sigmoid)",
      () =>
        warmed(
          mlp([10, 20, 20, 4], { activation: 'sigmoid', batchNorm: true, generator: g }),
          [10],
          g,
        ),
      [10],
    ],
  ];
  for (const [name, make, shape] of cases) {
    it(
      name,
      async () => {
        await expectSameAsGd(make(), shape);
      },
      SLOW,
    );
  }

  it(
    'GELU as the Gelu operator at opset 20, and Erf nodes below it',
    async () => {
      const gelu = new GELU();
      await expectSameAsGd(gelu, [6], 20);
      const ops = (opset: number) =>
        onnx.ModelProto.decode(exportOnnx(gelu, { inputShape: [6], opset })).graph?.node?.map(
          (n) => n.opType,
        );
      expect(ops(20)).toEqual(['Gelu']);
      expect(ops(17)).toEqual(['Mul', 'Erf', 'Add', 'Mul', 'Mul']);
      await expectSameAsGd(new GELU({ approximate: 'tanh' }), [6], 20);
    },
    SLOW,
  );

  it(
    'a model in training mode exports its eval behaviour and stays in training mode',
    async () => {
      const net = warmed(mlp([4, 6, 2], { batchNorm: true, dropout: 0.5, generator: g }), [4], g);
      net.train();
      const bytes = exportOnnx(net);
      expect(net.training).toBe(true);
      net.eval();
      const x = randn([7, 4], { generator: g });
      const got = await runOrt(bytes, x.data as Float32Array, [7, 4]);
      const want = net.forward(x).value;
      for (let i = 0; i < want.size; i++) {
        expect(Math.abs((got.data as Float32Array)[i] - want.data[i])).toBeLessThan(1e-5);
      }
    },
    SLOW,
  );
});

describe('exportOnnx graph', () => {
  it('has a dynamic batch axis, Gemm with transB = 1, state-dict names and the given io names', () => {
    const net = mlp([3, 5, 2], { generator: new Generator(1) });
    const bytes = exportOnnx(net, { inputName: 'x', outputName: 'logits' });
    const model = onnx.ModelProto.decode(bytes);
    expect(Number(model.irVersion)).toBe(8);
    expect(model.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([['', 17]]);
    const graph = model.graph as InstanceType<typeof onnx.GraphProto>;
    const dims = (v: onnxProto.onnx.IValueInfoProto) =>
      v.type?.tensorType?.shape?.dim?.map((d) => d.dimParam || Number(d.dimValue));
    expect(graph.input.map((v) => v.name)).toEqual(['x']);
    expect(dims(graph.input[0])).toEqual(['batch', 3]);
    expect(graph.output.map((v) => v.name)).toEqual(['logits']);
    expect(dims(graph.output[0])).toEqual(['batch', 2]);
    expect(graph.node.map((n) => n.opType)).toEqual(['Gemm', 'Relu', 'Gemm']);
    expect(graph.node[0].attribute?.map((a) => [a.name, Number(a.i)])).toEqual([['transB', 1]]);
    expect(graph.initializer.map((t) => [t.name, (t.dims ?? []).map(Number)])).toEqual([
      ['0.weight', [5, 3]],
      ['0.bias', [5]],
      ['2.weight', [2, 5]],
      ['2.bias', [2]],
    ]);
    const w = graph.initializer[0];
    const raw = w.rawData as Uint8Array;
    const first = new DataView(raw.buffer, raw.byteOffset).getFloat32(0, true);
    expect(first).toBe((net.at(0) as Linear).weight.value.data[0]);
    expect(graph.node.at(-1)?.output).toEqual(['logits']);
  });

  it('a fixed batch size when asked', () => {
    const model = onnx.ModelProto.decode(exportOnnx(new Linear(2, 2), { batch: 4 }));
    expect(Number(model.graph?.input?.[0].type?.tensorType?.shape?.dim?.[0].dimValue)).toBe(4);
  });

  it('refuses what it cannot export with an OnnxExportError naming the module', () => {
    class Custom extends Module {
      forward(x: ModuleInput) {
        return Module.asVar(x);
      }
    }
    const net = new Sequential(new Linear(3, 3), new Sequential(new ReLU(), new Custom()));
    expect(() => exportOnnx(net)).toThrow(OnnxExportError);
    expect(() => exportOnnx(net)).toThrow(
      /'1\.1' \(Custom\); supported modules: Sequential, Linear/,
    );
    expect(() => exportOnnx(new ReLU())).toThrow(/pass inputShape/);
    expect(() => exportOnnx(new Linear(3, 2), { inputShape: [4] })).toThrow(
      /'model' is Linear\(3, 2\) but receives \[batch, 4\]/,
    );
    expect(() => exportOnnx(new Linear(3, 2), { opset: 9 })).toThrow(
      /opset must be an integer in \[13, 21\]/,
    );
    expect(() =>
      exportOnnx(new BatchNorm1d(3, { trackRunningStats: false }), { inputShape: [3] }),
    ).toThrow(/trackRunningStats: false/);
    expect(() =>
      exportOnnx(new Sequential(new Linear(2, 2, { dtype: 'float64' }), new Linear(2, 2))),
    ).toThrow(/mixes/);
  });
});
