import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/errors';
import { CIFAR10_RESOURCES, cifar10, extractCifar10 } from '../../src/node/cifar10';
import { cifarBytes, tarBytes, tempDir } from '../helpers';
import { expectConnectionLost, serve } from './server';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(async () => {
  await tmp.cleanup();
});

describe('cifar10', () => {
  it('unpacks a cifar-10-binary.tar.gz made by GNU tar and loads both splits', async () => {
    const src = join(tmp.dir, 'src', 'cifar-10-batches-bin');
    await mkdir(src, { recursive: true });
    for (const [k, name] of CIFAR10_RESOURCES.train.entries())
      await writeFile(join(src, name), cifarBytes(2 + k));
    await writeFile(
      join(src, 'test_batch.bin'),
      cifarBytes(3, () => 7),
    );
    await writeFile(join(src, 'batches.meta.txt'), 'airplane\nautomobile\n');
    await writeFile(join(src, 'readme.html'), '<p>ignored</p>');
    const archive = join(tmp.dir, 'cifar-10-binary.tar.gz');
    execFileSync('tar', ['-czf', archive, '-C', join(tmp.dir, 'src'), 'cifar-10-batches-bin']);
    const root = join(tmp.dir, 'cifar10');
    await extractCifar10(archive, root);
    expect((await readdir(join(root, 'cifar-10-batches-bin'))).sort()).toEqual([
      'batches.meta.txt',
      'data_batch_1.bin',
      'data_batch_2.bin',
      'data_batch_3.bin',
      'data_batch_4.bin',
      'data_batch_5.bin',
      'test_batch.bin',
    ]);
    const train = await cifar10({ root });
    expect(train.images.shape).toEqual([2 + 3 + 4 + 5 + 6, 3, 32, 32]);
    // first record of data_batch_2 follows the two records of data_batch_1
    expect(train.labels.data[2]).toBe(0);
    expect(train.images.data[2 * 3072 + 5]).toBe(Math.fround(5 / 255));
    const test = await cifar10({ root, split: 'test', layout: 'hwc' });
    expect(test.images.shape).toEqual([3, 32, 32, 3]);
    expect(test.classNames[test.labels.data[0]]).toBe('horse');
  });

  it('also finds the .bin files directly in root', async () => {
    const root = join(tmp.dir, 'flat');
    await mkdir(root, { recursive: true });
    await writeFile(join(root, 'test_batch.bin'), cifarBytes(1));
    expect((await cifar10({ root, split: 'test', flatten: true })).images.shape).toEqual([1, 3072]);
  });

  it('missing or truncated batches give DatasetErrors naming the file', async () => {
    const root = join(tmp.dir, 'partial');
    await mkdir(root, { recursive: true });
    await writeFile(join(root, 'test_batch.bin'), cifarBytes(2).subarray(0, 5000));
    await expect(cifar10({ root, split: 'test' })).rejects.toThrow(
      /test_batch\.bin: 5000 bytes is not a whole number/,
    );
    const err = await cifar10({ root }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetError);
    expect((err as Error).message).toMatch(
      /cifar10: data_batch_1\.bin, .*data_batch_5\.bin not found .*pass download: true/,
    );
  });

  it('a corrupt archive is reported by name', async () => {
    const archive = join(tmp.dir, 'broken.tar.gz');
    await writeFile(archive, 'definitely not gzip');
    await expect(extractCifar10(archive, join(tmp.dir, 'x'))).rejects.toThrow(
      /broken\.tar\.gz: cannot decompress/,
    );
  });
});

/** A cifar-10-binary.tar.gz in the official layout, made in memory with the test's tar writer. */
function cifarArchive(): { archive: Uint8Array; md5: string } {
  const files: Record<string, Uint8Array | string> = {};
  for (const [k, name] of CIFAR10_RESOURCES.train.entries())
    files[`cifar-10-batches-bin/${name}`] = cifarBytes(3 + k);
  files['cifar-10-batches-bin/test_batch.bin'] = cifarBytes(4, (i) => 9 - i);
  files['cifar-10-batches-bin/batches.meta.txt'] = 'airplane\nautomobile\n';
  files['cifar-10-batches-bin/readme.html'] = '<p>not extracted</p>';
  const archive = new Uint8Array(gzipSync(tarBytes(files)));
  return { archive, md5: createHash('md5').update(archive).digest('hex') };
}

