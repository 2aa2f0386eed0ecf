import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Test hooks of {@link writeFileAtomic}: run after the temp file is complete, before the rename. */
export interface AtomicWriteHooks {
  /** Called with the temp file's path once it is written and fsynced; throwing aborts the write. */
  beforeRename?: (tempPath: string) => void | Promise<void>;
}

function tempPathFor(path: string): string {
  const rand = Math.floor(Math.random() * 0x100000000).toString(16);
  return join(dirname(path), `.${basename(path)}.${process.pid}.${rand}.tmp`);
}

function fsyncDirSync(dir: string): void {
  // Directory fsync makes the rename itself durable; some platforms (Windows) cannot open a
  // directory, where the rename is still atomic and this step is skipped.
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // best effort, see above
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes `bytes` to `path` so that readers see either the old file or the complete new one:
 * the bytes go to a temp file in the same directory, which is fsynced, then renamed over `path`
 * (an atomic replace on POSIX file systems), then the directory is fsynced. If anything fails
 * before the rename the temp file is removed and `path` is untouched.
 */
export async function writeFileAtomic(
  path: string,
  bytes: Uint8Array,
  hooks: AtomicWriteHooks = {},
): Promise<void> {
  const temp = tempPathFor(path);
  try {
    const fh = await open(temp, 'wx');
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await hooks.beforeRename?.(temp);
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  fsyncDirSync(dirname(path));
}

/** Synchronous {@link writeFileAtomic}; `hooks.beforeRename` must not return a promise. */
export function writeFileAtomicSync(
  path: string,
  bytes: Uint8Array,
  hooks: AtomicWriteHooks = {},
): void {
  const temp = tempPathFor(path);
  try {
    const fd = openSync(temp, 'wx');
    try {
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    hooks.beforeRename?.(temp);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  fsyncDirSync(dirname(path));
}
