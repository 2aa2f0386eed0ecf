import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../src/errors';
import { isGzip, maybeGunzip } from '../src/gzip';

describe('maybeGunzip', () => {
  const plain = Uint8Array.from({ length: 1000 }, (_, i) => (i * 31) % 251);

  it('decompresses gzip (made by node:zlib) and passes other bytes through', () => {
    const gz = new Uint8Array(gzipSync(plain));
    expect(isGzip(gz)).toBe(true);
    expect(isGzip(plain)).toBe(false);
    expect(Array.from(maybeGunzip(gz))).toEqual(Array.from(plain));
    expect(maybeGunzip(plain)).toBe(plain);
  });

  it('throws a DatasetError naming the file for a truncated gzip stream', () => {
    const gz = new Uint8Array(gzipSync(plain));
    const cut = gz.subarray(0, gz.length - 20);
    expect(() => maybeGunzip(cut, 'x.gz')).toThrow(DatasetError);
    expect(() => maybeGunzip(cut, 'x.gz')).toThrow(/x\.gz: gzip data is corrupt or truncated/);
  });
});
