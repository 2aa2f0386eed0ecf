import { access, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/errors';
import { DEBIAN_FASHION_MNIST_DIR, fashionMnist, kmnist, mnist } from '../../src/node/mnist';
import golden from '../fixtures/fashion_mnist.json';
import { imageBytes, labelBytes, tempDir } from '../helpers';
import { serve } from './server';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(async () => {
  await tmp.cleanup();
});

async function writeSplit(
  dir: string,
  prefix: string,
  n: number,
  gz: boolean,
  labelsN = n,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const enc = (b: Uint8Array) => (gz ? gzipSync(b) : b);
  const ext = gz ? '.gz' : '';
  await writeFile(join(dir, `${prefix}-images-idx3-ubyte${ext}`), enc(imageBytes(n)));
  await writeFile(join(dir, `${prefix}-labels-idx1-ubyte${ext}`), enc(labelBytes(labelsN)));
}

describe('mnist / kmnist (files written by the test)', () => {
  it('loads gzipped files from root, train and test splits, flattened on request', async () => {
    const root = join(tmp.dir, 'mnist-gz');
    await writeSplit(root, 'train', 12, true);
    await writeSplit(root, 't10k', 5, true);
    const train = await mnist({ root });
    expect(train.images.shape).toEqual([12, 28, 28]);
    expect(train.labels.dtype).toBe('int32');
    expect(train.classNames[3]).toBe('3 - three');
    const test = await mnist({ root, split: 'test', flatten: true });
    expect(test.images.shape).toEqual([5, 784]);
    expect(test.images.data[1]).toBe(Math.fround(1 / 255));
  });

  it("finds raw files in torchvision's <root>/KMNIST/raw layout", async () => {
    const root = join(tmp.dir, 'tv');
    await writeSplit(join(root, 'KMNIST', 'raw'), 't10k', 3, false);
    const ds = await kmnist({ root, split: 'test' });
    expect(ds.length).toBe(3);
    expect(ds.classNames[1]).toBe('ki');
  });

  it('missing files: a DatasetError that names the file and says to pass download: true', async () => {
    const root = join(tmp.dir, 'empty');
    const err = await mnist({ root }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetError);
    expect((err as DatasetError).message).toMatch(
      /mnist: train-images-idx3-ubyte\.gz not found in .*empty.*pass download: true/,
    );
    expect((err as DatasetError).file).toBe(join(root, 'train-images-idx3-ubyte.gz'));
  });

  it('mismatched counts and corrupt files are reported with the file name', async () => {
    const root = join(tmp.dir, 'mismatch');
    await writeSplit(root, 'train', 6, false, 5);
    await expect(mnist({ root })).rejects.toThrow(
      /train-images-idx3-ubyte has 6 images but .*train-labels-idx1-ubyte has 5 labels/,
    );
    const bad = join(tmp.dir, 'badgz');
    await mkdir(bad, { recursive: true });
    await writeFile(
      join(bad, 'train-images-idx3-ubyte.gz'),
      gzipSync(imageBytes(2)).subarray(0, 40),
    );
    await writeFile(join(bad, 'train-labels-idx1-ubyte.gz'), gzipSync(labelBytes(2)));
    await expect(mnist({ root: bad })).rejects.toThrow(
      /train-images-idx3-ubyte\.gz: gzip data is corrupt or truncated/,
    );
  });

  it('rejects an unknown split', async () => {
    await expect(mnist({ root: tmp.dir, split: 'val' as 'test' })).rejects.toThrow(
      /split must be 'train' or 'test', got 'val'/,
    );
  });

  it('download: true refuses files whose MD5 differs from torchvision’s and leaves nothing behind', async () => {
    const server = await serve({
      '/train-images-idx3-ubyte.gz': { body: new Uint8Array(gzipSync(imageBytes(3))) },
      '/train-labels-idx1-ubyte.gz': { body: new Uint8Array(gzipSync(labelBytes(3))) },
    });
    try {
      const root = join(tmp.dir, 'dl');
      await expect(
        mnist({ root, download: true, mirrors: [server.base], progress: false }),
      ).rejects.toThrow(
        /train-images-idx3-ubyte\.gz: could not download a verified copy.*MD5 checksum mismatch \(expected f68b3c2dcbeaaa9fbdd348bbdeb94873/s,
      );
      expect(server.hits['/train-images-idx3-ubyte.gz']).toBe(1);
      expect(await readdir(root)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

const haveDebian = await access(join(DEBIAN_FASHION_MNIST_DIR, 'train-images-idx3-ubyte.gz')).then(
  () => true,
  () => false,
);

describe('fashionMnist on the real files of Debian’s dataset-fashion-mnist', () => {
  it('is installed on this machine (.ci/run installs it)', () => {
    expect(haveDebian).toBe(true);
  });

  // Golden values: test/fixtures/gen_fixtures.py reads the same files with NumPy and computes
  // torch.from_numpy(u8).float().div(255) sums in float64 (see fashion_mnist.json).
  it('train: 60 000 × 28 × 28 float32 in [0, 1], 6 000 per class, pixel checksums as PyTorch', async () => {
    const t0 = performance.now();
    const train = await fashionMnist({ root: join(tmp.dir, 'nowhere') });
    const ms = performance.now() - t0;
    console.log(`fashionMnist train load: ${ms.toFixed(0)} ms`);
    const g = golden.train;
    expect(train.images.shape).toEqual(g.shape);
    expect(train.images.dtype).toBe('float32');
    const hist = new Array(10).fill(0);
    for (const c of train.labels.data) hist[c]++;
    expect(hist).toEqual(g.histogram);
    let byteSum = 0;
    let floatSum = 0;
    const x = train.images.data;
    for (let i = 0; i < x.length; i++) {
      byteSum += Math.round(x[i] * 255);
      floatSum += x[i];
    }
    expect(byteSum).toBe(g.byteSum);
    // 47 M float32 terms: torch's pairwise summation and this sequential float64 loop differ in
    // rounding order by ~1e-11 relative; the exact byte sum above pins every pixel anyway.
    expect(Math.abs(floatSum - g.floatSum) / g.floatSum).toBeLessThan(1e-9);
    expect(Array.from(train.labels.data.subarray(0, 10))).toEqual(g.firstLabels);
    expect(Array.from(x.subarray(14 * 28, 15 * 28))).toEqual(g.image0Row14);
    expect(train.classNames[train.labels.data[0]]).toBe('Ankle boot');
    expect(ms).toBeLessThan(10_000);
  });

  it('test: 10 000 examples, flattened to [10000, 784]', async () => {
    const test = await fashionMnist({
      split: 'test',
      flatten: true,
      root: join(tmp.dir, 'nowhere'),
    });
    const g = golden.test;
    expect(test.images.shape).toEqual([g.n, 784]);
    const hist = new Array(10).fill(0);
    for (const c of test.labels.data) hist[c]++;
    expect(hist).toEqual(g.histogram);
    let lastSum = 0;
    for (const v of test.images.data.subarray((g.n - 1) * 784)) lastSum += Math.round(v * 255);
    expect(lastSum).toBe(g.lastImageByteSum);
  });
});

describe('fashionMnist when the files are nowhere', () => {
  it('says to pass download: true or install dataset-fashion-mnist', async () => {
    const root = join(tmp.dir, 'fm-empty');
    const err = await fashionMnist({ root, searchDirs: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetError);
    expect((err as Error).message).toMatch(
      /fashionMnist: train-images-idx3-ubyte\.gz not found in .*fm-empty.*; pass download: true or install dataset-fashion-mnist/,
    );
  });

  it('searchDirs lets a read-only copy be used in place', async () => {
    const shared = join(tmp.dir, 'fm-shared');
    await writeSplit(shared, 't10k', 4, true);
    const ds = await fashionMnist({
      root: join(tmp.dir, 'fm-root'),
      split: 'test',
      searchDirs: [shared],
    });
    expect(ds.length).toBe(4);
    expect(ds.classNames[0]).toBe('T-shirt/top');
  });
});
