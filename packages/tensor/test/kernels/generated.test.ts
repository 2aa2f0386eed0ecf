import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BinaryCode, UnaryCode } from '../../src/kernels/backend';
import { binaryF32, binaryScalarF32, reduceF32, unaryF32 } from '../../src/kernels/f32';
import { binaryF64, binaryScalarF64, reduceF64, unaryF64 } from '../../src/kernels/f64';
import { binaryAny, scanAny, unaryAny } from '../../src/kernels/generic';

const pkg = join(import.meta.dirname, '..', '..');
const script = join(pkg, 'scripts', 'gen-kernels.mjs');
const FILES = ['f32.ts', 'f64.ts', 'generic.ts'];
const scratch = mkdtempSync(join(tmpdir(), 'gd-gen-kernels-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('generated kernel files (scripts/gen-kernels.mjs)', () => {
  it('are up to date with the template', () => {
    const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('regenerate byte for byte, and --check names a file that differs', () => {
    execFileSync(process.execPath, [script, '--out', scratch]);
    for (const f of FILES) {
      expect(readFileSync(join(scratch, f), 'utf8')).toBe(
        readFileSync(join(pkg, 'src', 'kernels', f), 'utf8'),
      );
    }
    const f64 = join(scratch, 'f64.ts');
    writeFileSync(f64, readFileSync(f64, 'utf8').replace('out[i] = -x[i]', 'out[i] = x[i]'));
    const r = spawnSync(process.execPath, [script, '--check', '--out', scratch], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('f64.ts is out of date');
    expect(r.stderr).not.toContain('f32.ts');
  });

  it('give float32 and float64 the same hot codes, and the generic loops every code', () => {
    const HOT_UNARY = ['neg', 'abs', 'exp', 'log', 'sqrt', 'square', 'tanh', 'sigmoid', 'relu'];
    const HOT_BINARY = ['add', 'sub', 'mul', 'div', 'maximum', 'minimum'];
    expect(Object.keys(unaryF32)).toEqual(Object.keys(unaryF64));
    expect(Object.keys(unaryF32)).toEqual(expect.arrayContaining([...HOT_UNARY, 'reciprocal']));
    for (const t of [binaryF32, binaryF64, binaryScalarF32, binaryScalarF64]) {
      expect(Object.keys(t)).toEqual(HOT_BINARY);
    }
    expect(Object.keys(reduceF32)).toEqual(['sum', 'max', 'min']);
    expect(Object.keys(reduceF64)).toEqual(['sum', 'max', 'min']);
    const unary: UnaryCode[] = ['softplus', 'logicalNot', 'round', ...(HOT_UNARY as UnaryCode[])];
    for (const c of unary) expect(unaryAny[c], c).toBeTypeOf('function');
    const binary: BinaryCode[] = ['atan2', 'hypot', 'logaddexp', 'pow', 'equal', 'logicalOr'];
    for (const c of binary) expect(binaryAny[c], c).toBeTypeOf('function');
    expect(Object.keys(scanAny)).toEqual(['cumsum', 'cumprod']);
  });
});
