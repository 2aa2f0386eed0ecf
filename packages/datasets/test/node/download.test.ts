import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/errors';
import { downloadFile, ensureDownloaded, fileHash, verifyFile } from '../../src/node/download';
import { tempDir } from '../helpers';
import { expectConnectionLost, serve } from './server';

const good = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 13 + (i >> 7)) % 256);
const md5 = createHash('md5').update(good).digest('hex');
const sha256 = createHash('sha256').update(good).digest('hex');
const corrupt = good.slice();
corrupt[1234] ^= 0xff;

let server: Awaited<ReturnType<typeof serve>>;
let tmp: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  server = await serve({
    '/good.bin': { body: good },
    '/corrupt.bin': { body: corrupt },
    '/cut.bin': { body: good, truncateAt: 100_000 },
    '/stall.bin': { body: good, stallAt: 70_000 },
    '/a/file.bin': { body: corrupt },
    '/b/file.bin': { body: good },
  });
  tmp = await tempDir();
});
afterAll(async () => {
  await server.close();
  await tmp.cleanup();
});

/** Files in `dir` (hidden temporaries included). */
const listing = async (dir: string) => (await readdir(dir)).sort();

describe('downloadFile', () => {
  it('downloads, verifies MD5 and SHA-256, reports progress and renames into place', async () => {
    const dest = join(tmp.dir, 'ok', 'good.bin');
    const seen: [number, number | null, string][] = [];
    await downloadFile(`${server.base}good.bin`, dest, {
      md5,
      sha256,
      progress: false,
      onProgress: (r, t, url) => seen.push([r, t, url]),
    });
    expect(new Uint8Array(await readFile(dest))).toEqual(good);
    expect(await listing(join(tmp.dir, 'ok'))).toEqual(['good.bin']);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual([good.length, good.length, `${server.base}good.bin`]);
    for (let k = 1; k < seen.length; k++) expect(seen[k][0]).toBeGreaterThan(seen[k - 1][0]);
  });

  it('draws a progress bar by default without failing when stderr is not a TTY', async () => {
    const dest = join(tmp.dir, 'bar', 'good.bin');
    await downloadFile(`${server.base}good.bin`, dest, { md5 });
    expect(await fileHash(dest, 'sha256')).toBe(sha256);
  });

  it('rejects a checksum mismatch and leaves no file, partial or final', async () => {
    const dir = join(tmp.dir, 'bad');
    const run = () =>
      downloadFile(`${server.base}corrupt.bin`, join(dir, 'x.bin'), { md5, progress: false });
    await expect(run()).rejects.toThrow(DatasetError);
    await expect(run()).rejects.toThrow(
      /MD5 checksum mismatch \(expected [0-9a-f]{32}, got [0-9a-f]{32}\).*nothing was saved/,
    );
    expect(await listing(dir)).toEqual([]);
    await expect(
      downloadFile(`${server.base}corrupt.bin`, join(dir, 'y.bin'), { sha256, progress: false }),
    ).rejects.toThrow(/SHA-256 checksum mismatch/);
    expect(await listing(dir)).toEqual([]);
  });

  it('rejects a connection cut mid-body and leaves nothing behind', async () => {
    const dir = join(tmp.dir, 'cut');
    const err = await downloadFile(`${server.base}cut.bin`, join(dir, 'c.bin'), {
      progress: false,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetError);
    expectConnectionLost((err as DatasetError).message, `${server.base}cut.bin`, 100_000);
    expect(await listing(dir)).toEqual([]);
  });

  it('gives up on a server that stops sending (idle timeout) and leaves nothing behind', async () => {
    const dir = join(tmp.dir, 'stall');
    await expect(
      downloadFile(`${server.base}stall.bin`, join(dir, 's.bin'), {
        progress: false,
        idleTimeoutMs: 300,
      }),
    ).rejects.toThrow(/stall\.bin: no data received for 300 ms; the server stalled/);
    expect(await listing(dir)).toEqual([]);
  });

  it('reports HTTP errors and unreachable hosts with the URL', async () => {
    await expect(
      downloadFile(`${server.base}missing.bin`, join(tmp.dir, 'm', 'x'), { progress: false }),
    ).rejects.toThrow(/missing\.bin: download failed with HTTP 404/);
    await expect(
      downloadFile('http://127.0.0.1:1/x', join(tmp.dir, 'm', 'y'), { progress: false }),
    ).rejects.toThrow(/127\.0\.0\.1:1\/x: download failed/);
    expect(await listing(join(tmp.dir, 'm'))).toEqual([]);
  });
});

describe('downloadFile progress bar on a given stream', () => {
  it('draws the bar on progressStream even when it is not a TTY, ending at 100%', async () => {
    const chunks: Buffer[] = [];
    const stream = new PassThrough();
    stream.on('data', (c: Buffer) => chunks.push(c));
    const dest = join(tmp.dir, 'stream', 'good.bin');
    await downloadFile(`${server.base}good.bin`, dest, { md5, progressStream: stream });
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text).toContain('good.bin [');
    expect(text).toContain(`100% ${good.length}/${good.length} B`);
  });
});

