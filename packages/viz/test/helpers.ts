import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** Rosenbrock function and gradient, a = 1, b = 100. */
export const rosenbrock = (x: number, y: number) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
export const rosenbrockGrad = (x: number, y: number): [number, number] => [
  -2 * (1 - x) - 400 * x * (y - x * x),
  200 * (y - x * x),
];

type Update = (
  p: number[],
  g: [number, number],
  state: Record<string, number[]>,
  t: number,
) => void;

/** Runs an inline update rule from `start` for `steps` steps; returns the iterates. */
export function run2d(
  grad: (x: number, y: number) => [number, number],
  start: [number, number],
  steps: number,
  update: Update,
): { x: number[]; y: number[] } {
  const p = [...start];
  const x = [p[0]];
  const y = [p[1]];
  const state: Record<string, number[]> = {};
  for (let t = 1; t <= steps; t++) {
    update(p, grad(p[0], p[1]), state, t);
    x.push(p[0]);
    y.push(p[1]);
  }
  return { x, y };
}

export const sgd =
  (lr: number): Update =>
  (p, g) => {
    p[0] -= lr * g[0];
    p[1] -= lr * g[1];
  };

export const momentum =
  (lr: number, mu: number): Update =>
  (p, g, s) => {
    s.v ??= [0, 0];
    for (let i = 0; i < 2; i++) {
      s.v[i] = mu * s.v[i] + g[i];
      p[i] -= lr * s.v[i];
    }
  };

export const adam =
  (lr: number, b1 = 0.9, b2 = 0.999, eps = 1e-8): Update =>
  (p, g, s, t) => {
    s.m ??= [0, 0];
    s.v ??= [0, 0];
    for (let i = 0; i < 2; i++) {
      s.m[i] = b1 * s.m[i] + (1 - b1) * g[i];
      s.v[i] = b2 * s.v[i] + (1 - b2) * g[i] * g[i];
      p[i] -= (lr * (s.m[i] / (1 - b1 ** t))) / (Math.sqrt(s.v[i] / (1 - b2 ** t)) + eps);
    }
  };

/** Gradient descent on a 1-D function: x_{k+1} = x_k − η f'(x_k). */
export function gd1d(df: (x: number) => number, x0: number, lr: number, steps: number): number[] {
  const xs = [x0];
  for (let k = 0; k < steps; k++) xs.push(xs[k] - lr * df(xs[k]));
  return xs;
}

/** First `n` Fashion-MNIST test images (28 × 28, bytes) and labels, if the dataset is installed. */
export function fashionMnist(n: number): { images: Uint8Array[]; labels: number[] } | null {
  const dir = '/usr/share/datasets/fashion-mnist';
  if (!existsSync(`${dir}/t10k-images-idx3-ubyte.gz`)) return null;
  const img = gunzipSync(readFileSync(`${dir}/t10k-images-idx3-ubyte.gz`));
  const lab = gunzipSync(readFileSync(`${dir}/t10k-labels-idx1-ubyte.gz`));
  const images: Uint8Array[] = [];
  for (let i = 0; i < n; i++)
    images.push(new Uint8Array(img.subarray(16 + i * 784, 16 + (i + 1) * 784)));
  return { images, labels: Array.from(lab.subarray(8, 8 + n)) };
}

/** A synthetic 28 × 28 "digit": a ring of radius r, for when no dataset is installed. */
export function ringImage(r: number): Uint8Array {
  const out = new Uint8Array(784);
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const d = Math.abs(Math.hypot(x - 13.5, y - 13.5) - r);
      out[y * 28 + x] = d < 2 ? Math.round(255 * (1 - d / 2)) : 0;
    }
  }
  return out;
}

export const FASHION_CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

/** Pixel (r, g, b, a) of an RGBA image. */
export function pixel(img: { width: number; pixels: Uint8Array }, x: number, y: number): number[] {
  const o = (Math.round(y) * img.width + Math.round(x)) * 4;
  return Array.from(img.pixels.subarray(o, o + 4));
}

/** Parses a GIF's logical screen size and counts its image descriptors (frames). */
export function gifInfo(bytes: Uint8Array): {
  width: number;
  height: number;
  frames: number;
  delays: number[];
} {
  const sig = String.fromCharCode(...bytes.subarray(0, 6));
  if (sig !== 'GIF89a' && sig !== 'GIF87a') throw new Error(`not a GIF: ${sig}`);
  const width = bytes[6] | (bytes[7] << 8);
  const height = bytes[8] | (bytes[9] << 8);
  let p = 13;
  if (bytes[10] & 0x80) p += 3 * 2 ** ((bytes[10] & 7) + 1);
  let frames = 0;
  const delays: number[] = [];
  const skipSub = () => {
    while (bytes[p] !== 0) p += bytes[p] + 1;
    p++;
  };
  while (p < bytes.length) {
    const b = bytes[p++];
    if (b === 0x3b) break;
    if (b === 0x21) {
      const label = bytes[p++];
      if (label === 0xf9) delays.push((bytes[p + 2] | (bytes[p + 3] << 8)) * 10);
      skipSub();
    } else if (b === 0x2c) {
      frames++;
      const packed = bytes[p + 8];
      p += 9;
      if (packed & 0x80) p += 3 * 2 ** ((packed & 7) + 1);
      p++; // LZW minimum code size
      skipSub();
    } else {
      throw new Error(`unexpected GIF block 0x${b.toString(16)} at ${p - 1}`);
    }
  }
  return { width, height, frames, delays };
}

