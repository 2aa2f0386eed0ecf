import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTar } from '../../src/node/tar';
import { tarBytes, tempDir } from '../helpers';

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

describe('tarBytes (the test helpers’ ustar writer)', () => {
  it('writes archives that readTar and GNU tar both read back byte for byte', async () => {
    const big = Uint8Array.from({ length: 1025 }, (_, i) => (i * 31) % 256);
    const bytes = tarBytes({ 'd/big.bin': big, 'd/empty': '', 'note.txt': 'héllo' });
    expect(bytes.length % 512).toBe(0);
    const entries = readTar(bytes, 'w.tar');
    expect(entries.map((e) => e.name)).toEqual(['d/big.bin', 'd/empty', 'note.txt']);
    expect(entries[0].data).toEqual(big);
    expect(entries[1].data.length).toBe(0);
    expect(new TextDecoder().decode(entries[2].data)).toBe('héllo');
    const path = join(tmp.dir, 'w.tar');
    await writeFile(path, bytes);
    expect(execFileSync('tar', ['-tf', path], { encoding: 'utf8' }).trim().split('\n')).toEqual([
      'd/big.bin',
      'd/empty',
      'note.txt',
    ]);
    const out = join(tmp.dir, 'w-out');
    await mkdir(out, { recursive: true });
    execFileSync('tar', ['-xf', path, '-C', out]);
    expect(new Uint8Array(await readFile(join(out, 'd', 'big.bin')))).toEqual(big);
  });
});
