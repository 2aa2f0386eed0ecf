import { Generator, tensor } from '@gd/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CheckpointError } from '../src/checkpoint';
import { mlp } from '../src/mlp';
import {
  SAFETENSORS_MAX_HEADER_BYTES,
  type SafetensorsDType,
  fromSafetensors,
  toSafetensors,
} from '../src/safetensors';
import type { StateDict } from '../src/state-dict';

const state: StateDict = {
  '0.weight': { shape: [2, 3], dtype: 'float64', data: [0.1, -2.5, 1e-300, 3, Math.PI, -0] },
  '0.bias': { shape: [2], dtype: 'float32', data: [Math.fround(0.1), Math.fround(-7.25)] },
  '1.num_batches_tracked': { shape: [], dtype: 'int32', data: [42], fileDtype: 'I64' },
  mask: { shape: [3], dtype: 'bool', data: [1, 0, 1] },
  ids: { shape: [2], dtype: 'int32', data: [-5, 2147483647] },
  odd: {
    shape: [3],
    dtype: 'float64',
    data: [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
  },
};

/** Builds a safetensors file from a raw header object and data bytes (for malformed cases). */
function rawFile(header: unknown, data: Uint8Array | number = 0, pad = true): Uint8Array {
  let json = typeof header === 'string' ? header : JSON.stringify(header);
  if (pad) while ((8 + json.length) % 8 !== 0) json += ' ';
  const h = new TextEncoder().encode(json);
  const body = typeof data === 'number' ? new Uint8Array(data) : data;
  const out = new Uint8Array(8 + h.length + body.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(h.length), true);
  out.set(h, 8);
  out.set(body, 8 + h.length);
  return out;
}

function headerOf(bytes: Uint8Array): { n: number; json: string } {
  const n = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0, true));
  return { n, json: new TextDecoder().decode(bytes.subarray(8, 8 + n)) };
}

