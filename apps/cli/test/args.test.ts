import { describe, expect, it } from 'vitest';
import { assignments, integer, nonNegative, number, numberList, parseSpec } from '../src/args';
import { GdError, isGdError } from '@gd/errors';
import { UsageError } from '../src/errors';

describe('option parsers', () => {
  it('accept only whole numbers in the usual forms', () => {
    expect(number('--lr', '1e-3')).toBe(0.001);
    expect(number('--lr', ' .5 ')).toBe(0.5);
    for (const bad of ['', 'abc', '1e', '0x10', 'Infinity', 'NaN', '1,5', '--1'])
      expect(() => number('--lr', bad), bad).toThrow(UsageError);
    expect(() => nonNegative('--lr', '-1')).toThrow(/≥ 0/);
    expect(integer('--steps', '10')).toBe(10);
    expect(() => integer('--steps', '1.5')).toThrow(/integer/);
    expect(() => integer('--steps', '0')).toThrow(/≥ 1/);
    expect(numberList('--betas', '0.9,0.999', 2)).toEqual([0.9, 0.999]);
    expect(() => numberList('--betas', '0.9', 2)).toThrow(/2 comma-separated/);
  });

  it('read name=value assignments and a bare value', () => {
    expect([...assignments('--x0', ['x=1,y=-2', 'z=3'])]).toEqual([
      ['x', 1],
      ['y', -2],
      ['z', 3],
    ]);
    expect([...assignments('--x0', ['3'])]).toEqual([['', 3]]);
    expect(() => assignments('--x0', ['1x=2'])).toThrow(/not a variable name/);
  });

  it('parse name:key=value specs with lists and formulas', () => {
    const { name, options } = parseSpec('--schedule', 'StepLR:stepSize=30,gamma=0.1');
    expect(name).toBe('steplr');
    expect([...options]).toEqual([
      ['stepSize', 30],
      ['gamma', 0.1],
    ]);
    expect([...parseSpec('-', 'm:milestones=[30,80],x=true').options]).toEqual([
      ['milestones', [30, 80]],
      ['x', true],
    ]);
    expect([...parseSpec('-', 'l:lrLambda=max(0.1, 0.9^epoch)').options]).toEqual([
      ['lrLambda', 'max(0.1, 0.9^epoch)'],
    ]);
    expect(() => parseSpec('--schedule', 'steplr:stepSize')).toThrow(/key=value/);
  });
});

describe('UsageError', () => {
  it('is a GdError with a stable code, so isGdError recognises usage mistakes', () => {
    const e = new UsageError('--lr: expected a number, got "abc"', 'e.g. --lr 0.01');
    expect(e).toBeInstanceOf(GdError);
    expect(isGdError(e)).toBe(true);
    expect(e.code).toBe('ERR_GD_USAGE');
    expect(e.name).toBe('UsageError');
    expect(e.hint).toBe('e.g. --lr 0.01');
  });
});
