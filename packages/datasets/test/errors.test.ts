import { GdError } from '@gd/errors';
import { tensor } from '@gd/tensor';
import { NotFittedError } from '../src/errors';
import { parseIdx } from '../src/idx';
import { StandardScaler } from '../src/scaler';
import { makeSpirals } from '../src/synthetic/spirals';
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

describe('dataset errors are GdErrors', () => {
  it('DatasetError, NotFittedError and option checks are instanceof GdError with stable codes', () => {
    const data = new DatasetError('bad');
    expect(data).toBeInstanceOf(GdError);
    expect(data.code).toBe('ERR_GD_DATASET');
    let notFitted: unknown;
    try {
      new StandardScaler().transform(tensor([[1, 2]]));
    } catch (e) {
      notFitted = e;
    }
    expect(notFitted).toBeInstanceOf(NotFittedError);
    expect(notFitted).toBeInstanceOf(GdError);
    expect((notFitted as NotFittedError).name).toBe('NotFittedError');
    expect((notFitted as NotFittedError).code).toBe('ERR_GD_NOT_FITTED');
    expect((notFitted as Error).message).toMatch(/call fit\(xTrain\) first/);
    let parse: unknown;
    try {
      parseIdx(new Uint8Array([1, 2, 3]));
    } catch (e) {
      parse = e;
    }
    expect(parse).toBeInstanceOf(DatasetError);
    expect(parse).toBeInstanceOf(GdError);
    expect(() => makeSpirals({ numClasses: 0 })).toThrow(GdError);
  });
});
