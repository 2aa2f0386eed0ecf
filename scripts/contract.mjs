// The public API contract — the TypeScript block on docs/guide/api-contract.md — checked as a
// user's program: the block is read from that page, typechecked under `strict`, run, and every
// promise its comments make is checked on the values it computed.
//
//   node scripts/contract.mjs [page]       (in the repo: against the workspace packages)
//
// scripts/pack-smoke.mjs copies this file and the page into the empty project where the packed
// tarballs are installed and runs it there, so the contract holds for gd as users install it.
// TypeScript comes from the repo (GD_REPO_ROOT, else this file's parent folder).
// Exits non-zero at the first broken promise.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const here = import.meta.dirname;
const repo = process.env.GD_REPO_ROOT ?? join(here, '..');
const pagePath = process.argv[2] ?? join(repo, 'docs/guide/api-contract.md');
const page = readFileSync(pagePath, 'utf8');
const blocks = [...page.matchAll(/^```ts\n([\s\S]*?)^```$/gm)];
if (blocks.length !== 1) {
  console.error(
    `contract: ${pagePath} must hold exactly one \`\`\`ts block, found ${blocks.length}`,
  );
  process.exit(1);
}
const source = blocks[0][1];

// The names the checks below read from the block; a block that stops defining one breaks the contract.
const names = [
  'a',
  'f',
  'x',
  'dfdx',
  'b',
  'ga',
  'gb',
  'value',
  'g',
  'H',
  'checked',
  'fd',
  'six',
  'w',
  'opt',
  'losses',
  'lr',
  'restored',
  'squared',
  'svm',
  'sgd',
];

const ts = createRequire(join(repo, 'package.json'))('typescript');
// Written beside this file so that `@gd/*` resolve as they do for a user's program here.
const dir = mkdtempSync(join(here, '.contract-'));
const tsFile = join(dir, 'contract.ts');
writeFileSync(tsFile, source);
const program = ts.createProgram([tsFile], {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  skipLibCheck: true,
  types: [],
  lib: ['lib.es2023.d.ts'],
});
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length > 0) {
  console.error(
    ts.formatDiagnostics(diagnostics, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => dir,
      getNewLine: () => '\n',
    }),
  );
  console.error(`contract broken: the block on ${pagePath} does not typecheck under strict`);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
}
const js = ts.transpileModule(`${source}\nexport { ${names.join(', ')} };\n`, {
  compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
}).outputText;
const jsFile = join(dir, 'contract.mjs');
writeFileSync(jsFile, js);
let c;
try {
  c = await import(pathToFileURL(jsFile).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

let checks = 0;
function check(what, ok) {
  checks++;
  if (!ok) {
    console.error(`contract broken: ${what}`);
    process.exit(1);
  }
}
const close = (p, q, tol = 1e-12) => Math.abs(p - q) <= tol * Math.max(1, Math.abs(q));
const json = (v) => JSON.stringify(v);

check('a.shape is [2, 2]', json(c.a.shape) === '[2,2]');
check("a.dtype is 'float64'", c.a.dtype === 'float64');
check('a.data is a Float64Array', c.a.data instanceof Float64Array);
check('a.toArray() gives nested arrays', json(c.a.toArray()) === '[[1,2],[3,4]]');
check('grad(f)(3) = 6 − e^-3', close(c.dfdx.item(), 6 - Math.exp(-3)));
check(
  'grad with argnums [0, 1] returns [∂/∂a = b, ∂/∂b = a]',
  json([c.ga.toArray(), c.gb.toArray()]) === json([c.b.toArray(), c.a.toArray()]),
);
check(
  'valueAndGrad returns [number, Tensor]',
  typeof c.value === 'number' &&
    close(c.value, 9 + Math.exp(-3)) &&
    close(c.g.item(), 6 - Math.exp(-3)),
);
// ∂²/∂x² = 2 − 400(y − x²) + 800x², ∂²/∂x∂y = −400x, ∂²/∂y² = 200 at (−1.5, 2)
check(
  'hessian of Rosenbrock at (−1.5, 2)',
  json(c.H.shape) === '[2,2]' &&
    json(c.H.toArray()) ===
      json([
        [2 - 400 * (2 - 2.25) + 800 * 2.25, 600],
        [600, 200],
      ]),
);
check(
  'gradCheck returns { ok, maxAbsError, maxRelError }',
  c.checked.ok === true &&
    typeof c.checked.maxAbsError === 'number' &&
    typeof c.checked.maxRelError === 'number',
);
check(
  'numericalGrad is shaped like x and close to f′',
  json(c.fd.shape) === json(c.x.shape) && close(c.fd.item(), 6 - Math.exp(-3), 1e-8),
);
check('noGrad computes without recording', c.six.value.item() === 6 && !c.six.requiresGrad);
check(
  'the loop trains (loss falls by half)',
  c.losses.length === 120 && c.losses.at(-1) < c.losses[0] / 2,
);
check('w.grad is a Tensor shaped like w', json(c.w.grad.shape) === '[784,10]');
check('StepLR: lr = 1e-3·0.1 after 40 epochs', close(c.lr, 1e-4));
check(
  'stateDict round trip through JSON',
  c.restored.paramGroups[0].lr === c.opt.paramGroups[0].lr &&
    json(c.restored.stateDict()) === json(c.opt.stateDict()),
);
check('mse([1, 2], [1, 4]) = 2', c.squared.item() === 2);
check('multiclassHinge is cs231n’s (2.9 for the notes’ cat example)', close(c.svm.item(), 2.9));
check('CosineAnnealingLR reaches etaMin = 0 at tMax', Math.abs(c.sgd.paramGroups[0].lr) < 1e-15);

console.log(`the API contract (docs/guide/api-contract.md): ${checks} checks hold`);
