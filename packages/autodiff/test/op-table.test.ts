import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as T from '@gd/tensor';
import * as A from '../src';
import { registeredVarOps } from '../src/registry';

const entries = Object.entries(T.OP_TABLE) as [string, T.OpEntry][];

/** Types a signature may name, all from @gd/tensor except Operand (engine) and Var (var). */
const TENSOR_TYPES = [
  'ArgReduceOptions',
  'Axis',
  'CloseOptions',
  'DType',
  'IndexLike',
  'MatmulOptions',
  'NormOptions',
  'OneHotOptions',
  'ReduceOptions',
  'SliceSpec',
  'Tensor',
  'VarianceOptions',
];

/** A signature for Var: $T is any operand, $M a Var or Tensor, $R a Var. */
const forVar = (s: string) =>
  s.replaceAll('$T', 'Operand').replaceAll('$M', 'Var | Tensor').replaceAll('$R', 'Var');

/** Parameters split at top-level commas. */
function splitParams(p: string): string[] {
  if (p === '') return [];
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of p) {
    if (ch === '<' || ch === '[' || ch === '(') depth++;
    if (ch === '>' || ch === ']' || ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** Tensor-method overloads taking a Var at one tensor position: `t.mul(v)` returns a Var. */
function tensorOverloads(name: string, e: T.OpEntry): string[] {
  const params = splitParams(e.params);
  const ret = forVar(e.returns ?? '$R');
  const out: string[] = [];
  params.forEach((p, i) => {
    if (!/\$[TM]/.test(p)) return;
    const ps = params.map((q, j) =>
      j === i
        ? q.replace(/\$[TM]/, 'Var')
        : q.replaceAll('$T', 'Operand').replaceAll('$M', 'Var | Tensor'),
    );
    out.push(`    ${name}(${ps.join(', ')}): ${ret};`);
  });
  return out;
}

/** src/generated/var-methods.ts, rendered from @gd/tensor's op table. */
function renderVarMethods(): string {
  const methods = entries.map(([name, e]) => {
    const sig = `${name}(${forVar(e.params)}): ${forVar(e.returns ?? '$R')};`;
    return `  /** ${e.doc} (the method form of \`${name}\`). */\n  ${sig}`;
  });
  const all = entries.map(([, e]) => forVar(`${e.params} ${e.returns ?? ''}`)).join(' ');
  const used = TENSOR_TYPES.filter((t) => new RegExp(`\\b${t}\\b`).test(all));
  const overloads = entries.flatMap(([name, e]) => tensorOverloads(name, e));
  const list = entries.map(([name, e]) => `  ['${name}', ${e.self ?? 0}],`);
  return `// Generated from @gd/tensor's OP_TABLE by test/op-table.test.ts: do not edit; run
// \`npx vitest run test/op-table.test.ts -u\` in packages/autodiff after changing the table.
import type { ${used.join(', ')} } from '@gd/tensor';
import type { Operand } from '../engine';
import type { Var } from '../var';

/** The op methods of Var: one per entry of the op table, each calling autodiff's op function. */
export interface VarMethods {
${methods.join('\n')}
}

/** Each method's name and the position of the receiver among its op function's arguments. */
export const VAR_METHODS: readonly (readonly [string, number])[] = [
${list.join('\n')}
];

// Tensor methods given a Var return a Var: @gd/autodiff installs the dispatch hook that does it.
declare module '@gd/tensor' {
  interface TensorMethods {
${overloads.join('\n')}
  }
}
`;
}

describe('the op table in autodiff', () => {
  it('generates VarMethods, the method list and the Tensor overloads (src/generated/var-methods.ts)', async () => {
    await expect(renderVarMethods()).toMatchFileSnapshot('../src/generated/var-methods.ts');
  });

  it('registers an autodiff op (with its backward rule or as constant) for exactly the table ops', () => {
    expect(registeredVarOps().sort()).toEqual(entries.map(([n]) => n).sort());
  });

  it('exports every table op as a function and has it as a Var method', () => {
    const api = A as unknown as Record<string, unknown>;
    const proto = A.Var.prototype as unknown as Record<string, unknown>;
    for (const [name] of entries) {
      expect(typeof api[name], `export ${name}`).toBe('function');
      expect(typeof proto[name], `Var.prototype.${name}`).toBe('function');
    }
  });

  it('the README names every table op', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const missing = entries.map(([n]) => n).filter((n) => !new RegExp(`\\b${n}\\b`).test(readme));
    expect(missing).toEqual([]);
  });
});
