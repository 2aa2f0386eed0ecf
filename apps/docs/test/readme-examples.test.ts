// Every package README's `## Example` block (the one scripts/pack-smoke.mjs runs from the packed
// tarballs) typechecks against the packages' types: JavaScript checked with `checkJs` under
// `strict`, so a renamed function, a wrong option or a wrong argument type fails here. Plain
// JavaScript cannot annotate, so the two checks that need annotations (implicit any, possibly
// null) are the ones left off; the guides' TypeScript samples are checked with all of strict.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const packages = join(import.meta.dirname, '../../../packages');
const tmp = join(import.meta.dirname, '.readme-examples');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const examples = readdirSync(packages).flatMap((dir) => {
  let readme: string;
  try {
    readme = readFileSync(join(packages, dir, 'README.md'), 'utf8');
  } catch {
    return [];
  }
  const block = readme.split(/^## Example\s*$/m)[1]?.match(/```js\n([\s\S]*?)```/);
  return block ? [{ dir, code: block[1] }] : [];
});

describe('README examples', () => {
  it('every package README has an `## Example` block', () => {
    const withReadme = readdirSync(packages).filter((d) => {
      try {
        readFileSync(join(packages, d, 'README.md'));
        return true;
      } catch {
        return false;
      }
    });
    expect(examples.map((e) => e.dir)).toEqual(withReadme);
  });

  it('typecheck under strict (checkJs)', () => {
    mkdirSync(tmp, { recursive: true });
    const files = examples.map(({ dir, code }) => {
      const f = join(tmp, `readme-${dir}.mjs`);
      writeFileSync(f, code);
      return f;
    });
    const program = ts.createProgram(files, {
      allowJs: true,
      checkJs: true,
      strict: true,
      noImplicitAny: false,
      strictNullChecks: false,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      skipLibCheck: true,
      types: ['node'],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${d.file.fileName.slice(tmp.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(problems).toEqual([]);
  }, 180_000);
});
