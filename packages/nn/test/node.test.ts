import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Generator, tensor } from '@gd/tensor';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckpointError, encodeCheckpoint } from '../src/checkpoint';
import { mlp } from '../src/mlp';
import { StateDictError } from '../src/module';
import { load, loadSync, save, saveSync } from '../src/node';
import type { StateDict } from '../src/state-dict';

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
    const path = join(dir, 'model.safetensors');
    await save(a, path, { metadata: { epoch: '3', loss: '0.25' } });
    const b = net(2);
    expect(b.stateDict()).not.toEqual(a.stateDict());
    const { metadata, format } = await load(path, b);
    expect(format).toBe('safetensors');
    expect(metadata).toEqual({ epoch: '3', loss: '0.25' });
    expect(b.stateDict()).toEqual(a.stateDict());
    // safetensors: u64 header length, then a JSON header padded to 8 bytes.
    const bytes = readFileSync(path);
    const n = Number(bytes.readBigUInt64LE(0));
    expect(n % 8).toBe(0);
    const header = JSON.parse(bytes.subarray(8, 8 + n).toString());
    expect(header['0.weight']).toMatchObject({ dtype: 'F64', shape: [5, 6] });
    expect(header['1.num_batches_tracked']).toMatchObject({ dtype: 'I64', shape: [] });
  });

  it('sync variants and plain state dicts work too', () => {
    const a = net(3);
    const path = join(dir, 's.safetensors');
    saveSync(a.stateDict(), path);
    const { state } = loadSync(path);
    expect(state).toEqual(a.stateDict());
  });

  it('a crash between write and rename leaves the previous checkpoint intact', async () => {
    const path = join(dir, 'net.safetensors');
    const old = net(4);
    await save(old, path, { metadata: { epoch: '1' } });
    const before = readFileSync(path);
    const newer = net(5);
    await expect(
      save(newer, path, {
        metadata: { epoch: '2' },
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
    expect(metadata).toEqual({ epoch: '1' });
    expect(restored.stateDict()).toEqual(old.stateDict());
    expect(readdirSync(dir)).toEqual(['net.safetensors']);
  });

  it('rejects torn or foreign files and mismatched modules with typed errors', async () => {
    const path = join(dir, 'x.safetensors');
    saveSync(net(7), path);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 10));
    await expect(load(path)).rejects.toThrow(CheckpointError);
    writeFileSync(path, '{"not": "a checkpoint"}');
    expect(() => loadSync(path)).toThrow(CheckpointError);
    saveSync(net(7), path);
    expect(() => loadSync(path, mlp([6, 3]))).toThrow(StateDictError);
  });
});

describe('legacy GDNNCKPT files', () => {
  it('still load, with PyTorch BatchNorm names and one DeprecationWarning', async () => {
    const a = net(8);
    a.forward(
      tensor(
        [
          [1, 2, 3, 4, 5, 6],
          [6, 5, 4, 3, 2, 1],
        ],
        { dtype: 'float64' },
      ),
    );
    // What gd 0.0.x wrote: camelCase BatchNorm buffer names, JSON metadata.
    const old: StateDict = {};
    for (const [k, v] of Object.entries(a.stateDict())) {
      const { fileDtype: _, ...plain } = v;
      old[
        k
          .replace('running_mean', 'runningMean')
          .replace('running_var', 'runningVar')
          .replace('num_batches_tracked', 'numBatchesTracked')
      ] = plain;
    }
    const path = join(dir, 'old.gdckpt');
    writeFileSync(path, encodeCheckpoint(old, { epoch: 4, note: 'hi' }));
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    const b = net(9);
    const loaded = await load(path, b);
    loadSync(path);
    await new Promise((r) => setImmediate(r));
    process.off('warning', onWarning);
    expect(loaded.format).toBe('gdckpt');
    expect(loaded.metadata).toEqual({ epoch: '4', note: 'hi' });
    expect(b.stateDict()).toEqual(a.stateDict());
    expect(warnings.filter((w) => w.name === 'DeprecationWarning')).toHaveLength(1);
    expect(warnings[0].message).toMatch(/GDNNCKPT.*save it again/);
  });
});
