import { createHash } from 'node:crypto';
import { access, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/errors';
import { DEBIAN_FASHION_MNIST_DIR, fashionMnist, kmnist, mnist } from '../../src/node/mnist';
import golden from '../fixtures/fashion_mnist.json';
import { PassThrough } from 'node:stream';
import { imageBytes, labelBytes, tempDir } from '../helpers';
import { expectConnectionLost, serve } from './server';

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
    const train = await fashionMnist({ root: join(tmp.dir, 'nowhere') });
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
  }, 60_000); // 47 M pixels parsed and summed: seconds on a busy 2-core CI machine

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

const hex = (algorithm: 'md5' | 'sha256', bytes: Uint8Array) =>
  createHash(algorithm).update(bytes).digest('hex');

/** A gzipped synthetic MNIST-format split (n images, n labels) and its resources entries. */
function syntheticSplit(prefix: 'train' | 't10k', n: number) {
  const rawImages = imageBytes(n);
  const rawLabels = labelBytes(n);
  const images = new Uint8Array(gzipSync(rawImages));
  const labels = new Uint8Array(gzipSync(rawLabels));
  const imagesName = `${prefix}-images-idx3-ubyte.gz`;
  const labelsName = `${prefix}-labels-idx1-ubyte.gz`;
  return {
    rawImages,
    rawLabels,
    images,
    labels,
    imagesName,
    labelsName,
    // one file verified by MD5 (torchvision's kind), the other by SHA-256
    resources: [
      { filename: imagesName, md5: hex('md5', images) },
      { filename: labelsName, sha256: hex('sha256', labels) },
    ],
  };
}

