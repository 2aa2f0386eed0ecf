import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fmt, table, writeAtomic } from '../src/output';
import { tempDir } from './helpers';

describe('output', () => {
  it('formats numbers with sensible precision', () => {
    expect(fmt(0)).toBe('0');
    expect(fmt(0.123456789)).toBe('0.123457');
    expect(fmt(6.111107929003464e-10)).toBe('6.11111e-10');
    expect(fmt(1234567)).toBe('1.23457e+6');
    expect(fmt(Number.NaN)).toBe('NaN');
  });

  it('aligns tables, numbers to the right', () => {
    expect(
      table(
        ['name', 'v'],
        [
          ['a', '1'],
          ['bb', '10'],
        ],
      ).split('\n'),
    ).toEqual(['name   v', '────  ──', 'a      1', 'bb    10']);
  });

  it('writes files atomically, creating folders and leaving no temporary file', () => {
    const dir = tempDir();
    const path = join(dir, 'a', 'b.txt');
    writeAtomic(path, 'one');
    writeAtomic(path, new TextEncoder().encode('two'));
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'a'))).toEqual(['b.txt']);
  });
});
