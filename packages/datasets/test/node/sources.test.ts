import { describe, expect, it } from 'vitest';
import { archiveResource, checkMirrors, checkResources } from '../../src/node/sources';

const md5 = 'f68b3c2dcbeaaa9fbdd348bbdeb94873';
const sha256 = 'a'.repeat(64);

describe('checkMirrors', () => {
  it('keeps http(s) base URLs in order and adds a missing trailing slash', () => {
    expect(
      checkMirrors('mnist', ['http://127.0.0.1:8000/mnist', 'https://example.org/data/']),
    ).toEqual(['http://127.0.0.1:8000/mnist/', 'https://example.org/data/']);
  });

  it('rejects what is not a non-empty list of http(s) folder URLs, naming the option and value', () => {
    expect(() => checkMirrors('mnist', 'http://x/')).toThrow(TypeError);
    expect(() => checkMirrors('mnist', 'http://x/')).toThrow(
      /mnist: mirrors must be an array of base URLs \(strings\), got 'http:\/\/x\/'/,
    );
    expect(() => checkMirrors('cifar10', ['http://x/', 3])).toThrow(/got \['http:\/\/x\/', 3\]/);
    expect(() => checkMirrors('mnist', [])).toThrow(RangeError);
    expect(() => checkMirrors('mnist', ['example.org/mnist/'])).toThrow(
      /mnist: mirror 'example\.org\/mnist\/' is not an absolute URL/,
    );
    expect(() => checkMirrors('mnist', ['ftp://example.org/'])).toThrow(
      /uses ftp:, not http: or https:/,
    );
    expect(() => checkMirrors('mnist', ['https://example.org/?token=1'])).toThrow(
      /has a query or fragment/,
    );
  });
});

describe('checkResources', () => {
  it('returns copies of well-formed entries (either checksum, any hex case)', () => {
    const given = [
      { filename: 'a.gz', md5: md5.toUpperCase() },
      { filename: 'b.gz', sha256 },
      { filename: 'c', md5, sha256 },
    ];
    const out = checkResources('mnist', given);
    expect(out).toEqual(given);
    expect(out[0]).not.toBe(given[0]);
  });

  it('rejects wrong types, empty lists, paths, duplicates, bad or missing checksums', () => {
    expect(() => checkResources('mnist', { filename: 'a', md5 })).toThrow(TypeError);
    expect(() => checkResources('mnist', [{ name: 'a', md5 }])).toThrow(
      /mnist: resources\[0\] must be \{ filename: string/,
    );
    expect(() => checkResources('mnist', [])).toThrow(/resources is empty/);
    for (const filename of ['../a.gz', 'sub/a.gz', 'a\\b', '', '..']) {
      expect(() => checkResources('mnist', [{ filename, md5 }])).toThrow(
        /must be a plain file name/,
      );
    }
    expect(() =>
      checkResources('mnist', [
        { filename: 'a', md5 },
        { filename: 'a', sha256 },
      ]),
    ).toThrow(/resources\[1\]: 'a' is listed twice/);
    expect(() => checkResources('mnist', [{ filename: 'a', sha256: md5 }])).toThrow(
      /resources\[0\]\.sha256 for 'a' must be 64 hex digits, got 'f68b/,
    );
    expect(() => checkResources('mnist', [{ filename: 'a', md5: `${md5.slice(1)}g` }])).toThrow(
      /md5 for 'a' must be 32 hex digits/,
    );
    expect(() => checkResources('mnist', [{ filename: 'a' }])).toThrow(
      /resources\[0\]: 'a' has no checksum; give md5 or sha256/,
    );
  });
});

describe('archiveResource', () => {
  const builtIn = { filename: 'cifar-10-binary.tar.gz', md5 };
  it('is the built-in archive unless resources names exactly one other', () => {
    expect(archiveResource('cifar10', builtIn, undefined)).toBe(builtIn);
    expect(archiveResource('cifar10', builtIn, [{ filename: 'mine.tgz', sha256 }])).toEqual({
      filename: 'mine.tgz',
      sha256,
    });
    expect(() =>
      archiveResource('cifar10', builtIn, [
        { filename: 'a', md5 },
        { filename: 'b', md5 },
      ]),
    ).toThrow(/cifar10: resources must list exactly one archive/);
  });
});
