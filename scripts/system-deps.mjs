#!/usr/bin/env node
// The two system packages gd's tests use besides Node: Debian's Chromium (the browser check)
// and dataset-fashion-mnist (the real-data loader test). Installs the missing ones with apt-get
// when this machine has it and we may use it (root, or passwordless sudo); otherwise says what to
// install and exits non-zero, so a test run never silently skips them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDS = [
  { pkg: 'chromium', present: () => existsSync(process.env.GD_CHROMIUM ?? '/usr/bin/chromium') },
  {
    pkg: 'dataset-fashion-mnist',
    present: () => existsSync('/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz'),
  },
];

const missing = NEEDS.filter((n) => !n.present()).map((n) => n.pkg);
if (missing.length === 0) process.exit(0);

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const isRoot = process.getuid?.() === 0;
const sudo =
  !isRoot && has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
if (!has('apt-get') || (!isRoot && !sudo)) {
  console.error(
    `gd's tests need these system packages: ${missing.join(', ')}.\n` +
      `Install them (Debian/Ubuntu: sudo apt-get install -y ${missing.join(' ')}); ` +
      'Chromium elsewhere can be named with GD_CHROMIUM=/path/to/chromium.',
  );
  process.exit(1);
}

console.log(`Installing the system packages the tests use: ${missing.join(', ')} (apt-get)`);
const prefix = isRoot ? [] : ['sudo', '-n'];
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['apt-get', 'update', '-qq'],
  ['apt-get', 'install', '-y', '-qq', ...missing],
]) {
  const [cmd, ...rest] = [...prefix, ...args];
  const r = spawnSync(cmd, rest, { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (r.status !== 0) {
    console.error(
      `'${args.join(' ')}' failed (exit ${r.status}); install ${missing.join(', ')} by hand.`,
    );
    process.exit(1);
  }
}
