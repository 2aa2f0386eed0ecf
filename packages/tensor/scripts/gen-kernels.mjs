#!/usr/bin/env node
// The single source of the js tier's element-wise, reduction and scan loops. It writes
//   src/kernels/f32.ts      Float32Array loops (float32 in, float32 out)
//   src/kernels/f64.ts      Float64Array loops
//   src/kernels/generic.ts  TypedArray loops for everything else (int32, bool, mixed kinds)
// from the tables below. The package's build runs it first; `--check` only compares (a test runs
// it), `--out DIR` writes or checks DIR instead of src/kernels.
//
// Why generated copies rather than one generic loop: V8 collects type feedback per function
// literal, and all closures made from one literal (say, by calling a factory once per typed-array
// class) share it, so a shared loop that has seen Float32Array and Float64Array does polymorphic
// loads and stores. A generated copy per class is a separate function literal and stays
// monomorphic. Measured with scripts/bench-kernels.mjs (least CPU time of 3 interleaved runs,
// load average ≈ 20 on 2 cores): the factory version was as fast on memory-bound 1e6-element
// float32 add/mul but 1.3–1.7× slower on sum (both dtypes) and 1.2–1.25× slower on float64
// add and scalar mul; these generated copies matched the hand-kept ones they replace.
//
// Template syntax: `ignore` adds a biome-ignore comment above the loop. An element expression uses $x (unary) or $a, $b (binary) for the operands;
// the generator binds an operand to a local first when the expression reads it twice. `f32`
// replaces a whole loop for Float32Array (the table-driven exp, σ and tanh of exp32.ts, relu32.ts).
// Adding a code: add it to backend.ts's union and a row here; the `generic` variant must cover
// every code (its tables are typed as complete records, so tsc reports a missing row). Mark it
// `hot` only if it is worth two more copies in every bundle that does arithmetic (copying every
// code cost 4.4 KB minified); js.ts falls back to the generic loop for the rest.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Unary loops: out[i] = expr. `hot` codes also get float32 and float64 copies (f32.ts, f64.ts);
 * the others run the generic loop for every dtype. Only the hot ones are worth the bundle bytes:
 * those that training loops call on large arrays and whose loop cost is not dominated by a
 * transcendental call anyway.
 */
const UNARY = [
  { code: 'neg', expr: '-$x', hot: true },
  { code: 'abs', expr: 'Math.abs($x)', hot: true },
  { code: 'sign', expr: 'Math.sign($x)' },
  { code: 'exp', expr: 'Math.exp($x)', f32: 'expF32(x, out);', hot: true },
  { code: 'log', expr: 'Math.log($x)', hot: true },
  { code: 'log1p', expr: 'Math.log1p($x)' },
  { code: 'expm1', expr: 'Math.expm1($x)' },
  { code: 'sqrt', expr: 'Math.sqrt($x)', hot: true },
  { code: 'rsqrt', expr: '1 / Math.sqrt($x)' },
  { code: 'square', expr: '$x * $x', hot: true },
  { code: 'sin', expr: 'Math.sin($x)' },
  { code: 'cos', expr: 'Math.cos($x)' },
  { code: 'tan', expr: 'Math.tan($x)' },
  { code: 'tanh', expr: 'Math.tanh($x)', f32: 'tanhF32(x, out);', hot: true },
  { code: 'sigmoid', expr: 'sigmoid($x)', f32: 'sigmoidF32(x, out);', hot: true },
  // x < 0 ? 0 : x, as torch.relu: NaN and −0 pass through (Math.max(−0, 0) would give +0).
  // float32 uses relu32.ts's branch-free loop on the bit patterns (1.2 against 2.4 ns/element
  // for this branchy one, measured on 128×256 random signs; Math.max was 5.4).
  {
    code: 'relu',
    expr: '$x < 0 ? 0 : $x',
    f32: 'reluF32(x, out);',
    hot: true,
    ignore: 'lint/complexity/useMathMinMax: Math.max(−0, 0) is +0; torch.relu keeps −0',
  },
  { code: 'floor', expr: 'Math.floor($x)' },
  { code: 'ceil', expr: 'Math.ceil($x)' },
  { code: 'round', expr: 'roundHalfEven($x)' },
  { code: 'reciprocal', expr: '1 / $x', hot: true },
  { code: 'softplus', expr: 'softplus($x)' },
  // NaN counts as true (non-zero), as in PyTorch and C, unlike JS truthiness.
  { code: 'logicalNot', expr: '+($x === 0)' },
];

/**
 * Binary loops: out[i] = expr. `commutative` lets the scalar form use one loop for either side;
 * `scalarRight` adds a special case for a right-hand scalar.
 */
