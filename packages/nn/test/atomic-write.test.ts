import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from '../src/atomic-write';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gd-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const path = join(dir, 'a.bin');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, new TextEncoder().encode('new contents'));
    expect(readFileSync(path, 'utf8')).toBe('new contents');
    expect(readdirSync(dir)).toEqual(['a.bin']);
  });

  it('a crash between write and rename keeps the old file intact', async () => {
    const path = join(dir, 'a.bin');
    writeFileSync(path, 'old');
    let seenTemp = '';
    await expect(
      writeFileAtomic(path, new TextEncoder().encode('new'), {
        beforeRename: (temp) => {
          seenTemp = temp;
          // the temp file is complete and in the same directory when the crash hits
          expect(readFileSync(temp, 'utf8')).toBe('new');
          throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    expect(seenTemp.startsWith(dir)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.bin']);
  });

  it('sync variant behaves the same', () => {
    const path = join(dir, 'b.bin');
    writeFileAtomicSync(path, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    expect(() =>
      writeFileAtomicSync(path, new Uint8Array([9]), {
        beforeRename: () => {
          throw new Error('simulated crash');
        },
      }),
    ).toThrow('simulated crash');
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(['b.bin']);
  });

  it('fails cleanly when the directory does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'nope', 'c.bin'), new Uint8Array(1))).rejects.toThrow(
      /ENOENT/,
    );
  });
});
