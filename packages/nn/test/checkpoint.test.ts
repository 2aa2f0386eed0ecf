import { describe, expect, it } from 'vitest';
import {
  CHECKPOINT_MAGIC,
  CheckpointError,
  decodeCheckpoint,
  encodeCheckpoint,
} from '../src/checkpoint';
import type { StateDict } from '../src/state-dict';

const state: StateDict = {
  '0.weight': { shape: [2, 3], dtype: 'float64', data: [0.1, -2.5, 1e-300, 3, Math.PI, -0] },
  '0.bias': { shape: [2], dtype: 'float32', data: [Math.fround(0.1), Math.fround(-7.25)] },
  '1.numBatchesTracked': { shape: [], dtype: 'int32', data: [42] },
  mask: { shape: [3], dtype: 'bool', data: [1, 0, 1] },
  odd: { shape: [3], dtype: 'float64', data: [Number.NaN, Number.POSITIVE_INFINITY, -1] },
};

describe('checkpoint format', () => {
  it('starts with the magic and a little-endian header length, then a JSON header', () => {
    const bytes = encodeCheckpoint(state, { epoch: 3 });
    expect(String.fromCharCode(...bytes.subarray(0, 8))).toBe(CHECKPOINT_MAGIC);
    const h = new DataView(bytes.buffer).getUint32(8, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + h)));
    expect(header.format).toBe('gd-checkpoint');
    expect(header.version).toBe(1);
    expect(header.metadata).toEqual({ epoch: 3 });
    expect(header.tensors.map((t: { name: string }) => t.name)).toEqual(Object.keys(state));
    for (const t of header.tensors) expect(t.offset % 8).toBe(0);
    const dataStart = Math.ceil((12 + h) / 8) * 8;
    expect(bytes.length).toBe(dataStart + header.dataByteLength);
    const w = header.tensors[0];
    const f64 = new DataView(bytes.buffer).getFloat64(dataStart + w.offset + 8, true);
    expect(f64).toBe(-2.5);
  });

  it('round-trips every dtype bit-exactly, non-finite values included', () => {
    const { state: back, metadata } = decodeCheckpoint(encodeCheckpoint(state, { note: 'x' }));
    expect(metadata).toEqual({ note: 'x' });
    expect(Object.keys(back)).toEqual(Object.keys(state));
    for (const k of Object.keys(state)) {
      expect(back[k].shape).toEqual(state[k].shape);
      expect(back[k].dtype).toBe(state[k].dtype);
      expect(back[k].data).toEqual(state[k].data);
    }
    expect(Object.is(back['0.weight'].data[5], -0)).toBe(true);
  });

  it('rejects foreign, truncated and wrong-version bytes with CheckpointError', () => {
    const bytes = encodeCheckpoint(state);
    expect(() => decodeCheckpoint(new TextEncoder().encode('{"weights": []}'))).toThrow(
      CheckpointError,
    );
    expect(() => decodeCheckpoint(bytes.subarray(0, bytes.length - 4))).toThrow(/truncated/);
    expect(() => decodeCheckpoint(bytes.subarray(0, 20))).toThrow(/truncated/);
    const h = new DataView(bytes.buffer).getUint32(8, true);
    const text = new TextDecoder()
      .decode(bytes.subarray(12, 12 + h))
      .replace('"version":1', '"version":9');
    const changed = new Uint8Array(bytes);
    changed.set(new TextEncoder().encode(text), 12);
    expect(() => decodeCheckpoint(changed)).toThrow(/version 9/);
  });

  it('validates entries while encoding', () => {
    expect(() =>
      encodeCheckpoint({ w: { shape: [2, 2], dtype: 'float32', data: [1, 2, 3] } }),
    ).toThrow(/'w' has 3 elements but shape \[2, 2\] needs 4/);
  });
});
