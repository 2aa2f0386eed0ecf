#!/usr/bin/env node
// Writes gd's side of the PyTorch / ONNX interop fixtures into test/fixtures/interop/:
//   gd-mlp.safetensors        an MLP trained in gd (Adam, 40 steps), PyTorch state_dict names
//   kitchen.safetensors       every exportable layer in one Sequential (BatchNorm statistics warmed)
//   *.onnx                    exportOnnx of both models (opset 17, and 13 for the kitchen sink)
// Then run test/fixtures/gen_interop.py with Debian's PyTorch (/usr/bin/python3), which loads
// these files in PyTorch, runs onnx.checker on the .onnx files and records everything in
// test/fixtures/interop.json. Regenerate both after changing the exporter or the safetensors writer:
//   pnpm --filter @gd/nn build && node packages/nn/scripts/gen-interop-fixtures.mjs
//   /usr/bin/python3 packages/nn/test/fixtures/gen_interop.py
// The kitchen-sink architecture is repeated in test/interop.test.ts and gen_interop.py.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crossEntropy } from '@gd/losses';
import {
  BatchNorm1d,
  Dropout,
  Flatten,
  GELU,
  LeakyReLU,
  Linear,
  ReLU,
  Sequential,
  Sigmoid,
  Softmax,
  Tanh,
  mlp,
} from '@gd/nn';
import { saveSync } from '@gd/nn/node';
import { exportOnnx } from '@gd/nn/onnx';
import { Adam } from '@gd/optim';
import { Generator, randn, tensor } from '@gd/tensor';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'interop');
mkdirSync(out, { recursive: true });
const g = new Generator(2026);

// An MLP trained in gd: 4 features, 3 classes (label = which of three sums is largest).
const net = mlp([4, 16, 8, 3], { batchNorm: true, activation: 'gelu', generator: g });
const x = randn([64, 4], { generator: g });
const y = tensor(
  Array.from({ length: 64 }, (_, i) => {
    const r = Array.from(x.data.subarray(4 * i, 4 * i + 4));
    const s = [r[0] + r[1], r[1] - r[2], r[3] - r[0]];
    return s.indexOf(Math.max(...s));
  }),
  { dtype: 'int32' },
);
const opt = new Adam(net.parameters(), { lr: 0.05 });
for (let step = 0; step < 40; step++) {
  opt.zeroGrad();
  const loss = crossEntropy(net.forward(x), y);
  loss.backward();
  opt.step();
}
net.eval();
saveSync(net, join(out, 'gd-mlp.safetensors'), { metadata: { producer: 'gd', steps: '40' } });
writeFileSync(join(out, 'gd-mlp.onnx'), exportOnnx(net, { inputShape: [4] }));

// Every exportable layer; input [N, 3, 4].
const kitchen = new Sequential(
  new Flatten(),
  new Linear(12, 16, { generator: g }),
  new BatchNorm1d(16),
  new GELU({ approximate: 'tanh' }),
  new Dropout(0.2, { generator: g }),
  new Linear(16, 16, { generator: g }),
  new LeakyReLU(0.1),
  new Linear(16, 8, { generator: g }),
  new Tanh(),
  new Linear(8, 8, { generator: g }),
  new Sigmoid(),
  new Linear(8, 8, { generator: g }),
  new ReLU(),
  new Linear(8, 4, { generator: g }),
  new GELU(),
  new Linear(4, 3, { generator: g }),
  new Softmax(),
);
for (let i = 0; i < 3; i++) kitchen.forward(randn([32, 3, 4], { generator: g }).mul(2).add(0.5));
kitchen.eval();
saveSync(kitchen, join(out, 'kitchen.safetensors'), { metadata: { producer: 'gd' } });
for (const opset of [13, 17]) {
  writeFileSync(
    join(out, `kitchen-opset${opset}.onnx`),
    exportOnnx(kitchen, { inputShape: [3, 4], opset }),
  );
}
console.log(`wrote gd fixtures to ${out}`);