/** Collects what a progress bar writes, as a stream that is not a TTY. */
function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('mnist download: true from mirrors/resources given by the caller (local server)', () => {
  const split = syntheticSplit('train', 50);

  it('downloads, verifies, shows progress, renames into place and returns the tensors; then reuses the files', async () => {
    const server = await serve({
      [`/mnist/${split.imagesName}`]: { body: split.images },
      [`/mnist/${split.labelsName}`]: { body: split.labels },
    });
    try {
      const root = join(tmp.dir, 'dl-ok');
      const events: [number, number | null, string][] = [];
      const bar = capture();
      const options = {
        root,
        split: 'train' as const,
        download: true,
        mirrors: [`${server.base}mnist`], // no trailing slash: one is added
        resources: split.resources,
        progressStream: bar.stream,
        onProgress: (r: number, t: number | null, url: string) => events.push([r, t, url]),
      };
      const ds = await mnist(options);

      expect(ds.length).toBe(50);
      expect(ds.images.shape).toEqual([50, 28, 28]);
      expect(ds.images.dtype).toBe('float32');
      const pixels = split.rawImages.subarray(16);
      expect(ds.images.data.length).toBe(pixels.length);
      for (let k = 0; k < pixels.length; k++) {
        if (ds.images.data[k] !== Math.fround(pixels[k] / 255)) {
          throw new Error(`pixel ${k}: ${ds.images.data[k]} ≠ ${pixels[k]}/255`);
        }
      }
      expect(ds.labels.dtype).toBe('int32');
      expect(Array.from(ds.labels.data)).toEqual(Array.from(split.rawLabels.subarray(8)));

      // exactly the two verified files, under their names, no temporary left
      expect((await readdir(root)).sort()).toEqual([split.imagesName, split.labelsName].sort());
      expect(server.hits[`/mnist/${split.imagesName}`]).toBe(1);
      expect(server.hits[`/mnist/${split.labelsName}`]).toBe(1);

      // progress: per file, increasing byte counts ending at the file's size
      const imagesUrl = `${server.base}mnist/${split.imagesName}`;
      const labelsUrl = `${server.base}mnist/${split.labelsName}`;
      const forImages = events.filter((e) => e[2] === imagesUrl);
      expect(forImages.at(-1)).toEqual([split.images.length, split.images.length, imagesUrl]);
      for (let k = 1; k < forImages.length; k++)
        expect(forImages[k][0]).toBeGreaterThan(forImages[k - 1][0]);
      expect(events.at(-1)).toEqual([split.labels.length, split.labels.length, labelsUrl]);
      const drawn = bar.text();
      expect(drawn).toContain(`${split.imagesName} [`);
      expect(drawn).toContain(`100% ${split.images.length}/${split.images.length} B`);
      expect(drawn).toContain(`100% ${split.labels.length}/${split.labels.length} B`);

      // second call: the files on disk are used, the server is not contacted
      const again = await mnist({ ...options, onProgress: undefined, progressStream: undefined });
      expect(server.hits[`/mnist/${split.imagesName}`]).toBe(1);
      expect(server.hits[`/mnist/${split.labelsName}`]).toBe(1);
      expect(Object.values(server.hits).reduce((a, b) => a + b, 0)).toBe(2);
      expect(Array.from(again.images.data.subarray(0, 800))).toEqual(
        Array.from(ds.images.data.subarray(0, 800)),
      );
    } finally {
      await server.close();
    }
  });

  it('rejects a mirror serving a corrupt file and takes it from the next mirror', async () => {
    const corrupt = split.images.slice();
    corrupt[corrupt.length - 9] ^= 0x5a; // inside the gzip body: still a file of the right size
    const server = await serve({
      [`/bad/${split.imagesName}`]: { body: corrupt },
      [`/bad/${split.labelsName}`]: { body: split.labels },
      [`/good/${split.imagesName}`]: { body: split.images },
      [`/good/${split.labelsName}`]: { body: split.labels },
    });
    try {
      const root = join(tmp.dir, 'dl-fallback');
      const ds = await mnist({
        root,
        download: true,
        mirrors: [`${server.base}bad/`, `${server.base}good/`],
        resources: split.resources,
        progress: false,
      });
      expect(ds.length).toBe(50);
      expect(ds.images.data[49 * 784 + 783]).toBe(Math.fround(((49 * 7 + 783) % 256) / 255));
      expect(server.hits).toEqual({
        [`/bad/${split.imagesName}`]: 1, // tried, rejected by its MD5
        [`/good/${split.imagesName}`]: 1,
        [`/bad/${split.labelsName}`]: 1, // the first mirror is still first for the next file
      });
      expect((await readdir(root)).sort()).toEqual([split.imagesName, split.labelsName].sort());
      expect(await fileMd5(join(root, split.imagesName))).toBe(split.resources[0].md5);
    } finally {
      await server.close();
    }
  });

  it('an interrupted transfer leaves no file behind; the DatasetError names the file, the URL and what to do', async () => {
    const cut = split.labels.length >> 1;
    const server = await serve({
      [`/${split.imagesName}`]: { body: split.images },
      [`/${split.labelsName}`]: { body: split.labels, truncateAt: cut },
    });
    const root = join(tmp.dir, 'dl-cut');
    try {
      const err = await mnist({
        root,
        download: true,
        mirrors: [server.base],
        resources: split.resources,
        progress: false,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DatasetError);
      const message = (err as DatasetError).message;
      const url = `${server.base}${split.labelsName}`;
      expect(message).toContain(`${split.labelsName}: could not download a verified copy`);
      expectConnectionLost(message, url, cut);
      expect(message).toMatch(/Try again later, pass mirrors: \[\.\.\.\] with a working copy/);
      expect((err as DatasetError).file).toBe(join(root, split.labelsName));
      // the verified images file stays; of the labels neither a partial nor a final file
      expect(await readdir(root)).toEqual([split.imagesName]);
    } finally {
      await server.close();
    }
    // a retry fetches only what is missing
    const retry = await serve({ [`/${split.labelsName}`]: { body: split.labels } });
    try {
      const ds = await mnist({
        root,
        download: true,
        mirrors: [retry.base],
        resources: split.resources,
        progress: false,
      });
      expect(ds.length).toBe(50);
      expect(retry.hits).toEqual({ [`/${split.labelsName}`]: 1 });
    } finally {
      await retry.close();
    }
  });

  it('test split and kmnist/fashionMnist take the same options; resources may list every file', async () => {
    const test = syntheticSplit('t10k', 7);
    const server = await serve({
      [`/${test.imagesName}`]: { body: test.images },
      [`/${test.labelsName}`]: { body: test.labels },
    });
    try {
      const common = {
        split: 'test' as const,
        download: true,
        mirrors: [server.base],
        resources: [...split.resources, ...test.resources],
        progress: false,
      };
      const k = await kmnist({ ...common, root: join(tmp.dir, 'dl-k') });
      expect(k.length).toBe(7);
      expect(k.classNames[0]).toBe('o');
      const f = await fashionMnist({ ...common, root: join(tmp.dir, 'dl-f'), searchDirs: [] });
      expect(f.images.shape).toEqual([7, 28, 28]);
      expect(server.hits[`/${test.imagesName}`]).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('validates mirrors and resources before touching disk or network', async () => {
    const root = join(tmp.dir, 'dl-invalid');
    const base = { root, download: true, progress: false };
    await expect(mnist({ ...base, mirrors: 'http://x/' as unknown as string[] })).rejects.toThrow(
      TypeError,
    );
    await expect(mnist({ ...base, mirrors: [] })).rejects.toThrow(/mnist: mirrors is empty/);
    await expect(mnist({ ...base, mirrors: ['file:///srv/mnist/'] })).rejects.toThrow(
      /mnist: mirror 'file:\/\/\/srv\/mnist\/' uses file:, not http: or https:/,
    );
    await expect(
      mnist({ ...base, resources: [{ filename: split.imagesName, md5: 'abc' }] }),
    ).rejects.toThrow(
      /resources\[0\]\.md5 for 'train-images-idx3-ubyte\.gz' must be 32 hex digits, got 'abc'/,
    );
    await expect(mnist({ ...base, resources: [split.resources[0]] })).rejects.toThrow(
      /mnist: resources has no entry for train-labels-idx1-ubyte\(\.gz\), needed for split 'train'/,
    );
    await expect(access(root)).rejects.toThrow();
  });
});

async function fileMd5(path: string): Promise<string> {
  return hex('md5', new Uint8Array(await readFile(path)));
}
