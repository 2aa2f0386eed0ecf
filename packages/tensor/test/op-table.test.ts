import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as T from '@gd/tensor';
import { OP_TABLE, type OpEntry } from '../src/op-table';

const entries = Object.entries(OP_TABLE) as [string, OpEntry][];

/** Where each type named in a signature comes from, for the generated file's imports. */
const TYPE_HOMES: Record<string, string> = {
  ArgReduceOptions: '../ops/argreduce',
  CloseOptions: '../ops/allclose',
  DType: '../dtype',
  IndexLike: '../ops/indices',
  MatmulOptions: '../ops/matmul',
  NormOptions: '../ops/norm',
  OneHotOptions: '../ops/onehot',
  SliceSpec: '../ops/slice',
  VarianceOptions: '../ops/variance',
  Axis: '../tensor',
  ReduceOptions: '../tensor',
  Tensor: '../tensor',
  TensorLike: '../tensor',
};

/** The TypeScript of a signature for Tensor: $T is TensorLike, $M and $R are Tensor. */
const forTensor = (s: string) =>
  s.replaceAll('$T', 'TensorLike').replaceAll('$M', 'Tensor').replaceAll('$R', 'Tensor');

/** src/generated/tensor-methods.ts, rendered from the op table. */
function renderTensorMethods(): string {
  const lines = entries.map(([name, e]) => {
    const sig = `${name}(${forTensor(e.params)}): ${forTensor(e.returns ?? '$R')};`;
    return `  /** ${e.doc} (the method form of \`${name}\`). */\n  ${sig}`;
  });
  const used = new Set<string>(['Tensor']);
  for (const [, e] of entries) {
    for (const w of forTensor(`${e.params} ${e.returns ?? ''}`).match(/[A-Z]\w+/g) ?? []) {
      if (w in TYPE_HOMES) used.add(w);
    }
  }
  const byHome = new Map<string, string[]>();
  for (const t of [...used].sort())
    byHome.set(TYPE_HOMES[t], [...(byHome.get(TYPE_HOMES[t]) ?? []), t]);
  const imports = [...byHome.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([home, ts]) => `import type { ${ts.join(', ')} } from '${home}';`);
  const list = entries.map(([name, e]) => `  ['${name}', ${e.self ?? 0}],`);
  return `// Generated from src/op-table.ts by test/op-table.test.ts: do not edit; run
// \`npx vitest run test/op-table.test.ts -u\` in packages/tensor after changing the table.
${imports.join('\n')}

/** The op methods of Tensor: one per entry of the op table, each calling the op function. */
export interface TensorMethods {
${lines.join('\n')}
}

/** Each method's name and the position of the receiver among its op function's arguments. */
export const TENSOR_METHODS: readonly (readonly [string, number])[] = [
${list.join('\n')}
];
`;
}

describe('the op table', () => {
  it('generates the TensorMethods interface and method list (src/generated/tensor-methods.ts)', async () => {
    await expect(renderTensorMethods()).toMatchFileSnapshot('../src/generated/tensor-methods.ts');
  });

  it('every table op is an exported function and a Tensor method', () => {
    const api = T as unknown as Record<string, unknown>;
    const proto = T.Tensor.prototype as unknown as Record<string, unknown>;
    for (const [name] of entries) {
      expect(typeof api[name], `export ${name}`).toBe('function');
      expect(typeof proto[name], `Tensor.prototype.${name}`).toBe('function');
    }
  });

  it('every exported function is a table op or a listed non-method (creation, joining, random, utilities)', () => {
    const NOT_METHODS = new Set([
      // settings: the default dtype, the kernel tier and its thread count
      'getDefaultDtype',
      'setDefaultDtype',
      'backendName',
      'useBackend',
      'wasmTier',
      'getNumThreads',
      'setNumThreads',
      // in-place ops (methods x.add_(y)…, not table ops) and their version counter
      'add_',
      'sub_',
      'mul_',
      'div_',
      'clamp_',
      'fill_',
      'zero_',
      'copy_',
      'modifiedAt',
      // creation
      'tensor',
      'zeros',
      'ones',
      'full',
      'zerosLike',
      'onesLike',
      'fullLike',
      'arange',
      'linspace',
      'eye',
      // joining lists of tensors
      'concat',
      'stack',
      // random
      'manualSeed',
      'rand',
      'randn',
      'uniform',
      'normal',
      'randint',
      'permutation',
      'shuffle',
      'choice',
      'defaultGenerator',
      'Generator',
      // dtype and shape utilities, kernels, errors, the op machinery
      'allocate',
      'isFloat',
      'promoteTypes',
      'broadcastShapes',
      'backend',
      'setBackend',
      'setDispatchHook',
      // fused optimizer updates on typed arrays (torch._fused_adam_), not tensor ops
      'fusedAdam',
      'fusedSgd',
      // linear algebra: functions only, as torch.linalg
      'eigh',
      'eigvalsh',
      'solve',
      'inv',
      'det',
      'cholesky',
      'LinAlgError',
      'Tensor',
      'ShapeError',
      'DTypeError',
    ]);
    const fns = Object.entries(T)
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k);
    const stray = fns.filter((k) => !(k in OP_TABLE) && !NOT_METHODS.has(k));
    expect(stray).toEqual([]);
  });

  it('the README lists every table op', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const missing = entries.map(([n]) => n).filter((n) => !new RegExp(`\\b${n}\\b`).test(readme));
    expect(missing).toEqual([]);
  });

  it('element-wise entries have a dtype rule and no extra parameters beyond their kind', () => {
    for (const [name, e] of entries) {
      if (e.kind === 'unary') expect(e.params, name).toBe('');
      if (e.kind === 'binary') expect(e.params, name).toBe('b: $T');
      if (e.kind !== 'op') expect(e.dtype, name).toBeDefined();
    }
  });
});
