import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/errors';
import { EMNIST_CLASSES, emnist, extractEmnist } from '../../src/node/emnist';
import { imageBytes, labelBytes, tempDir } from '../helpers';

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
