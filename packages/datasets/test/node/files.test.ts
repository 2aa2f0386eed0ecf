import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/errors';
import { readMaybeGzip } from '../../src/node/files';
import { tempDir } from '../helpers';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(async () => {
  await tmp.cleanup();
});

describe('readMaybeGzip', () => {
  const body = Uint8Array.from({ length: 5000 }, (_, i) => i % 7);

  it('reads plain files and gunzips by magic number regardless of the name', async () => {
    await writeFile(join(tmp.dir, 'plain'), body);
    await writeFile(join(tmp.dir, 'packed.bin'), gzipSync(body));
    expect(await readMaybeGzip(join(tmp.dir, 'plain'))).toEqual(body);
    expect(await readMaybeGzip(join(tmp.dir, 'packed.bin'))).toEqual(body);
  });

  it('names the file when it is missing or its gzip is corrupt', async () => {
    const missing = join(tmp.dir, 'nope.gz');
    await expect(readMaybeGzip(missing)).rejects.toThrow(DatasetError);
    await expect(readMaybeGzip(missing)).rejects.toThrow(/nope\.gz: file not found/);
    const gz = gzipSync(body);
    gz[gz.length - 3] ^= 0xff;
    await writeFile(join(tmp.dir, 'crc.gz'), gz);
    await expect(readMaybeGzip(join(tmp.dir, 'crc.gz'))).rejects.toThrow(
      /crc\.gz: gzip data is corrupt or truncated/,
    );
  });
});
