import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { animateTrajectory, linePlot } from '../src/index';
import { animateGif, rasterize, saveGif, savePng, saveSvg, toPng } from '../src/node';
import { decodeGif, gifInfo, pixel, plotArea } from './helpers';

const svg = linePlot(
  { x: [0, 1], y: [0, 1], color: '#D55E00', lineWidth: 6 },
  { xLim: [0, 1], yLim: [0, 1], width: 300, height: 200 },
);

describe('toPng / rasterize', () => {
  it('draws Japanese text with fontFiles (a CJK TTF) as fallback instead of boxes', () => {
    const noto = createRequire(import.meta.url).resolve(
      '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
    );
    const label = (family: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" font-family="${family}">` +
      '<rect width="200" height="60" fill="white"/><text x="10" y="40" font-size="28">学習率</text></svg>';
    const bytes = (img: { pixels: Uint8Array }) => Buffer.from(img.pixels).toString('base64');
    const ink = (img: { pixels: Uint8Array }) => {
      let n = 0;
      for (let i = 0; i < img.pixels.length; i += 4) if (img.pixels[i] < 128) n++;
      return n;
    };
    // Named Noto Sans JP explicitly: the reference rendering of the three characters.
    const named = rasterize(label('Noto Sans JP'), { fontFiles: [noto] });
    expect(ink(named)).toBeGreaterThan(300);
    // The default stack (DejaVu Sans first) falls back to the loaded CJK font glyph by glyph.
    const fallback = rasterize(label('DejaVu Sans, sans-serif'), { fontFiles: [noto] });
    expect(bytes(fallback)).toBe(bytes(named));
    // Without it the system fonts have no such glyphs: the picture differs.
    expect(bytes(rasterize(label('DejaVu Sans, sans-serif')))).not.toBe(bytes(named));
    expect(toPng(label('DejaVu Sans'), { fontFiles: [noto] }).length).toBeGreaterThan(100);
  });

  it('renders a PNG of the SVG size, or of the requested width or scale', () => {
    const png = toPng(svg);
    expect(Array.from(png.subarray(0, 8))).toEqual([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ]);
    const w = new DataView(png.buffer, png.byteOffset).getUint32(16);
    const h = new DataView(png.buffer, png.byteOffset).getUint32(20);
    expect([w, h]).toEqual([300, 200]);
    expect(rasterize(svg, { width: 600 }).height).toBe(400);
    expect(rasterize(svg, { scale: 0.5 }).width).toBe(150);
  });

  it('draws the line in its colour through the centre of the axes, on white', () => {
    const img = rasterize(svg);
    const a = plotArea(svg);
    const [r, g, b] = pixel(img, a.x + a.w / 2, a.y + a.h / 2);
    expect([r, g, b]).toEqual([0xd5, 0x5e, 0x00]);
    expect(pixel(img, 1, 1)).toEqual([255, 255, 255, 255]);
    expect(pixel(img, a.x + 5, a.y + 5)).toEqual([255, 255, 255, 255]);
  });

  it('renders text with the system fonts (dark pixels in the tick label row)', () => {
    const img = rasterize(svg);
    const a = plotArea(svg);
    let dark = 0;
    for (let y = a.y + a.h + 6; y < a.y + a.h + 20; y++) {
      for (let x = a.x - 10; x < a.x + a.w + 10; x++) if (pixel(img, x, y)[0] < 128) dark++;
    }
    expect(dark).toBeGreaterThan(20);
  });

  it('rejects non-SVG input and bad sizes', () => {
    expect(() => toPng('hello')).toThrow(/toPng: expected an SVG string/);
    expect(() => toPng(svg, { width: 0 })).toThrow(/width must be an integer in \[1, 16384\]/);
    expect(() => toPng(svg, { scale: Number.NaN })).toThrow(/scale must be a number/);
  });
});

describe('animateGif', () => {
  const frames = animateTrajectory({
    f: (x) => x * x,
    domain: [-2, 2],
    path: [2, 1.2, 0.72, 0.43],
    width: 240,
    height: 160,
  });

  it('encodes one GIF frame per SVG with the fps delay and a held last frame', () => {
    const gif = animateGif(frames, { fps: 10 });
    const info = gifInfo(gif);
    expect(info.width).toBe(240);
    expect(info.height).toBe(160);
    expect(info.frames).toBe(4);
    expect(info.delays).toEqual([100, 100, 100, 1100]);
    expect(gifInfo(animateGif(frames, { fps: 5, width: 120 }))).toMatchObject({
      width: 120,
      height: 80,
      frames: 4,
    });
  });

  it('shows every frame as rendered: unchanged pixels are transparent and composite correctly', () => {
    const gif = decodeGif(animateGif(frames));
    expect(gif.frames).toHaveLength(4);
    gif.frames.forEach((rgb, i) => {
      const ref = rasterize(frames[i]).pixels;
      let err = 0;
      for (let k = 0, q = 0; k < ref.length; k += 4, q += 3) {
        err +=
          Math.abs(ref[k] - rgb[q]) +
          Math.abs(ref[k + 1] - rgb[q + 1]) +
          Math.abs(ref[k + 2] - rgb[q + 2]);
      }
      // mean absolute error per channel of the 256-colour quantisation stays small
      expect(err / (3 * (ref.length / 4))).toBeLessThan(3);
    });
    // a smaller palette gives a smaller file
    const small = animateGif(frames, { colors: 16 });
    expect(small.length).toBeLessThan(animateGif(frames).length);
  });

  it('rejects bad input', () => {
    expect(() => animateGif(frames, { colors: 1 })).toThrow(
      /colors must be an integer in \[2, 256\]/,
    );
    expect(() => animateGif([])).toThrow(/animateGif: frames must be a non-empty array/);
    expect(() => animateGif(frames, { fps: 0 })).toThrow(/fps must be in \(0, 100\]/);
    expect(() => animateGif([frames[0], '<g/>'])).toThrow(/frames\[1\]: expected an SVG string/);
    expect(() =>
      animateGif([frames[0], linePlot({ y: [1, 2] }, { width: 300, height: 200 })]),
    ).toThrow(/frames\[1\] is 300×200 px but frame 0 is 240×160/);
  });
});

describe('saveSvg / savePng / saveGif', () => {
  it('write complete files atomically and leave no temporary files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gd-viz-'));
    saveSvg(join(dir, 'a.svg'), svg);
    savePng(join(dir, 'a.png'), svg, { scale: 2 });
    saveGif(join(dir, 'a.gif'), [svg, svg], { fps: 2 });
    expect(readFileSync(join(dir, 'a.svg'), 'utf8')).toBe(svg);
    expect(readFileSync(join(dir, 'a.png')).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(gifInfo(readFileSync(join(dir, 'a.gif'))).frames).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['a.gif', 'a.png', 'a.svg']);
  });
  it('leaves no temporary file when writing fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gd-viz-'));
    expect(() => saveSvg(join(dir, 'missing', 'x.svg'), svg)).toThrow();
    expect(() => saveSvg('', svg)).toThrow(/saveSvg: path must be a non-empty string/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
