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