describe('ensureDownloaded', () => {
  it('falls through to the next mirror when one serves a corrupt file', async () => {
    const root = join(tmp.dir, 'mirrors');
    const path = await ensureDownloaded(
      root,
      { filename: 'file.bin', md5 },
      [`${server.base}a/`, `${server.base}b/`],
      {
        progress: false,
      },
    );
    expect(path).toBe(join(root, 'file.bin'));
    expect(await verifyFile(path, { md5, sha256 })).toBe(true);
    expect(await listing(root)).toEqual(['file.bin']);
  });

  it('keeps an existing verified file without a request, and lists every failure otherwise', async () => {
    const root = join(tmp.dir, 'existing');
    await ensureDownloaded(root, { filename: 'good.bin', md5 }, [server.base], { progress: false });
    const before = server.hits['/good.bin'];
    await ensureDownloaded(root, { filename: 'good.bin', md5 }, [server.base], { progress: false });
    expect(server.hits['/good.bin']).toBe(before);
    await expect(
      ensureDownloaded(
        join(tmp.dir, 'none'),
        { filename: 'corrupt.bin', md5 },
        [server.base, `${server.base}a/`],
        {
          progress: false,
        },
      ),
    ).rejects.toThrow(
      /could not download a verified copy from any mirror:\n.*MD5 checksum mismatch.*\n.*HTTP 404.*\nNothing was saved as .*none.corrupt\.bin\. Try again later/s,
    );
    const err = await ensureDownloaded(join(tmp.dir, 'none'), { filename: 'x', md5 }, [
      `${server.base}a`,
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetError);
    expect((err as DatasetError).file).toBe(join(tmp.dir, 'none', 'x'));
    expect((err as Error).message).toContain(`${server.base}a/x: download failed with HTTP 404`);
    const cause = (err as Error).cause;
    expect(cause).toBeInstanceOf(AggregateError);
    expect((cause as AggregateError).errors[0]).toBeInstanceOf(DatasetError);
    await expect(
      ensureDownloaded(tmp.dir, { filename: 'x', md5 }, [], { progress: false }),
    ).rejects.toThrow(/ensureDownloaded: mirrors is empty/);
  });

  it('replaces an existing file whose checksum is wrong', async () => {
    const root = join(tmp.dir, 'stale');
    await downloadFile(`${server.base}corrupt.bin`, join(root, 'good.bin'), { progress: false });
    expect(await verifyFile(join(root, 'good.bin'), { md5 })).toBe(false);
    await ensureDownloaded(root, { filename: 'good.bin', md5 }, [server.base], { progress: false });
    expect(await verifyFile(join(root, 'good.bin'), { md5 })).toBe(true);
    await writeFile(join(root, 'other'), 'x');
    expect(await verifyFile(join(root, 'other'), {})).toBe(true);
  });
});
