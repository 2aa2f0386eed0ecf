#!/usr/bin/env node
// Checks each package as a user installs it: `pnpm pack` → publint and arethetypeswrong on the
// tarball → all tarballs installed with npm into an empty project → each README's first ```js
// block under "## Example" run there with node, and so is the API contract
// (docs/guide/api-contract.md, checked by scripts/contract.mjs). Exits non-zero if any step fails.
// Run after `turbo run build` (the tarballs hold dist/).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const work = join(root, '.pack-smoke');
const tarballs = join(work, 'tarballs');
const project = join(work, 'project');
rmSync(work, { recursive: true, force: true });
mkdirSync(tarballs, { recursive: true });
mkdirSync(project, { recursive: true });

// GD_REPO_ROOT: where contract.mjs finds TypeScript to typecheck the contract page's code.
const env = { ...process.env, NO_COLOR: '1', GD_REPO_ROOT: root };
const failures = [];
function sh(label, cmd, args, cwd = root) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.status !== 0) {
    failures.push(label);
    console.log(`  FAIL ${label}\n${out.replace(/^/gm, '       ')}`);
  } else console.log(`  ok   ${label}`);
  return r.status === 0;
}

const bin = (name) => join(root, 'node_modules', '.bin', name);
// The packages, and the CLI (apps/cli), which installs on its own with the packages it needs.
const pkgs = [
  ...readdirSync(join(root, 'packages')).map((dir) => join(root, 'packages', dir)),
  join(root, 'apps', 'cli'),
]
  .map((dir) => ({ dir, json: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
  .filter((p) => !p.json.private);
const isCli = (p) => p.json.name === '@gd/cli';

const tgz = [];
for (const p of pkgs) {
  const before = new Set(readdirSync(tarballs));
  if (!sh(`${p.json.name}: pnpm pack`, 'pnpm', ['pack', '--pack-destination', tarballs], p.dir))
    continue;
  const file = readdirSync(tarballs).find((f) => !before.has(f));
  tgz.push({ ...p, file: join(tarballs, file) });
  sh(`${p.json.name}: publint`, bin('publint'), ['run', p.dir, '--strict', '--pack', 'pnpm']);
  // node10 resolution has no subpath exports; every supported runtime (Node ≥ 20, bundlers) does.
  // The CLI is ESM-only (its bin uses top-level await); its library entry has no require form.
  sh(`${p.json.name}: arethetypeswrong`, bin('attw'), [
    join(tarballs, file),
    '--profile',
    isCli(p) ? 'esm-only' : 'node16',
    '--format',
    'table-flipped',
  ]);
}

writeFileSync(
  join(project, 'package.json'),
  `${JSON.stringify({ name: 'gd-smoke', private: true, type: 'module' }, null, 2)}\n`,
);
const installed = sh(
  'npm install of all tarballs into an empty project',
  'npm',
  ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tgz.map((t) => t.file)],
  project,
);

if (installed) {
  // `gd` from the installed tarballs, as `npm i -g` of the CLI's tarball would run it.
  const gd = join(project, 'node_modules', '.bin', 'gd');
  sh('@gd/cli: `gd --version` runs from the installed tarball', gd, ['--version'], project);
  const r = spawnSync(
    gd,
    [
      'minimize',
      'x^2 + exp(-x)',
      '--x0',
      '3',
      '--optimizer',
      'gd',
      '--lr',
      '0.0005',
      '--steps',
      '10001',
      '--json',
    ],
    { cwd: project, env, encoding: 'utf8' },
  );
  let x;
  try {
    x = JSON.parse(r.stdout).params.x;
  } catch {}
  if (r.status === 0 && x === 0.3517383210080008)
    console.log('  ok   @gd/cli: `gd minimize` from the tarball prints x = 0.3517383210080008');
  else {
    failures.push('@gd/cli: gd minimize');
    console.log(
      `  FAIL @gd/cli: gd minimize from the tarball (exit ${r.status})\n${r.stdout}${r.stderr}`,
    );
  }
  for (const p of tgz.filter((t) => !isCli(t))) {
    const readmePath = join(p.dir, 'README.md');
    const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : '';
    const section = readme.split(/^## Example\s*$/m)[1];
    const block = section?.match(/```js\n([\s\S]*?)```/);
    if (!block) {
      failures.push(`${p.json.name}: README example`);
      console.log(
        `  FAIL ${p.json.name}: README has no \`## Example\` section with a \`\`\`js block`,
      );
      continue;
    }
    const file = join(project, `readme-${p.json.name.replace('@gd/', '')}.mjs`);
    writeFileSync(file, block[1]);
    sh(
      `${p.json.name}: README example runs from the installed tarball`,
      process.execPath,
      [file],
      project,
    );
  }
}

if (installed) {
  // The API contract page's code, typechecked and run as a user's program against the tarballs.
  const contract = join(project, 'contract.mjs');
  const page = join(project, 'api-contract.md');
  writeFileSync(contract, readFileSync(join(root, 'scripts/contract.mjs')));
  writeFileSync(page, readFileSync(join(root, 'docs/guide/api-contract.md')));
  sh(
    'the API contract (docs/guide/api-contract.md) typechecks and runs from the tarballs',
    process.execPath,
    [contract, page],
    project,
  );
}

console.log(
  failures.length
    ? `\n${failures.length} packaging check(s) failed`
    : '\nall packaging checks passed',
);
process.exit(failures.length ? 1 : 0);
