import { describe, expect, it } from 'vitest';
import { DatasetError } from '../src/errors';

describe('DatasetError', () => {
  it('is an Error named DatasetError carrying the file and cause', () => {
    const cause = new Error('disk on fire');
    const e = new DatasetError('x.gz: broken; download it again', { file: 'x.gz', cause });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DatasetError');
    expect(e.file).toBe('x.gz');
    expect(e.cause).toBe(cause);
    expect(e.message).toContain('download it again');
  });

  it('has no file when none is given', () => {
    expect(new DatasetError('bad').file).toBeUndefined();
  });
});
