import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTar } from '../../src/node/tar';
import { tempDir } from '../helpers';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(async () => {
  await tmp.cleanup();
});

describe('readTar', () => {
  it('lists regular files of a GNU tar archive with their bytes (bodies past 512-byte padding)', async () => {
    const src = join(tmp.dir, 'src', 'dir');
    await mkdir(src, { recursive: true });
    const big = Uint8Array.from({ length: 1500 }, (_, i) => i % 251);
    await writeFile(join(src, 'a.bin'), big);
    await writeFile(join(src, 'b.txt'), 'hello');
    const tarPath = join(tmp.dir, 'x.tar');
    execFileSync('tar', ['-cf', tarPath, '-C', join(tmp.dir, 'src'), 'dir']);
    const entries = readTar(new Uint8Array(await readFile(tarPath)), 'x.tar');
    const byName = Object.fromEntries(entries.map((e) => [e.name, e.data]));
    expect(Object.keys(byName).sort()).toEqual(['dir/a.bin', 'dir/b.txt']);
    expect(byName['dir/a.bin']).toEqual(big);
    expect(new TextDecoder().decode(byName['dir/b.txt'])).toBe('hello');
  });

  it('rejects a corrupt header checksum and a truncated body', async () => {
    const src = join(tmp.dir, 'src2');
    await mkdir(src, { recursive: true });
    await writeFile(join(src, 'f'), new Uint8Array(2000));
    const tarPath = join(tmp.dir, 'y.tar');
    execFileSync('tar', ['-cf', tarPath, '-C', src, 'f']);
    const bytes = new Uint8Array(await readFile(tarPath));
    const bad = bytes.slice();
    bad[0] ^= 1;
    expect(() => readTar(bad, 'y.tar')).toThrow(/y\.tar: corrupt tar header at byte 0/);
    expect(() => readTar(bytes.subarray(0, 1024), 'y.tar')).toThrow(
      /truncated tar archive \(member f\)/,
    );
  });
});
