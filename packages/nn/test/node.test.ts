import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Generator, tensor } from '@gd/tensor';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckpointError } from '../src/checkpoint';
import { mlp } from '../src/mlp';
import { StateDictError } from '../src/module';
import { load, loadSync, save, saveSync } from '../src/node';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gd-nn-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const net = (seed: number) =>
  mlp([6, 5, 3], { batchNorm: true, generator: new Generator(seed), dtype: 'float64' });

describe('save / load', () => {
  it('round-trips a module bit-exactly, with metadata', async () => {
    const a = net(1);
    a.forward(
      tensor(
        [
          [1, 2, 3, 4, 5, 6],
          [0, 1, 0, 1, 0, 1],
        ],
        { dtype: 'float64' },
      ),
    );
    const path = join(dir, 'net.gdckpt');
    await save(a, path, { metadata: { epoch: 3, loss: 0.25 } });
    const b = net(2);
    expect(b.stateDict()).not.toEqual(a.stateDict());
    const { metadata } = await load(path, b);
    expect(metadata).toEqual({ epoch: 3, loss: 0.25 });
    expect(b.stateDict()).toEqual(a.stateDict());
    expect(readFileSync(path).subarray(0, 8).toString()).toBe('GDNNCKPT');
  });

  it('sync variants and plain state dicts work too', () => {
    const a = net(3);
    const path = join(dir, 's.gdckpt');
    saveSync(a.stateDict(), path);
    const { state } = loadSync(path);
    expect(state).toEqual(a.stateDict());
  });

  it('a crash between write and rename leaves the previous checkpoint intact', async () => {
    const path = join(dir, 'net.gdckpt');
    const old = net(4);
    await save(old, path, { metadata: { epoch: 1 } });
    const before = readFileSync(path);
    const newer = net(5);
    await expect(
      save(newer, path, {
        metadata: { epoch: 2 },
        hooks: {
          beforeRename: () => {
            throw new Error('simulated crash before rename');
          },
        },
      }),
    ).rejects.toThrow('simulated crash before rename');
    expect(readFileSync(path).equals(before)).toBe(true);
    const restored = net(6);
    const { metadata } = await load(path, restored);
    expect(metadata).toEqual({ epoch: 1 });
    expect(restored.stateDict()).toEqual(old.stateDict());
    expect(readdirSync(dir)).toEqual(['net.gdckpt']);
  });

  it('rejects torn or foreign files and mismatched modules with typed errors', async () => {
    const path = join(dir, 'x.gdckpt');
    saveSync(net(7), path);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 10));
    await expect(load(path)).rejects.toThrow(CheckpointError);
    writeFileSync(path, '{"not": "a checkpoint"}');
    expect(() => loadSync(path)).toThrow(/not a gd checkpoint/);
    saveSync(net(7), path);
    expect(() => loadSync(path, mlp([6, 3]))).toThrow(StateDictError);
  });
});
