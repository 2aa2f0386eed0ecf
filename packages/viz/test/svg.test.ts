import { describe, expect, it } from 'vitest';
import { attrs, el, esc, hash, pathFrom, svgDocument } from '../src/svg';

describe('svg helpers', () => {
  it('escapes markup characters', () => {
    expect(esc('a < b & "c" > d')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
  });
  it('writes attributes in order, skipping undefined/false, formatting numbers', () => {
    expect(attrs({ x: 1.234, y: undefined, fill: 'red', hidden: false })).toBe(
      ' x="1.23" fill="red"',
    );
    expect(el('circle', { r: 2 })).toBe('<circle r="2"/>');
    expect(el('text', { x: 0 }, 'hi')).toBe('<text x="0">hi</text>');
  });
  it('builds paths from points', () => {
    expect(
      pathFrom([
        [0, 0],
        [1.005, 2],
      ]),
    ).toBe('M0,0L1,2');
    expect(
      pathFrom(
        [
          [0, 0],
          [1, 1],
        ],
        true,
      ),
    ).toBe('M0,0L1,1Z');
    expect(pathFrom([])).toBe('');
  });
  it('hashes deterministically and distinguishes inputs', () => {
    expect(hash('abc')).toBe(hash('abc'));
    expect(hash('abc')).not.toBe(hash('abd'));
    expect(hash('')).toMatch(/^[0-9a-f]{8}$/);
  });
  it('wraps a body into an accessible document with per-content ids', () => {
    const a = svgDocument(
      100,
      50,
      'T <1>',
      'D',
      '<g clip-path="url(#{ID}-clip)"/>',
      '#fff',
      'DejaVu Sans',
    );
    expect(a).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="100" height="50"/);
    expect(a).toContain('<title id="gd');
    expect(a).toContain('T &lt;1&gt;</title>');
    expect(a).toContain('<desc id=');
    expect(a).toContain('role="img"');
    expect(a).not.toContain('{ID}');
    const b = svgDocument(100, 50, 'T', 'D', '<g clip-path="url(#{ID}-clip)"/><g/>', '#fff', 'x');
    const idA = /clip-path="url\(#(gd[0-9a-f]+)-clip\)"/.exec(a)?.[1];
    const idB = /clip-path="url\(#(gd[0-9a-f]+)-clip\)"/.exec(b)?.[1];
    expect(idA).toBeDefined();
    expect(idA).not.toBe(idB);
  });
});
