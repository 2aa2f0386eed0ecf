import { describe, expect, it } from 'vitest';
import { colormap, lighten, parseColor, toHex } from '../src/colormap';

describe('colormap', () => {
  it('parses and writes colours', () => {
    expect(parseColor('#0072B2')).toEqual([0, 114, 178]);
    expect(parseColor('#fff')).toEqual([255, 255, 255]);
    expect(parseColor('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
    expect(toHex([0, 114, 178])).toBe('#0072b2');
    expect(() => parseColor('red')).toThrow(/cannot parse colour/);
  });
  it('lightens towards white', () => {
    expect(lighten('#000000', 0.5)).toBe('#808080');
    expect(lighten('#123456', 0)).toBe('#123456');
    expect(lighten('#123456', 1)).toBe('#ffffff');
  });
  it("'coolwarm' runs blue → white → red", () => {
    const c = colormap('coolwarm');
    const [r0, , b0] = parseColor(c(0));
    const [r1, , b1] = parseColor(c(1));
    const mid = parseColor(c(0.5));
    expect(b0).toBeGreaterThan(r0);
    expect(r1).toBeGreaterThan(b1);
    expect(Math.min(...mid)).toBeGreaterThan(230);
  });
  it('clamps t, maps gray from black to white, takes functions, rejects unknown names', () => {
    const v = colormap('viridis');
    expect(v(-1)).toBe(v(0));
    expect(v(2)).toBe(v(1));
    expect(v(0)).toBe('#440154');
    const g = colormap('gray');
    expect(g(0)).toBe('#000000');
    expect(g(1)).toBe('#ffffff');
    expect(colormap(() => '#123456')(0.3)).toBe('#123456');
    // @ts-expect-error: unknown name
    expect(() => colormap('jet')).toThrow(/unknown colour map "jet"/);
  });
});
