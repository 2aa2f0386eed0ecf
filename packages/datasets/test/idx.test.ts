import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../src/errors';
import {
  bytesToUnitFloat,
  idxToTensor,
  parseIdx,
  parseIdxImages,
  parseIdxLabels,
} from '../src/idx';
import { idxBytes, imageBytes, labelBytes } from './helpers';

describe('parseIdx', () => {
  it('reads the header and uint8 data (as a view, raw or gzipped)', () => {
    const bytes = imageBytes(3, 4, 5);
    for (const input of [bytes, new Uint8Array(gzipSync(bytes))]) {
      const idx = parseIdx(input);
      expect(idx.dtype).toBe('uint8');
      expect(idx.shape).toEqual([3, 4, 5]);
      expect(idx.data.length).toBe(60);
      expect(idx.data[21]).toBe((7 + 1) % 256);
    }
    expect(parseIdx(bytes).data.buffer).toBe(bytes.buffer);
  });

  it('decodes big-endian int16/int32/float32/float64 and int8', () => {
    const view = (n: number) => new DataView(new ArrayBuffer(n));
    const i16 = view(4);
    i16.setInt16(0, -300, false);
    i16.setInt16(2, 1234, false);
    expect(Array.from(parseIdx(idxBytes([2], new Uint8Array(i16.buffer), 0x0b)).data)).toEqual([
      -300, 1234,
    ]);
    const i32 = view(4);
    i32.setInt32(0, -70000, false);
    expect(Array.from(parseIdx(idxBytes([1], new Uint8Array(i32.buffer), 0x0c)).data)).toEqual([
      -70000,
    ]);
    const f32 = view(8);
    f32.setFloat32(0, 1.5, false);
    f32.setFloat32(4, -0.25, false);
    const p = parseIdx(idxBytes([1, 2], new Uint8Array(f32.buffer), 0x0d));
    expect(p.dtype).toBe('float32');
    expect(Array.from(p.data)).toEqual([1.5, -0.25]);
    const f64 = view(8);
    f64.setFloat64(0, Math.PI, false);
    expect(parseIdx(idxBytes([1], new Uint8Array(f64.buffer), 0x0e)).data[0]).toBe(Math.PI);
    expect(Array.from(parseIdx(idxBytes([2], Uint8Array.from([255, 1]), 0x09)).data)).toEqual([
      -1, 1,
    ]);
  });

  it('rejects a wrong magic number, unknown type code, zero dims, short header', () => {
    const bad = imageBytes(1, 2, 2);
    bad[0] = 0x1a;
    expect(() => parseIdx(bad, 'f.idx')).toThrow(DatasetError);
    expect(() => parseIdx(bad, 'f.idx')).toThrow(/f\.idx: wrong magic number 0x1a000803/);
    const code = imageBytes(1, 2, 2);
    code[2] = 0x0a;
    expect(() => parseIdx(code)).toThrow(
      'IDX data: unknown data type byte 0x0A (expected 0x08 ubyte, 0x09 byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double)',
    );
    code[2] = 0x0f;
    expect(() => parseIdx(code, 'x.idx')).toThrow(
      /^x\.idx: unknown data type byte 0x0F \(expected/,
    );
    expect(() => parseIdx(Uint8Array.from([0, 0, 8, 0]))).toThrow(/0 dimensions/);
    expect(() => parseIdx(Uint8Array.from([0, 0, 8, 3, 0, 0]))).toThrow(/truncated header/);
    expect(() => parseIdx(Uint8Array.from([0, 0]))).toThrow(/too short/);
  });

  it('names a wrong type byte as such, not as a truncated file', () => {
    // uint8 images [2, 3, 3] (34 bytes) relabelled int32: the length fits ubyte exactly.
    const relabelled = imageBytes(2, 3, 3);
    relabelled[2] = 0x0c;
    const message = (() => {
      try {
        parseIdx(relabelled, 'img.idx');
      } catch (e) {
        expect(e).toBeInstanceOf(DatasetError);
        return (e as Error).message;
      }
      return '';
    })();
    expect(message).toBe(
      "img.idx: data type byte 0x0C (int, 4 bytes per element) does not fit the data: header [2, 3, 3] then needs 88 bytes, but the file's 34 bytes are exactly what 0x08 ubyte or 0x09 byte needs; the type byte (byte 2) is wrong — rewrite the file with the right type, or download it again",
    );
    expect(message).not.toContain('truncated');
    // float64 data of [3] (4 + 4 + 24 bytes) labelled float32 fits only 0x0E double.
    const f64 = new Uint8Array(32);
    f64.set([0, 0, 0x0d, 1, 0, 0, 0, 3]);
    expect(() => parseIdx(f64)).toThrow(/exactly what 0x0E double needs/);
  });

  it('rejects truncated data and trailing bytes, naming the sizes', () => {
    const good = imageBytes(2, 3, 3);
    expect(() => parseIdx(good.subarray(0, good.length - 1), 'cut')).toThrow(
      /cut: truncated: header \[2, 3, 3\] of uint8 needs 34 bytes, file has 33/,
    );
    const long = new Uint8Array(good.length + 2);
    long.set(good);
    expect(() => parseIdx(long)).toThrow(/has trailing bytes/);
    const e = (() => {
      try {
        parseIdx(long, 'long.idx');
      } catch (err) {
        return err as DatasetError;
      }
    })();
    expect(e?.file).toBe('long.idx');
  });
});

describe('idxToTensor', () => {
  it('gives int32 for integer types and keeps floats', () => {
    expect(idxToTensor(parseIdx(labelBytes(4))).dtype).toBe('int32');
    const f = new DataView(new ArrayBuffer(4));
    f.setFloat32(0, 2.5, false);
    const t = idxToTensor(parseIdx(idxBytes([1], new Uint8Array(f.buffer), 0x0d)));
    expect(t.dtype).toBe('float32');
    expect(t.data[0]).toBe(2.5);
  });
});

describe('parseIdxImages / parseIdxLabels', () => {
  it('scales pixels to float32 byte/255 and keeps [N, H, W] or flattens', () => {
    const x = parseIdxImages(imageBytes(2, 28, 28));
    expect(x.shape).toEqual([2, 28, 28]);
    expect(x.dtype).toBe('float32');
    expect(x.data[1]).toBe(Math.fround(1 / 255));
    expect(x.data[784 + 255 - 7]).toBe(1);
    expect(parseIdxImages(imageBytes(2, 28, 28), { flatten: true }).shape).toEqual([2, 784]);
  });

  it('reads labels as int32 and refuses swapped files', () => {
    const y = parseIdxLabels(labelBytes(12));
    expect(y.dtype).toBe('int32');
    expect(Array.from(y.data).slice(9, 12)).toEqual([9, 0, 1]);
    expect(() => parseIdxLabels(imageBytes(1, 2, 2), 'a')).toThrow(
      /a: expected uint8 labels.*is this an images file/,
    );
    expect(() => parseIdxImages(labelBytes(3), { file: 'b' })).toThrow(
      /b: expected uint8 images.*labels file/,
    );
  });

  it('bytesToUnitFloat is exactly x/255 rounded to float32 for every byte', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const out = new Float32Array(258);
    bytesToUnitFloat(all, out, 2);
    for (let v = 0; v < 256; v++) expect(out[v + 2]).toBe(Math.fround(v / 255));
  });
});