describe('toSafetensors', () => {
  it('writes the spec layout: u64 LE length, space-padded JSON, contiguous LE data', () => {
    const bytes = toSafetensors(state, { epoch: '3' });
    const { n, json } = headerOf(bytes);
    expect((8 + n) % 8).toBe(0);
    expect(json.trimEnd().length).toBeLessThanOrEqual(n);
    expect(json.slice(json.trimEnd().length)).toMatch(/^ *$/);
    const header = JSON.parse(json);
    expect(header.__metadata__).toEqual({ epoch: '3' });
    expect(header['0.weight']).toEqual({ dtype: 'F64', shape: [2, 3], data_offsets: [0, 48] });
    expect(header['1.num_batches_tracked'].dtype).toBe('I64');
    expect(header['0.bias'].dtype).toBe('F32');
    expect(header.mask.dtype).toBe('BOOL');
    expect(header.ids.dtype).toBe('I32');
    // Widest first: F64, F64, I64 (8 bytes), then F32, I32 (4), then BOOL (1); each aligned.
    const spans = Object.entries(header)
      .filter(([k]) => k !== '__metadata__')
      .map(([, e]) => e as { data_offsets: [number, number]; dtype: string })
      .sort((a, b) => a.data_offsets[0] - b.data_offsets[0]);
    let cursor = 0;
    for (const e of spans) {
      expect(e.data_offsets[0]).toBe(cursor);
      const width = { F64: 8, I64: 8, F32: 4, I32: 4, BOOL: 1 }[e.dtype] as number;
      expect(e.data_offsets[0] % width).toBe(0);
      cursor = e.data_offsets[1];
    }
    expect(bytes.length).toBe(8 + n + cursor);
    // Little-endian values where the header says.
    const view = new DataView(bytes.buffer, 8 + n);
    const [b0] = header['1.num_batches_tracked'].data_offsets;
    expect(view.getBigInt64(b0, true)).toBe(42n);
    expect(view.getFloat64(header['0.weight'].data_offsets[0] + 8, true)).toBe(-2.5);
  });

  it('omits __metadata__ when there is none, and refuses non-string metadata and reserved names', () => {
    expect(JSON.parse(headerOf(toSafetensors({})).json)).toEqual({});
    expect(() => toSafetensors(state, { epoch: 3 as unknown as string })).toThrow(
      /metadata 'epoch' is a number.*strings only/,
    );
    expect(() =>
      toSafetensors({ __metadata__: { shape: [], dtype: 'float32', data: [1] } }),
    ).toThrow(CheckpointError);
  });

  it('refuses values that do not fit the file dtype', () => {
    expect(() =>
      toSafetensors({ c: { shape: [1], dtype: 'int32', data: [300], fileDtype: 'U8' } }),
    ).toThrow(/outside U8's range/);
    expect(() =>
      toSafetensors({ c: { shape: [1], dtype: 'float32', data: [1.5], fileDtype: 'I64' } }),
    ).toThrow(/float32 values, which cannot be written as I64/);
  });
});

describe('fromSafetensors', () => {
  it('round-trips a state dict bit-exactly, with its metadata', () => {
    const { state: back, metadata } = fromSafetensors(toSafetensors(state, { a: 'b' }));
    expect(metadata).toEqual({ a: 'b' });
    expect(back).toEqual(state);
    expect(Object.is(back['0.weight'].data[5], -0)).toBe(true);
    expect(Object.keys(back)).toEqual(Object.keys(state));
  });

  it('round-trips a module: a fresh one loads it and computes the same outputs', () => {
    const a = mlp([4, 6, 3], { batchNorm: true, generator: new Generator(3) });
    const x = tensor([
      [1, 2, 3, 4],
      [0.5, -1, 2, 0],
      [3, 3, -3, 1],
    ]);
    a.forward(x);
    const b = mlp([4, 6, 3], { batchNorm: true, generator: new Generator(4) });
    b.loadStateDict(fromSafetensors(toSafetensors(a.stateDict())).state);
    expect(Array.from(b.eval().forward(x).value.data)).toEqual(
      Array.from(a.eval().forward(x).value.data),
    );
  });

  it('round-trips arbitrary float64/float32/int32 tensors (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double(), { maxLength: 20 }),
        fc.array(fc.float(), { maxLength: 20 }),
        fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 20 }),
        (f64, f32, i32) => {
          const s: StateDict = {
            a: { shape: [f64.length], dtype: 'float64', data: f64 },
            b: { shape: [f32.length], dtype: 'float32', data: f32 },
            c: { shape: [1, i32.length], dtype: 'int32', data: i32 },
          };
          const back = fromSafetensors(toSafetensors(s)).state;
          expect(back.a.data.map(String)).toEqual(f64.map(String));
          expect(back.b.data.map(String)).toEqual(f32.map(String));
          expect(back.c).toEqual(s.c);
        },
      ),
    );
  });

  it('reads every integer type into int32 and writes it back as it was', () => {
    const cases: [
      SafetensorsDType,
      number[],
      (v: DataView, i: number, x: number) => void,
      number,
    ][] = [
      ['U8', [0, 255, 7], (v, i, x) => v.setUint8(i, x), 1],
      ['I8', [-128, 127, 0], (v, i, x) => v.setInt8(i, x), 1],
      ['U16', [0, 65535, 9], (v, i, x) => v.setUint16(i * 2, x, true), 2],
      ['I16', [-32768, 32767, -1], (v, i, x) => v.setInt16(i * 2, x, true), 2],
      ['U32', [0, 2147483647, 5], (v, i, x) => v.setUint32(i * 4, x, true), 4],
      ['U64', [0, 2147483647, 5], (v, i, x) => v.setBigUint64(i * 8, BigInt(x), true), 8],
      ['I64', [-2147483648, 2147483647, -3], (v, i, x) => v.setBigInt64(i * 8, BigInt(x), true), 8],
    ];
    for (const [dtype, values, set, size] of cases) {
      const data = new Uint8Array(values.length * size);
      for (const [i, x] of values.entries()) set(new DataView(data.buffer), i, x);
      const file = rawFile({ t: { dtype, shape: [3], data_offsets: [0, data.length] } }, data);
      const { state: s } = fromSafetensors(file);
      expect(s.t).toEqual({ shape: [3], dtype: 'int32', data: values, fileDtype: dtype });
      const again = toSafetensors(s);
      expect(again.subarray(again.length - data.length)).toEqual(data);
      expect(JSON.parse(headerOf(again).json).t.dtype).toBe(dtype);
    }
  });

  it('refuses 64-bit integers beyond int32 with a typed error', () => {
    const data = new Uint8Array(8);
    new DataView(data.buffer).setBigInt64(0, 2n ** 40n, true);
    const file = rawFile({ big: { dtype: 'I64', shape: [1], data_offsets: [0, 8] } }, data);
    expect(() => fromSafetensors(file)).toThrow(/'big' \(I64\) holds 1099511627776 at 0/);
  });

  it('widens F16 and BF16 exactly to float32', () => {
    // F16: 1, -2, 65504 (max), 2^-24 (smallest subnormal), Inf, NaN; BF16: 1, -3.140625, 1e38-ish
    const f16 = [0x3c00, 0xc000, 0x7bff, 0x0001, 0x7c00, 0x7e00];
    const bf16 = [0x3f80, 0xc049, 0x7e96];
    const data = new Uint8Array(2 * (f16.length + bf16.length));
    const v = new DataView(data.buffer);
    for (const [i, h] of [...f16, ...bf16].entries()) v.setUint16(2 * i, h, true);
    const file = rawFile(
      {
        h: { dtype: 'F16', shape: [6], data_offsets: [0, 12] },
        b: { dtype: 'BF16', shape: [3], data_offsets: [12, 18] },
      },
      data,
    );
    const { state: s } = fromSafetensors(file);
    expect(s.h.dtype).toBe('float32');
    expect(s.h.data).toEqual([1, -2, 65504, 2 ** -24, Number.POSITIVE_INFINITY, Number.NaN]);
    const f = new DataView(new ArrayBuffer(4));
    const bfExpect = bf16.map((h) => {
      f.setUint32(0, h << 16);
      return f.getFloat32(0);
    });
    expect(s.b.data).toEqual(bfExpect);
    expect(s.b.data[1]).toBe(-3.140625);
  });

  const bad: [string, Uint8Array, RegExp][] = [
    ['a file shorter than 8 bytes', new Uint8Array(5), /cannot hold the 8-byte header length/],
    [
      'a header length beyond the file',
      (() => {
        const b = rawFile({});
        new DataView(b.buffer).setBigUint64(0, 1000n, true);
        return b;
      })(),
      /truncated file/,
    ],
    [
      'a header over 100 MB',
      (() => {
        const b = new Uint8Array(16);
        new DataView(b.buffer).setBigUint64(0, BigInt(SAFETENSORS_MAX_HEADER_BYTES + 1), true);
        return b;
      })(),
      /exceeds the 100000000-byte limit/,
    ],
    ['bad JSON', rawFile('{"a": [1, 2'), /not valid JSON/],
    ['a header that is not an object', rawFile('[1, 2, 3]'), /JSON object/],
    [
      'invalid UTF-8',
      (() => {
        const b = rawFile('{"?": 1}');
        b[10] = 0xff; // the '?'
        return b;
      })(),
      /not valid UTF-8/,
    ],
    [
      'a duplicate name',
      rawFile(
        '{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"w":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}',
        8,
      ),
      /names 'w' twice/,
    ],
    [
      'overlapping offsets',
      rawFile(
        {
          a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] },
          b: { dtype: 'F32', shape: [2], data_offsets: [4, 12] },
        },
        12,
      ),
      /overlaps/,
    ],
    [
      'offsets beyond the data',
      rawFile({ a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } }, 4),
      /outside the 4-byte data section/,
    ],
    [
      'a hole between tensors',
      rawFile(
        {
          a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] },
          b: { dtype: 'F32', shape: [1], data_offsets: [8, 12] },
        },
        12,
      ),
      /bytes 4–8 of the data section belong to no tensor/,
    ],
    [
      'trailing bytes after the last tensor',
      rawFile({ a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, 8),
      /has 8 bytes but the tensors cover 4/,
    ],
    [
      'a size that disagrees with the shape',
      rawFile({ a: { dtype: 'F32', shape: [3], data_offsets: [0, 8] } }, 8),
      /needs 12 bytes/,
    ],
    [
      'an unknown dtype',
      rawFile({ a: { dtype: 'F8_E4M3', shape: [1], data_offsets: [0, 1] } }, 1),
      /dtype "F8_E4M3", which gd does not read/,
    ],
    [
      'a negative shape',
      rawFile({ a: { dtype: 'F32', shape: [-1], data_offsets: [0, 0] } }),
      /invalid shape/,
    ],
    [
      'non-string metadata',
      rawFile({ __metadata__: { epoch: 3 } }),
      /'__metadata__' value 'epoch' must be a string/,
    ],
    [
      'reversed offsets',
      rawFile({ a: { dtype: 'F32', shape: [0], data_offsets: [4, 0] } }, 4),
      /outside/,
    ],
  ];
  for (const [what, bytes, message] of bad) {
    it(`refuses ${what} with a CheckpointError`, () => {
      expect(() => fromSafetensors(bytes)).toThrow(CheckpointError);
      expect(() => fromSafetensors(bytes)).toThrow(message);
    });
  }

  it('refuses something that is not bytes', () => {
    expect(() => fromSafetensors('{}' as never)).toThrow(/expected the file's bytes/);
  });

  it('accepts an unpadded header and zero-size tensors, as other writers produce', () => {
    const file = rawFile(
      {
        e: { dtype: 'F32', shape: [0, 3], data_offsets: [0, 0] },
        a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] },
      },
      new Uint8Array([0, 0, 0x80, 0x3f]),
      false,
    );
    expect(fromSafetensors(file).state).toEqual({
      e: { shape: [0, 3], dtype: 'float32', data: [] },
      a: { shape: [1], dtype: 'float32', data: [1] },
    });
  });
});
