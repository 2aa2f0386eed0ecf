import { describe, expect, it } from 'vitest';
import { CIFAR10_CLASSES, CIFAR10_RECORD_BYTES, parseCifar10 } from '../src/cifar';
import { DatasetError } from '../src/errors';
import { cifarBytes } from './helpers';

describe('parseCifar10', () => {
  it('reads records across parts in order, channels first, pixels byte/255', () => {
    const ds = parseCifar10([{ bytes: cifarBytes(3) }, { bytes: cifarBytes(2, () => 9) }]);
    expect(ds.images.shape).toEqual([5, 3, 32, 32]);
    expect(Array.from(ds.labels.data)).toEqual([0, 1, 2, 9, 9]);
    expect(ds.classNames).toEqual([...CIFAR10_CLASSES]);
    const x = ds.images.data;
    // record 1, green plane (p = 1024 + 5): byte (1 + 1029) mod 256
    expect(x[1 * 3072 + 1024 + 5]).toBe(Math.fround(((1 + 1029) % 256) / 255));
    // record 3 is record 0 of the second part
    expect(x[3 * 3072 + 10]).toBe(Math.fround(10 / 255));
  });

  it('offers channels-last and flat layouts holding the same pixels', () => {
    const bytes = cifarBytes(2);
    const chw = parseCifar10([{ bytes }]).images.data;
    const hwc = parseCifar10([{ bytes }], { layout: 'hwc' });
    expect(hwc.images.shape).toEqual([2, 32, 32, 3]);
    // pixel (r=3, c=4) of record 1, blue
    expect(hwc.images.data[3072 + (3 * 32 + 4) * 3 + 2]).toBe(chw[3072 + 2048 + 3 * 32 + 4]);
    expect(parseCifar10([{ bytes }], { flatten: true }).images.shape).toEqual([2, 3072]);
    expect(() => parseCifar10([{ bytes }], { layout: 'nhwc' as 'hwc' })).toThrow(TypeError);
  });

  it('rejects truncated files and non-CIFAR-10 labels, naming the file', () => {
    const cut = cifarBytes(2).subarray(0, 2 * CIFAR10_RECORD_BYTES - 1);
    expect(() => parseCifar10([{ bytes: cut, file: 'data_batch_1.bin' }])).toThrow(DatasetError);
    expect(() => parseCifar10([{ bytes: cut, file: 'data_batch_1.bin' }])).toThrow(
      /data_batch_1\.bin: 6145 bytes is not a whole number of CIFAR-10 records/,
    );
    expect(() => parseCifar10([{ bytes: new Uint8Array(0), file: 'e.bin' }])).toThrow(
      /e\.bin: 0 bytes/,
    );
    const wrong = cifarBytes(3, (i) => (i === 2 ? 57 : 1));
    expect(() => parseCifar10([{ bytes: wrong, file: 't.bin' }])).toThrow(
      /t\.bin: label byte 57 of record 2/,
    );
  });
});
