import { fmt } from './format';

/** Escapes text for use inside SVG/XML text nodes and attribute values. */
export function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

type AttrValue = string | number | undefined | null | false;

/** Serialises attributes in the given order; numbers go through {@link fmt} so output is stable. */
export function attrs(a: Record<string, AttrValue>): string {
  let out = '';
  for (const k of Object.keys(a)) {
    const v = a[k];
    if (v === undefined || v === null || v === false) continue;
    out += ` ${k}="${typeof v === 'number' ? fmt(v) : esc(v)}"`;
  }
  return out;
}

/** One SVG element; `children` undefined gives a self-closing tag. */
export function el(name: string, a: Record<string, AttrValue>, children?: string): string {
  return children === undefined
    ? `<${name}${attrs(a)}/>`
    : `<${name}${attrs(a)}>${children}</${name}>`;
}

/** A polyline path `M x y L x y …` from pixel points. */
export function pathFrom(points: ReadonlyArray<readonly [number, number]>, close = false): string {
  let d = '';
  for (let i = 0; i < points.length; i++) {
    d += `${i === 0 ? 'M' : 'L'}${fmt(points[i][0])},${fmt(points[i][1])}`;
  }
  return close && d ? `${d}Z` : d;
}

/** 32-bit FNV-1a hash as 8 hex digits: gives each document its own deterministic id prefix. */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Wraps a drawn body into a standalone SVG document with `<title>`/`<desc>` and a white
 * background. The `ID` placeholder in `body` is replaced by a content hash so that several plots
 * inlined in one HTML page never share clip-path ids.
 */
export function svgDocument(
  width: number,
  height: number,
  title: string,
  desc: string,
  body: string,
  background: string,
  fontFamily: string,
): string {
  const id = `gd${hash(body)}`;
  const inner = body.replace(/\{ID\}/g, id);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(width)}" height="${fmt(height)}" ` +
    `viewBox="0 0 ${fmt(width)} ${fmt(height)}" role="img" aria-labelledby="${id}-title ${id}-desc" ` +
    `font-family="${esc(fontFamily)}">` +
    `<title id="${id}-title">${esc(title)}</title>` +
    `<desc id="${id}-desc">${esc(desc)}</desc>` +
    el('rect', { width, height, fill: background }) +
    inner +
    '</svg>'
  );
}