const BINARY = [
  { code: 'add', expr: '$a + $b', commutative: true, hot: true },
  { code: 'sub', expr: '$a - $b', hot: true },
  { code: 'mul', expr: '$a * $b', commutative: true, hot: true },
  { code: 'div', expr: '$a / $b', hot: true },
  { code: 'pow', expr: '$a ** $b', scalarRight: { when: 's === 2', expr: '$a * $a' } },
  // Math.max/min propagate NaN, as torch.maximum/minimum do.
  { code: 'maximum', expr: 'Math.max($a, $b)', commutative: true, hot: true },
  { code: 'minimum', expr: 'Math.min($a, $b)', commutative: true, hot: true },
  // IEEE atan2 and hypot, as C's (hence PyTorch's): hypot(±∞, NaN) = ∞.
  { code: 'atan2', expr: 'Math.atan2($a, $b)' },
  { code: 'hypot', expr: 'Math.hypot($a, $b)', commutative: true },
  { code: 'logaddexp', expr: 'logaddexp($a, $b)', commutative: true },
  { code: 'equal', expr: '+($a === $b)', commutative: true },
  { code: 'notEqual', expr: '+($a !== $b)', commutative: true },
  { code: 'less', expr: '+($a < $b)' },
  { code: 'lessEqual', expr: '+($a <= $b)' },
  { code: 'greater', expr: '+($a > $b)' },
  { code: 'greaterEqual', expr: '+($a >= $b)' },
  // Comparisons convert the boolean with unary + rather than `? 1 : 0`: V8 then emits a flag
  // move instead of a branch, which mispredicts on random data (0.75 against 4.0 ns/element for
  // `x > 0` on 128×256 random signs).
  { code: 'logicalAnd', expr: '$a !== 0 && $b !== 0 ? 1 : 0', commutative: true },
  { code: 'logicalOr', expr: '$a !== 0 || $b !== 0 ? 1 : 0', commutative: true },
];

/** Reductions of a row into `m`, starting from `init`; `step` may `break` (NaN is sticky). */
const REDUCE = [
  { code: 'sum', sum: true, hot: true },
  { code: 'prod', init: '1', step: ['m *= v;'] },
  {
    code: 'max',
    hot: true,
    init: 'Number.NEGATIVE_INFINITY',
    step: ['if (v > m) m = v;', 'else if (Number.isNaN(v)) {', '  m = v;', '  break;', '}'],
  },
  {
    code: 'min',
    hot: true,
    init: 'Number.POSITIVE_INFINITY',
    step: ['if (v < m) m = v;', 'else if (Number.isNaN(v)) {', '  m = v;', '  break;', '}'],
  },
];

/** Inclusive scans along an axis: s = init, then s = combine(s, v) for each v, written out. */
const SCAN = [
  { code: 'cumsum', init: '0', op: '+' },
  { code: 'cumprod', init: '1', op: '*' },
];

const VARIANTS = [
  {
    file: 'f32.ts',
    suffix: 'F32',
    array: 'Float32Array',
    float: true,
    doc: 'Float32Array loops (float32 in, float32 out); results are computed in float64 and rounded once on the store. exp, σ and tanh use the table-driven float32 versions of exp32.ts.',
  },
  {
    file: 'f64.ts',
    suffix: 'F64',
    array: 'Float64Array',
    float: true,
    doc: 'Float64Array loops (float64 in, float64 out); exp stays `Math.exp`, whose accuracy PyTorch comparisons at 1e-12 rely on.',
  },
  {
    file: 'generic.ts',
    suffix: 'Any',
    array: 'TypedArray',
    float: false,
    doc: 'Loops over any typed array: int32, bool, and mixed kinds (float32 in, float64 out; comparisons into Uint8Array). Polymorphic, so slower than f32.ts/f64.ts, which js.ts prefers when both arrays are of one float class.',
  },
];

