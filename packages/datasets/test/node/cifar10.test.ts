import { execFileSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/errors';
import { CIFAR10_RESOURCES, cifar10, extractCifar10 } from '../../src/node/cifar10';
import { cifarBytes, tempDir } from '../helpers';

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
