import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readCifar10Files,
  readIdxFile,
  readIdxImages,
  readIdxLabels,
} from '../../src/node/readers';
import { cifarBytes, imageBytes, labelBytes, tempDir } from '../helpers';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
  await writeFile(join(tmp.dir, 'img.gz'), gzipSync(imageBytes(3, 4, 4)));
  await writeFile(join(tmp.dir, 'lbl'), labelBytes(3));
  await writeFile(join(tmp.dir, 'b1.bin'), cifarBytes(2));
  await writeFile(
    join(tmp.dir, 'b2.bin'),
    cifarBytes(1, () => 4),
  );
});
afterAll(async () => {
  await tmp.cleanup();
});

describe('file readers', () => {
  it('readIdxFile / readIdxImages / readIdxLabels read raw and gzipped IDX files', async () => {
    expect((await readIdxFile(join(tmp.dir, 'img.gz'))).shape).toEqual([3, 4, 4]);
    expect((await readIdxImages(join(tmp.dir, 'img.gz'), { flatten: true })).shape).toEqual([
      3, 16,
    ]);
    expect(Array.from((await readIdxLabels(join(tmp.dir, 'lbl'))).data)).toEqual([0, 1, 2]);
  });

  it('error messages carry the path', async () => {
    const p = join(tmp.dir, 'lbl');
    await expect(readIdxImages(p)).rejects.toThrow(new RegExp(`${p}: expected uint8 images`));
  });

  it('readCifar10Files concatenates batches in the given order', async () => {
    const ds = await readCifar10Files([join(tmp.dir, 'b1.bin'), join(tmp.dir, 'b2.bin')]);
    expect(Array.from(ds.labels.data)).toEqual([0, 1, 4]);
  });
});
