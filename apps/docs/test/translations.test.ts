// The Japanese pages (docs/ja/guide/) are translations of the English ones (docs/guide/): the prose
// is translated, the code is not. Every code block and `<<<` snippet include must be the English
// page's, in the same order; the reference pages (installation, coming-from-*) are tables of API
// names, so there every inline code span must match too. Each Japanese page is in the Japanese
// sidebar, and links to the Japanese version of a page whenever one exists.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const docs = join(import.meta.dirname, '../../../docs');
const jaPages = readdirSync(join(docs, 'ja/guide'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -3))
  .sort();
const en = (name: string) => readFileSync(join(docs, 'guide', `${name}.md`), 'utf8');
const ja = (name: string) => readFileSync(join(docs, 'ja/guide', `${name}.md`), 'utf8');

const fences = (md: string) => md.match(/^```[\s\S]*?^```/gm) ?? [];
const includes = (md: string) => md.match(/^<<<.*$/gm) ?? [];
const inlineCode = (md: string) =>
  (md.replace(/^```[\s\S]*?^```/gm, '').match(/`[^`\n]+`/g) ?? []).sort();

const referencePages = [
  'installation',
  'coming-from-pytorch',
  'coming-from-numpy',
  'coming-from-tfjs',
];

describe('Japanese translations', () => {
  it('the reference pages are translated', () => {
    for (const name of referencePages) expect(jaPages, name).toContain(name);
  });

  it.each(jaPages)(
    'ja/guide/%s.md has an English original with the same code blocks and includes',
    (name) => {
      expect(existsSync(join(docs, 'guide', `${name}.md`))).toBe(true);
      expect(fences(ja(name))).toEqual(fences(en(name)));
      expect(includes(ja(name))).toEqual(includes(en(name)));
    },
  );

  it.each(referencePages)(
    'ja/guide/%s.md keeps every inline code span of the English page',
    (name) => {
      expect(inlineCode(ja(name))).toEqual(inlineCode(en(name)));
    },
  );

  it('every Japanese guide page is in the Japanese sidebar', () => {
    const config = readFileSync(join(import.meta.dirname, '../.vitepress/config.mts'), 'utf8');
    const linked = [...config.matchAll(/link: '\/ja\/guide\/([a-z0-9-]+)'/g)].map((m) => m[1]);
    expect([...new Set(linked)].sort()).toEqual(jaPages);
  });

  it.each(jaPages)('ja/guide/%s.md links to Japanese pages where they exist', (name) => {
    // Markdown links to an English guide page, relative from docs/ja/guide/ or absolute.
    const targets = [...ja(name).matchAll(/\]\((?:\/|\.\.\/\.\.\/)guide\/([a-z0-9-]+)/g)].map(
      (m) => m[1],
    );
    expect(targets.filter((t) => jaPages.includes(t))).toEqual([]);
  });
});
