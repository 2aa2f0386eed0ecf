import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gd, tempDir } from './helpers';

describe('gd export', () => {
  it("writes a trained run's MLP as an ONNX model holding its weights", () => {
    const cwd = tempDir();
    expect(
      gd(
        [
          'train',
          '--dataset',
          'iris',
          '--hidden',
          '8',
          '--epochs',
          '1',
          '--lr',
          '0.01',
          '--out',
          'run',
        ],
        cwd,
      ).status,
    ).toBe(0);
    const r = gd(['export', 'run', '--onnx', 'model.onnx'], cwd);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/input \[batch, 4\], output \[batch, 3\]/);
    const bytes = readFileSync(join(cwd, 'model.onnx'));
    // ModelProto starts with field 1 (ir_version, varint): tag 0x08.
    expect(bytes[0]).toBe(0x08);
    const text = bytes.toString('latin1');
    for (const name of ['0.weight', '0.bias', '2.weight', '2.bias', 'Gemm', 'Relu'])
      expect(text).toContain(name);
  });

  it('refuses a folder that is not a run (exit 2)', () => {
    const r = gd(['export', 'nothing', '--onnx', 'm.onnx']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no gd train run there/);
  });
});
