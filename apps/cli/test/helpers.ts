/** Runs the built CLI (dist/main.js) as a subprocess, and checks figure files by parsing them. */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync, crc32 } from 'node:zlib';
import { rasterize } from '@gd/viz/node';

/** The built bin. Tests need `pnpm --filter @gd/cli build` first (turbo runs it before test). */
export const CLI = join(import.meta.dirname, '..', 'dist', 'main.js');

/** A fresh empty folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'gd-cli-test-'));
}

/** Runs `gd …args` and returns its exit code and output. */
export function gd(
  args: readonly string[],
  cwd = tempDir(),
  env: NodeJS.ProcessEnv = {},
): SpawnSyncReturns<string> & { cwd: string } {
  const merged: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: merged,
    timeout: 170_000,
  });
  return Object.assign(r, { cwd });
}

/** Parses stdout as exactly one JSON value. */
export function json<T = Record<string, unknown>>(r: { stdout: string }): T {
  return JSON.parse(r.stdout) as T;
}

/** Checks a PNG: signature, every chunk's CRC, IHDR, and that the inflated IDAT has height rows. */
export function checkPng(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!sig.every((v, i) => b[i] === v)) throw new Error(`${path}: not a PNG signature`);
  let o = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  let ended = false;
  while (o < b.length) {
    const len = b.readUInt32BE(o);
    const type = b.toString('latin1', o + 4, o + 8);
    const data = b.subarray(o + 8, o + 8 + len);
    const crc = b.readUInt32BE(o + 8 + len);
    if (crc32(b.subarray(o + 4, o + 8 + len)) !== crc)
      throw new Error(`${path}: bad CRC in ${type}`);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colorType = data[9];
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') ended = true;
    o += 12 + len;
  }
  if (!ended || width === 0 || height === 0) throw new Error(`${path}: incomplete PNG`);
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType] ?? 0;
  const raw = inflateSync(Buffer.concat(idat));
  if (raw.length !== height * (1 + width * channels))
    throw new Error(`${path}: pixel data has the wrong size`);
  return { width, height };
}

/** Checks a GIF: GIF89a header, screen size, and at least one image descriptor before the trailer. */
export function checkGif(path: string): { width: number; height: number; frames: number } {
  const b = readFileSync(path);
  if (b.toString('latin1', 0, 6) !== 'GIF89a') throw new Error(`${path}: not GIF89a`);
  const width = b.readUInt16LE(6);
  const height = b.readUInt16LE(8);
  const packed = b[10];
  let o = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
  let frames = 0;
  const skipSubBlocks = () => {
    while (b[o] !== 0) o += b[o] + 1;
    o++;
  };
  while (o < b.length) {
    const c = b[o];
    if (c === 0x3b) return { width, height, frames };
    if (c === 0x21) {
      o += 2;
      skipSubBlocks();
    } else if (c === 0x2c) {
      frames++;
      const p = b[o + 9];
      o += 10 + (p & 0x80 ? 3 * 2 ** ((p & 7) + 1) : 0);
      o++; // LZW minimum code size
      skipSubBlocks();
    } else throw new Error(`${path}: unexpected block 0x${c.toString(16)} at ${o}`);
  }
  throw new Error(`${path}: no GIF trailer`);
}

/** Checks an SVG by rendering it with resvg (which refuses malformed XML). */
export function checkSvg(path: string): { width: number; height: number } {
  const text = readFileSync(path, 'utf8');
  if (!text.trimStart().startsWith('<svg')) throw new Error(`${path}: does not start with <svg`);
  const img = rasterize(text);
  return { width: img.width, height: img.height };
}
