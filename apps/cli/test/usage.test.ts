import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gd, tempDir } from './helpers';

const usage: [string, string[], RegExp][] = [
  ['unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
  [
    'unknown option',
    ['minimize', 'x^2', '--x0', '1', '--lr', '0.1', '--bogus'],
    /unknown option '--bogus'/,
  ],
  [
    'unknown optimizer',
    ['minimize', 'x^2', '--x0', '1', '--optimizer', 'adamx'],
    /unknown optimizer 'adamx'/,
  ],
  [
    'bad expression x^^2',
    ['minimize', 'x^^2', '--x0', '1', '--lr', '0.1'],
    /bad expression: .*column 3/,
  ],
  [
    'missing --x0',
    ['minimize', 'x*y', '--x0', 'x=1', '--lr', '0.1'],
    /missing --x0 for variable 'y'/,
  ],
  ['no --x0 at all', ['minimize', 'x^2', '--lr', '0.1'], /missing --x0 for variable 'x'/],
  ['negative lr', ['minimize', 'x^2', '--x0', '1', '--lr', '-0.1'], /--lr must be ≥ 0, got -0.1/],
  [
    'non-numeric value',
    ['minimize', 'x^2', '--x0', 'three', '--lr', '0.1'],
    /--x0 must be a number, got 'three'/,
  ],
  [
    'non-numeric steps',
    ['minimize', 'x^2', '--x0', '1', '--lr', '0.1', '--steps', '1e'],
    /--steps must be a number/,
  ],
  ['gd without lr', ['minimize', 'x^2', '--x0', '1'], /gd needs a learning rate/],
  [
    'bad optimizer option',
    ['minimize', 'x^2', '--x0', '1', '--optimizer', 'adam', '--betas', '0.9,1.5'],
    /betas/,
  ],
  ['unknown dataset', ['train', '--dataset', 'imagenet'], /unknown dataset 'imagenet'/],
  ['unknown scheduler', ['schedule', 'warpdrive'], /unknown scheduler 'warpdrive'/],
  ['unknown lecture', ['lecture', 'nope'], /unknown lecture 'nope'/],
  [
    'bad plot type',
    ['minimize', 'x^2', '--x0', '1', '--lr', '0.1', '--plot', 'a.jpg'],
    /unknown figure type/,
  ],
  ['grad without --at', ['grad', 'x^2'], /missing --at/],
  ['resume of nothing', ['train', '--resume', 'no-such-run'], /no run there/],
];

describe('usage errors exit 2 with one line and a hint, no stack trace', () => {
  it.each(usage)('%s', (_, args, message) => {
    const r = gd(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^gd: error: /);
    expect(r.stderr).toMatch(/\nhint: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a runtime error exits 1, and --debug adds the stack trace', () => {
    const dir = tempDir();
    // A dataset folder without the files: the loader fails at run time.
    const r = gd(['train', '--dataset', 'kmnist', '--data-dir', dir, '--epochs', '1'], dir, {
      HOME: dir,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^gd: error: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const d = gd(
      ['train', '--dataset', 'kmnist', '--data-dir', dir, '--epochs', '1', '--debug'],
      dir,
      { HOME: dir },
    );
    expect(d.status).toBe(1);
    expect(d.stderr).toMatch(/\n\s+at /);
  });
});

describe('strings that try to run code are refused (exit 2) with no side effect', () => {
  const attacks = [
    "require('fs').writeFileSync('pwned', 'x')",
    "constructor.constructor(\"require('fs').writeFileSync('pwned', 'x')\")()",
    "process.mainModule.require('fs').writeFileSync('pwned','x')",
    '__proto__.polluted',
    "x; require('child_process').execSync('touch pwned')",
    '`touch pwned`',
    "import('fs').then(f => f.writeFileSync('pwned', 'x'))",
  ];
  it.each(attacks)('%s', (attack) => {
    for (const command of [
      ['minimize', attack, '--x0', '1', '--lr', '0.1'],
      ['grad', attack, '--at', '1'],
      ['compare', attack, '--x0', '1'],
    ]) {
      const dir = tempDir();
      const r = gd(command, dir);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/bad expression/);
      expect(readdirSync(dir)).toEqual([]);
    }
  });
});

describe('help, version and colours', () => {
  it('--version prints the package version', async () => {
    const { version } = (await import('../package.json', { with: { type: 'json' } })).default;
    const r = gd(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it('every command has --help with examples', () => {
    for (const c of [
      'minimize',
      'compare',
      'train',
      'landscape',
      'schedule',
      'grad',
      'gradcheck',
      'demo',
      'lecture',
    ]) {
      const r = gd([c, '--help']);
      expect(r.status, c).toBe(0);
      expect(r.stdout, c).toMatch(/Examples?:/);
    }
  });

  it('writes no ANSI colour codes when output is not a TTY, or with NO_COLOR', () => {
    const r = gd(['grad', 'x^2', '--at', '1'], tempDir(), {
      NO_COLOR: undefined,
      FORCE_COLOR: '1',
    });
    expect(r.stdout).not.toContain(String.fromCharCode(27));
    const e = gd(['frobnicate'], tempDir(), { NO_COLOR: '1' });
    expect(e.stderr).not.toContain(String.fromCharCode(27));
  });
});