describe('cifar10 download: true from mirrors/resources given by the caller (local server)', () => {
  const { archive, md5 } = cifarArchive();
  const name = CIFAR10_RESOURCES.archive.filename;

  it('downloads the archive, verifies it, unpacks the batches and returns the tensors; then reuses them', async () => {
    const corrupt = archive.slice();
    corrupt[archive.length >> 1] ^= 0xff;
    const server = await serve({
      [`/bad/${name}`]: { body: corrupt },
      [`/good/${name}`]: { body: archive },
    });
    try {
      const root = join(tmp.dir, 'dl');
      const events: [number, number | null, string][] = [];
      const options = {
        root,
        download: true,
        mirrors: [`${server.base}bad/`, `${server.base}good/`],
        resources: [{ filename: name, md5 }],
        progress: false,
        onProgress: (r: number, t: number | null, url: string) => events.push([r, t, url]),
      };
      const train = await cifar10(options);
      expect(train.images.shape).toEqual([3 + 4 + 5 + 6 + 7, 3, 32, 32]);
      // record 0 of data_batch_2 comes after data_batch_1's three records
      expect(train.labels.data[3]).toBe(0);
      expect(train.images.data[3 * 3072 + 100]).toBe(Math.fround(100 / 255));
      expect(train.images.data[4 * 3072 + 100]).toBe(Math.fround(101 / 255));
      expect(server.hits).toEqual({ [`/bad/${name}`]: 1, [`/good/${name}`]: 1 });
      expect(events.at(-1)).toEqual([archive.length, archive.length, `${server.base}good/${name}`]);
      expect((await readdir(root)).sort()).toEqual(['cifar-10-batches-bin', name]);
      expect((await readdir(join(root, 'cifar-10-batches-bin'))).sort()).toEqual([
        'batches.meta.txt',
        'data_batch_1.bin',
        'data_batch_2.bin',
        'data_batch_3.bin',
        'data_batch_4.bin',
        'data_batch_5.bin',
        'test_batch.bin',
      ]);
      const test = await cifar10({ ...options, split: 'test' });
      expect(Array.from(test.labels.data)).toEqual([9, 8, 7, 6]);
      expect(server.hits).toEqual({ [`/bad/${name}`]: 1, [`/good/${name}`]: 1 });
    } finally {
      await server.close();
    }
  });

  it('an interrupted archive download leaves nothing behind and names the file, URL and remedy', async () => {
    const cut = archive.length >> 1;
    const server = await serve({ [`/${name}`]: { body: archive, truncateAt: cut } });
    try {
      const root = join(tmp.dir, 'dl-cut');
      const err = await cifar10({
        root,
        download: true,
        mirrors: [server.base],
        resources: [{ filename: name, md5 }],
        progress: false,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DatasetError);
      expectConnectionLost((err as Error).message, `${server.base}${name}`, cut);
      expect((err as Error).message).toContain(`put a verified ${name} into ${root} yourself`);
      expect((err as DatasetError).file).toBe(join(root, name));
      expect(await readdir(root)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('resources must name exactly one archive with a checksum', async () => {
    const root = join(tmp.dir, 'dl-invalid');
    await expect(
      cifar10({
        root,
        download: true,
        resources: [
          { filename: name, md5 },
          { filename: 'other.tar.gz', md5 },
        ],
      }),
    ).rejects.toThrow(/cifar10: resources must list exactly one archive .*got 2 files/);
    await expect(
      cifar10({ root, download: true, resources: [{ filename: name }] }),
    ).rejects.toThrow(/cifar10: resources\[0\]: 'cifar-10-binary\.tar\.gz' has no checksum/);
  });
});
