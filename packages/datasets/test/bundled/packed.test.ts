import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type PackedTable, unpackTable } from '../../src/bundled/packed';
import { DatasetError } from '../../src/errors';

function table(raw: Uint8Array, over: Partial<PackedTable> = {}): PackedTable {
  return {
    name: 't',
    nSamples: 2,
    features: [
      { type: 'u16', decimals: 2 },
      { type: 'i16', decimals: 0 },
    ],
    target: { type: 'u8', decimals: 0 },
    featureNames: ['a', 'b'],
    targetNames: ['x', 'y'],
    citation: '',
    source: '',
    licence: '',
    description: '',
    payload: Buffer.from(deflateRawSync(raw)).toString('base64'),
    ...over,
  };
}

describe('unpackTable', () => {
  it('decodes column-major little-endian ints scaled by 10^-decimals into row-major rows', () => {
    const v = new DataView(new ArrayBuffer(10));
    v.setUint16(0, 510, true); // 5.10
    v.setUint16(2, 1, true); // 0.01
    v.setInt16(4, -7, true);
    v.setInt16(6, 300, true);
    v.setUint8(8, 1);
    v.setUint8(9, 0);
    const { data, target } = unpackTable(table(new Uint8Array(v.buffer)), 'float64');
    expect(data.shape).toEqual([2, 2]);
    expect(Array.from(data.data)).toEqual([5.1, -7, 0.01, 300]);
    expect(Array.from(target)).toEqual([1, 0]);
  });

  it('throws a DatasetError for a payload of the wrong size or that is not deflate', () => {
    expect(() => unpackTable(table(new Uint8Array(9)), 'float32')).toThrow(DatasetError);
    expect(() => unpackTable(table(new Uint8Array(9)), 'float32')).toThrow(
      /has 9 bytes, expected 10/,
    );
    expect(() => unpackTable(table(new Uint8Array(10), { payload: '////' }), 'float32')).toThrow(
      /could not be decoded/,
    );
  });
});