/** The plot area (spines rectangle) of an SVG produced by a 2-D plot. */
export function plotArea(svg: string): { x: number; y: number; w: number; h: number } {
  const m =
    /<rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="none"[^>]*class="spines"/.exec(
      svg,
    );
  if (!m) throw new Error('no spines rect');
  return { x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) };
}

/** All numbers of a path's `d` attribute as [x, y] pairs (M/L commands only). */
export function pathPoints(d: string): [number, number][] {
  return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** Count of a substring. */
export function count(s: string, sub: string): number {
  return s.split(sub).length - 1;
}

/** LZW-decodes one GIF image's data sub-blocks into palette indices. */
function lzwDecode(minCodeSize: number, data: Uint8Array, pixelCount: number): Uint8Array {
  const out = new Uint8Array(pixelCount);
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  let size = minCodeSize + 1;
  let dict: number[][] = [];
  const reset = () => {
    dict = [];
    for (let i = 0; i < clear; i++) dict.push([i]);
    dict.push([], []);
    size = minCodeSize + 1;
  };
  reset();
  let bit = 0;
  let n = 0;
  let prev: number[] | null = null;
  while (bit + size <= data.length * 8) {
    let code = 0;
    for (let k = 0; k < size; k++, bit++) code |= ((data[bit >> 3] >> (bit & 7)) & 1) << k;
    if (code === clear) {
      reset();
      prev = null;
      continue;
    }
    if (code === end) break;
    let entry: number[];
    if (code < dict.length) entry = dict[code];
    else if (prev) entry = [...prev, prev[0]];
    else throw new Error('bad LZW code');
    for (const v of entry) if (n < pixelCount) out[n++] = v;
    if (prev) dict.push([...prev, entry[0]]);
    prev = entry;
    if (dict.length === 1 << size && size < 12) size++;
  }
  return out;
}

/**
 * Decodes a GIF (global palette, full-size frames, "do not dispose") into composited RGB frames —
 * enough to check what viewers show for the files animateGif writes.
 */
export function decodeGif(bytes: Uint8Array): {
  width: number;
  height: number;
  frames: Uint8Array[];
} {
  const width = bytes[6] | (bytes[7] << 8);
  const height = bytes[8] | (bytes[9] << 8);
  let p = 13;
  let palette: number[][] = [];
  if (bytes[10] & 0x80) {
    const n = 2 ** ((bytes[10] & 7) + 1);
    for (let i = 0; i < n; i++)
      palette.push([bytes[p + 3 * i], bytes[p + 3 * i + 1], bytes[p + 3 * i + 2]]);
    p += 3 * n;
  }
  const canvas = new Uint8Array(width * height * 3).fill(0);
  const frames: Uint8Array[] = [];
  let transparent = -1;
  const subBlocks = (): Uint8Array => {
    const parts: number[] = [];
    while (bytes[p] !== 0) {
      for (let k = 1; k <= bytes[p]; k++) parts.push(bytes[p + k]);
      p += bytes[p] + 1;
    }
    p++;
    return Uint8Array.from(parts);
  };
  while (p < bytes.length) {
    const b = bytes[p++];
    if (b === 0x3b) break;
    if (b === 0x21) {
      const label = bytes[p++];
      if (label === 0xf9) transparent = bytes[p + 1] & 1 ? bytes[p + 4] : -1;
      subBlocks();
    } else if (b === 0x2c) {
      const x0 = bytes[p] | (bytes[p + 1] << 8);
      const y0 = bytes[p + 2] | (bytes[p + 3] << 8);
      const w = bytes[p + 4] | (bytes[p + 5] << 8);
      const h = bytes[p + 6] | (bytes[p + 7] << 8);
      const packed = bytes[p + 8];
      p += 9;
      let pal = palette;
      if (packed & 0x80) {
        const n = 2 ** ((packed & 7) + 1);
        pal = [];
        for (let i = 0; i < n; i++)
          pal.push([bytes[p + 3 * i], bytes[p + 3 * i + 1], bytes[p + 3 * i + 2]]);
        p += 3 * n;
      }
      const minCode = bytes[p++];
      const idx = lzwDecode(minCode, subBlocks(), w * h);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const v = idx[y * w + x];
          if (v === transparent) continue;
          const o = ((y0 + y) * width + x0 + x) * 3;
          canvas[o] = pal[v][0];
          canvas[o + 1] = pal[v][1];
          canvas[o + 2] = pal[v][2];
        }
      }
      frames.push(canvas.slice());
      if (palette.length === 0) palette = pal;
    } else {
      throw new Error(`unexpected GIF block 0x${b.toString(16)}`);
    }
  }
  return { width, height, frames };
}
