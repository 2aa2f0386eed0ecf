import { describe, expect, it } from 'vitest';
import { LectureError } from '../src/catalog';
import { lectureReport } from '../src/lecture-report';

describe('lectureReport', () => {
  // every lecture runs (and writes its files) in node.test.ts; here one checks the in-memory shape
  it('d2l returns numbers and SVG figures with kebab-case file names', () => {
    const { numbers, figures } = lectureReport('d2l', { quick: true });
    expect(numbers.length).toBeGreaterThan(3);
    for (const n of numbers) expect(n.gd.length).toBeGreaterThan(0);
    expect(figures.length).toBeGreaterThan(2);
    const files = figures.map((f) => f.file);
    expect(new Set(files).size).toBe(files.length);
    for (const f of figures) {
      expect(f.file).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(f.svg.startsWith('<svg')).toBe(true);
      expect(f.caption.length).toBeGreaterThan(10);
    }
  });

  it('throws a LectureError for an unknown name', () => {
    expect(() => lectureReport('nope')).toThrow(LectureError);
  });
});