/** Wraps prose to `width` columns after `prefix`. */
function wrap(text, prefix, width = 100) {
  const lines = [];
  let line = prefix;
  for (const word of text.split(' ')) {
    if (line.length + word.length + 1 > width && line !== prefix) {
      lines.push(line);
      line = prefix;
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}

/**
 * The loop statement(s) computing out[i] from operands `{ $x: 'x[i]' }`-style substitutions,
 * with a biome-ignore comment above the store when `ignore` is given.
 */
function elementLoop(expr, operands, indent, ignore) {
  const pad = ' '.repeat(indent);
  const binds = [];
  let body = expr;
  for (const [name, source] of Object.entries(operands)) {
    const uses = body.split(name).length - 1;
    const local = name.slice(1) === 'x' ? 'v' : name.slice(1) === 'a' ? 'p' : 'q';
    if (uses > 1 && source.includes('[')) {
      binds.push(`const ${local} = ${source};`);
      body = body.split(name).join(local);
    } else body = body.split(name).join(source);
  }
  if (binds.length === 0 && !ignore) {
    const one = `${pad}for (let i = 0; i < n; i++) out[i] = ${body};`;
    if (one.length <= 100) return [one];
  }
  return [
    `${pad}for (let i = 0; i < n; i++) {`,
    ...binds.map((b) => `${pad}  ${b}`),
    ...(ignore ? [`${pad}  // biome-ignore ${ignore}`] : []),
    `${pad}  out[i] = ${body};`,
    `${pad}}`,
  ];
}

function unaryTable(v) {
  const rows = UNARY.filter((r) => !v.float || r.hot);
  const lines = [
    '/** out[i] = f(x[i]), one loop per code. */',
    `export const unary${v.suffix}: {`,
    `  readonly [C in UnaryCode]${v.float ? '?' : ''}: (x: A, out: A) => void;`,
    '} = {',
  ];
  for (const r of rows) {
    lines.push(`  ${r.code}(x, out) {`);
    if (v.suffix === 'F32' && r.f32) lines.push(`    ${r.f32}`);
    else {
      lines.push('    const n = x.length;');
      lines.push(...elementLoop(r.expr, { $x: 'x[i]' }, 4, r.ignore));
    }
    lines.push('  },');
  }
  lines.push('};');
  return lines;
}

function binaryTable(v) {
  const rows = BINARY.filter((r) => !v.float || r.hot);
  const lines = [
    '/** out[i] = f(a[i], b[i]) for equal lengths, one loop per code. */',
    `export const binary${v.suffix}: {`,
    `  readonly [C in BinaryCode]${v.float ? '?' : ''}: (a: A, b: A, out: A) => void;`,
    '} = {',
  ];
  for (const r of rows) {
    lines.push(`  ${r.code}(a, b, out) {`);
    lines.push('    const n = out.length;');
    lines.push(...elementLoop(r.expr, { $a: 'a[i]', $b: 'b[i]' }, 4));
    lines.push('  },');
  }
  lines.push('};');
  return lines;
}

function binaryScalarTable(v) {
  const rows = BINARY.filter((r) => !v.float || r.hot);
  const lines = [
    '/** out[i] = f(a[i], s), or f(s, a[i]) when `left`, one loop per code. */',
    `export const binaryScalar${v.suffix}: {`,
    `  readonly [C in BinaryCode]${v.float ? '?' : ''}: (a: A, s: number, out: A, left: boolean) => void;`,
    '} = {',
  ];
  for (const r of rows) {
    const params = r.commutative ? '(a, s, out)' : '(a, s, out, left)';
    lines.push(`  ${r.code}${params} {`);
    lines.push('    const n = out.length;');
    const right = elementLoop(r.expr, { $a: 'a[i]', $b: 's' }, 6);
    if (r.commutative) lines.push(...elementLoop(r.expr, { $a: 'a[i]', $b: 's' }, 4));
    else {
      lines.push('    if (left) {');
      lines.push(...elementLoop(r.expr, { $a: 's', $b: 'a[i]' }, 6));
      if (r.scalarRight) {
        lines.push(`    } else if (${r.scalarRight.when}) {`);
        lines.push(...elementLoop(r.scalarRight.expr, { $a: 'a[i]' }, 6));
      }
      lines.push('    } else {');
      lines.push(...right);
      lines.push('    }');
    }
    lines.push('  },');
  }
  lines.push('};');
  return lines;
}

function reduceTable(v) {
  const lines = [
    '/** out[o] = the reduction of row o (x[o·inner .. (o+1)·inner)), accumulated in float64. */',
    `export const reduce${v.suffix}: {`,
    `  readonly [C in ReduceCode]${v.float ? '?' : ''}: (x: A, outer: number, inner: number, out: A) => void;`,
    '} = {',
  ];
  for (const r of REDUCE.filter((row) => !v.float || row.hot)) {
    lines.push(`  ${r.code}(x, outer, inner, out) {`);
    lines.push('    for (let o = 0, base = 0; o < outer; o++, base += inner) {');
    if (r.sum) {
      lines.push(
        '      // Four partial sums break the add-latency chain; the order change is harmless in',
        '      // float64 and exact for int32.',
        '      let s0 = 0;',
        '      let s1 = 0;',
        '      let s2 = 0;',
        '      let s3 = 0;',
        '      const end = base + inner;',
        '      const end4 = base + (inner & ~3);',
        '      let i = base;',
        '      for (; i < end4; i += 4) {',
        '        s0 += x[i];',
        '        s1 += x[i + 1];',
        '        s2 += x[i + 2];',
        '        s3 += x[i + 3];',
        '      }',
        '      for (; i < end; i++) s0 += x[i];',
        '      out[o] = s0 + s1 + (s2 + s3);',
      );
    } else {
      lines.push(`      let m = ${r.init};`);
      lines.push('      const end = base + inner;');
      lines.push('      for (let i = base; i < end; i++) {');
      lines.push('        const v = x[i];');
      for (const s of r.step) lines.push(`        ${s}`);
      lines.push('      }');
      lines.push('      out[o] = m;');
    }
    lines.push('    }');
    lines.push('  },');
  }
  lines.push('};');
  return lines;
}

function scanTable(v) {
  const lines = [
    '/**',
    ' * Inclusive scans along an axis of length n, for each of `outer` blocks of n·inner elements:',
    ' * running values are kept in float64 (as PyTorch accumulates float32 scans in double) and',
    ' * rounded on each store.',
    ' */',
    `export const scan${v.suffix}: {`,
    '  readonly [C in ScanCode]: (x: A, outer: number, n: number, inner: number, out: A) => void;',
    '} = {',
  ];
  for (const r of SCAN) {
    lines.push(
      `  ${r.code}(x, outer, n, inner, out) {`,
      '    if (inner === 1) {',
      '      for (let o = 0, base = 0; o < outer; o++, base += n) {',
      `        let s = ${r.init};`,
      '        const end = base + n;',
      '        for (let i = base; i < end; i++) {',
      `          s ${r.op}= x[i];`,
      '          out[i] = s;',
      '        }',
      '      }',
      '      return;',
      '    }',
      '    // Walk memory in order, one running value per inner position.',
      '    const acc = accumulator(inner);',
      '    for (let o = 0, base = 0; o < outer; o++, base += n * inner) {',
      `      acc.fill(${r.init}, 0, inner);`,
      '      for (let i = 0, row = base; i < n; i++, row += inner) {',
      '        for (let j = 0; j < inner; j++) {',
      `          const s = acc[j] ${r.op} x[row + j];`,
      '          acc[j] = s;',
      '          out[row + j] = s;',
      '        }',
      '      }',
      '    }',
      '  },',
    );
  }
  lines.push('};');
  return lines;
}

/** The full text of one generated file. */
function render(v) {
  const body = [
    ...unaryTable(v),
    '',
    ...binaryTable(v),
    '',
    ...binaryScalarTable(v),
    '',
    ...reduceTable(v),
    // Scans are not hot: one generic copy serves every dtype.
    ...(v.float ? [] : ['', ...scanTable(v)]),
  ];
  const text = body.join('\n');
  // A helper is imported when a loop calls it (`= name(`), not when a method bears its name.
  const helpers = ['logaddexp', 'roundHalfEven', 'sigmoid', 'softplus'].filter((h) =>
    text.includes(`= ${h}(`),
  );
  const exp32 = ['expF32', 'sigmoidF32', 'tanhF32'].filter((h) => text.includes(`${h}(`));
  const relu32 = ['reluF32'].filter((h) => text.includes(`${h}(`));
  const head = [
    '// Generated by scripts/gen-kernels.mjs from its tables: edit those, not this file. The build',
    '// regenerates it; test/kernels/generated.test.ts fails when it is out of date.',
    '/**',
    ...wrap(v.doc, ' *'),
    ' */',
  ];
  if (v.array === 'TypedArray') head.push("import type { TypedArray } from '../dtype';");
  const codes = v.float
    ? 'BinaryCode, ReduceCode, UnaryCode'
    : 'BinaryCode, ReduceCode, ScanCode, UnaryCode';
  head.push(`import type { ${codes} } from './backend';`);
  if (exp32.length) head.push(`import { ${exp32.join(', ')} } from './exp32';`);
  if (relu32.length) head.push(`import { ${relu32.join(', ')} } from './relu32';`);
  if (helpers.length) head.push(`import { ${helpers.join(', ')} } from './scalar';`);
  head.push('', `type A = ${v.array};`, '');
  if (!v.float) {
    head.push(
      '/** Scratch for the scans: one float64 running value per inner position, reused. */',
      'let scratch = new Float64Array(0);',
      'function accumulator(n: number): Float64Array {',
      '  if (scratch.length < n) scratch = new Float64Array(n);',
      '  return scratch;',
      '}',
      '',
    );
  }
  return `${[...head, ...body].join('\n')}\n`;
}

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const check = args.includes('--check');
const outAt = args.indexOf('--out');
const dir = outAt >= 0 ? resolve(args[outAt + 1]) : join(here, '..', 'src', 'kernels');

let stale = 0;
for (const v of VARIANTS) {
  const path = join(dir, v.file);
  const text = render(v);
  let current = null;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = null;
  }
  if (current === text) continue;
  if (check) {
    console.error(`gen-kernels: ${path} is out of date; run node scripts/gen-kernels.mjs`);
    stale++;
    continue;
  }
  // Write to a temporary file and rename, so a reader never sees half a file.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
  console.log(`gen-kernels: wrote ${path}`);
}
if (stale > 0) process.exit(1);
