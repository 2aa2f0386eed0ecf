import { createHash } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/errors';
import { EMNIST_CLASSES, emnist, extractEmnist } from '../../src/node/emnist';
import { imageBytes, labelBytes, tempDir } from '../helpers';
import { serve } from './server';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(async () => {
  await tmp.cleanup();
});

describe('EMNIST_CLASSES', () => {
  it('has torchvision’s class lists (62, 47, 47, 27, 10, 10)', () => {
    expect(EMNIST_CLASSES.byclass.length).toBe(62);
    expect(EMNIST_CLASSES.balanced.length).toBe(47);
    expect(EMNIST_CLASSES.balanced.slice(36)).toEqual([
      'a',
      'b',
      'd',
      'e',
      'f',
      'g',
      'h',
      'n',
      'q',
      'r',
      't',
    ]);
    expect(EMNIST_CLASSES.letters[0]).toBe('N/A');
    expect(EMNIST_CLASSES.letters.length).toBe(27);
    expect(EMNIST_CLASSES.digits).toEqual(EMNIST_CLASSES.mnist);
  });
});

describe('emnist', () => {
  it('extracts the .gz members of the official zip layout and loads a variant', async () => {
    const archive = join(tmp.dir, 'gzip.zip');
    await writeFile(
      archive,
      zipSync({
        gzip: {
          'emnist-letters-train-images-idx3-ubyte.gz': new Uint8Array(gzipSync(imageBytes(4))),
          'emnist-letters-train-labels-idx1-ubyte.gz': new Uint8Array(gzipSync(labelBytes(4, 27))),
          'README.txt': new TextEncoder().encode('not extracted'),
        },
      }),
    );
    const root = join(tmp.dir, 'emnist');
    await extractEmnist(archive, root);
    expect((await readdir(root)).sort()).toEqual([
      'emnist-letters-train-images-idx3-ubyte.gz',
      'emnist-letters-train-labels-idx1-ubyte.gz',
    ]);
    const ds = await emnist({ variant: 'letters', root });
    expect(ds.images.shape).toEqual([4, 28, 28]);
    expect(ds.classNames[ds.labels.data[1]]).toBe('a');
  });

  it('reports a bad archive, missing files, unknown variants', async () => {
    const bad = join(tmp.dir, 'bad.zip');
    await writeFile(bad, 'PK not really');
    await expect(extractEmnist(bad, join(tmp.dir, 'x'))).rejects.toThrow(
      /bad\.zip: cannot unpack the zip archive/,
    );
    await mkdir(join(tmp.dir, 'none'), { recursive: true });
    await expect(
      emnist({ variant: 'digits', split: 'test', root: join(tmp.dir, 'none') }),
    ).rejects.toThrow(DatasetError);
    await expect(
      emnist({ variant: 'digits', split: 'test', root: join(tmp.dir, 'none') }),
    ).rejects.toThrow(
      /emnist-digits-test-images-idx3-ubyte and emnist-digits-test-labels-idx1-ubyte .*pass download: true/,
    );
    await expect(emnist({ variant: 'greek' as 'digits' })).rejects.toThrow(
      /variant must be one of byclass/,
    );
  });
});

describe('emnist download: true from mirrors/resources given by the caller (local server)', () => {
  it('downloads and verifies the zip, unpacks the .gz members, removes the zip; then reuses the files', async () => {
    const zip = zipSync({
      gzip: {
        'emnist-digits-test-images-idx3-ubyte.gz': new Uint8Array(gzipSync(imageBytes(6))),
        'emnist-digits-test-labels-idx1-ubyte.gz': new Uint8Array(gzipSync(labelBytes(6))),
      },
    });
    const sha256 = createHash('sha256').update(zip).digest('hex');
    const server = await serve({ '/emnist/private.zip': { body: zip } });
    try {
      const root = join(tmp.dir, 'dl');
      const options = {
        variant: 'digits' as const,
        split: 'test' as const,
        root,
        download: true,
        mirrors: [`${server.base}emnist/`],
        resources: [{ filename: 'private.zip', sha256 }],
        progress: false,
      };
      const ds = await emnist(options);
      expect(ds.images.shape).toEqual([6, 28, 28]);
      expect(Array.from(ds.labels.data)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(ds.images.data[5 * 784 + 2]).toBe(Math.fround((5 * 7 + 2) / 255));
      expect((await readdir(root)).sort()).toEqual([
        'emnist-digits-test-images-idx3-ubyte.gz',
        'emnist-digits-test-labels-idx1-ubyte.gz',
      ]);
      await emnist(options);
      expect(server.hits).toEqual({ '/emnist/private.zip': 1 });
    } finally {
      await server.close();
    }
  });

  it('a verified archive without the variant says so instead of asking for download: true', async () => {
    const zip = zipSync({ gzip: { 'README.gz': new Uint8Array(gzipSync(labelBytes(1))) } });
    const md5 = createHash('md5').update(zip).digest('hex');
    const server = await serve({ '/gzip.zip': { body: zip } });
    try {
      await expect(
        emnist({
          variant: 'letters',
          root: join(tmp.dir, 'dl-empty'),
          download: true,
          mirrors: [server.base],
          resources: [{ filename: 'gzip.zip', md5 }],
          progress: false,
        }),
      ).rejects.toThrow(
        /emnist-letters-train-images-idx3-ubyte .*the downloaded archive does not contain them/,
      );
    } finally {
      await server.close();
    }
  });
});
