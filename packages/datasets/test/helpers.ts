import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** IDX bytes: 0, 0, type code, ndim, big-endian dims, then the given element bytes. */
export function idxBytes(dims: number[], body: Uint8Array, code = 0x08): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + body.length);
  const view = new DataView(out.buffer);
  out[2] = code;
  out[3] = dims.length;
  dims.forEach((d, i) => {
    view.setUint32(4 + 4 * i, d, false);
  });
  out.set(body, 4 + 4 * dims.length);
  return out;
}

/** n images of h×w whose pixel (i, r, c) is (i·7 + r·h + c) mod 256 — distinct, checkable. */
export function imageBytes(n: number, h = 28, w = 28): Uint8Array {
  const body = new Uint8Array(n * h * w);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < h * w; p++) body[i * h * w + p] = (i * 7 + p) % 256;
  }
  return idxBytes([n, h, w], body);
}

/** n labels i mod classes. */
export function labelBytes(n: number, classes = 10): Uint8Array {
  return idxBytes(
    [n],
    Uint8Array.from({ length: n }, (_, i) => i % classes),
  );
}

/** n CIFAR-10 records: label i mod 10, pixel p of record i = (i + p) mod 256. */
export function cifarBytes(n: number, labelOf = (i: number) => i % 10): Uint8Array {
  const out = new Uint8Array(n * 3073);
  for (let i = 0; i < n; i++) {
    out[i * 3073] = labelOf(i);
    for (let p = 0; p < 3072; p++) out[i * 3073 + 1 + p] = (i + p) % 256;
  }
  return out;
}

/** A fresh temporary directory and its removal. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'gd-datasets-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A minimal POSIX ustar writer for tests (the package has no tar library, and a test must not
 * depend on a `tar` binary to produce its input): for each file a 512-byte header — name at 0
 * (≤ 100 bytes), mode at 100, uid/gid at 108/116, size at 124 and mtime at 136 as NUL-terminated
 * octal, checksum at 148 (sum of the header bytes with the checksum field read as 8 spaces,
 * written as 6 octal digits, NUL, space), type flag '0' at 156, magic "ustar\0" + version "00"
 * at 257 — then the body padded with zeros to a multiple of 512, and two zero blocks at the end.
 */
export function tarBytes(files: Record<string, Uint8Array | string>): Uint8Array {
  const enc = new TextEncoder();
  const blocks: Uint8Array[] = [];
  const put = (header: Uint8Array, at: number, text: string) => header.set(enc.encode(text), at);
  const octal = (n: number, width: number) => `${n.toString(8).padStart(width - 1, '0')}\0`;
  for (const [name, content] of Object.entries(files)) {
    const body = typeof content === 'string' ? enc.encode(content) : content;
    if (enc.encode(name).length > 100) throw new RangeError(`tarBytes: name too long: ${name}`);
    const header = new Uint8Array(512);
    put(header, 0, name);
    put(header, 100, octal(0o644, 8));
    put(header, 108, octal(0, 8));
    put(header, 116, octal(0, 8));
    put(header, 124, octal(body.length, 12));
    put(header, 136, octal(0, 12));
    put(header, 156, '0');
    put(header, 257, 'ustar\u000000');
    header.fill(32, 148, 156);
    let sum = 0;
    for (const b of header) sum += b;
    put(header, 148, `${sum.toString(8).padStart(6, '0')}\0 `);
    blocks.push(header, body, new Uint8Array((512 - (body.length % 512)) % 512));
  }
  blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}
