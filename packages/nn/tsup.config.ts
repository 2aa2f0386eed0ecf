import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/node.ts', 'src/onnx.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  // One copy of each class across entries in CJS too, so instanceof works between
  // @gd/nn, @gd/nn/node and @gd/nn/onnx (tsup splits ESM by default, CJS only when asked).
  splitting: true,
  target: 'es2022',
});
