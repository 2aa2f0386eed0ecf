import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TypedArray } from '../src/dtype';
import type { BinaryCode, ReduceCode, UnaryCode } from '../src/kernels/backend';
import { jsBackend as k } from '../src/kernels/js';

// Independent scalar definitions of every kernel code (NumPy/PyTorch semantics).
const roundHalfEven = (v: number): number => {
  const f = Math.floor(v);
  const d = v - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
};
const UNARY: Record<UnaryCode, (v: number) => number> = {
  neg: (v) => -v,
  abs: Math.abs,
  sign: Math.sign,
  exp: Math.exp,
  log: Math.log,
  log1p: Math.log1p,
  expm1: Math.expm1,
  sqrt: Math.sqrt,
  rsqrt: (v) => 1 / Math.sqrt(v),
  square: (v) => v * v,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  tanh: Math.tanh,
  sigmoid: (v) => 1 / (1 + Math.exp(-v)),
  // torch.relu: x < 0 ? 0 : x (NaN and −0 pass through).
  // biome-ignore lint/complexity/useMathMinMax: the reference must not reuse the kernel's Math.max/min
  relu: (v) => (Number.isNaN(v) || Object.is(v, -0) ? v : v > 0 ? v : 0),
  floor: Math.floor,
  ceil: Math.ceil,
  round: (v) => (Number.isFinite(v) ? roundHalfEven(v) : v),
  reciprocal: (v) => 1 / v,
  // PyTorch's definition (β = 1, threshold = 20); checked against torch in kernels/scalar.test.ts.
  softplus: (v) => (v > 20 ? v : Math.log1p(Math.exp(v))),
  logicalNot: (v) => (v === 0 ? 1 : 0),
};
const nanOr = (x: number, y: number, f: (x: number, y: number) => number): number =>
  Number.isNaN(x) || Number.isNaN(y) ? Number.NaN : f(x, y);
const BINARY: Record<BinaryCode, (x: number, y: number) => number> = {
  add: (x, y) => x + y,
  sub: (x, y) => x - y,
  mul: (x, y) => x * y,
  div: (x, y) => x / y,
  pow: (x, y) => x ** y,
  // biome-ignore lint/complexity/useMathMinMax: the reference must not reuse the kernel's Math.max/min
  maximum: (x, y) => nanOr(x, y, (p, q) => (p >= q ? p : q)),
  // biome-ignore lint/complexity/useMathMinMax: the reference must not reuse the kernel's Math.max/min
  minimum: (x, y) => nanOr(x, y, (p, q) => (p <= q ? p : q)),
  atan2: Math.atan2,
  hypot: Math.hypot,
  // PyTorch's formula; checked against torch and naive math in kernels/scalar.test.ts.
  logaddexp: (x, y) =>
    nanOr(x, y, (p, q) =>
      p === q && !Number.isFinite(p)
        ? p
        : // biome-ignore lint/complexity/useMathMinMax: the reference must not reuse the kernel's Math.max/min
          (p > q ? p : q) + Math.log1p(Math.exp(-Math.abs(p - q))),
    ),
  equal: (x, y) => +(x === y),
  notEqual: (x, y) => +(x !== y),
  less: (x, y) => +(x < y),
  lessEqual: (x, y) => +(x <= y),
  greater: (x, y) => +(x > y),
  greaterEqual: (x, y) => +(x >= y),
  // NaN is non-zero, hence true, as in PyTorch.
  logicalAnd: (x, y) => +(!(x === 0) && !(y === 0)),
  logicalOr: (x, y) => +(!(x === 0) || !(y === 0)),
};
const COMPARE = new Set<BinaryCode>([
  'equal',
  'notEqual',
  'less',
  'lessEqual',
  'greater',
  'greaterEqual',
  'logicalAnd',
  'logicalOr',
]);

const SPECIAL = [
  0,
  -0,
  1,
  -1,
  0.5,
  -0.5,
  1.5,
  2.5,
  -2.5,
  3.7,
  -3.7,
  100,
  -100,
  1e-30,
  88.5,
  89,
  -104,
  -150,
  700,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

function values(ctor: Float32ArrayConstructor | Float64ArrayConstructor, n = 200): TypedArray {
  const out = new ctor(SPECIAL.length + n);
  out.set(SPECIAL);
  for (let i = 0; i < n; i++) out[SPECIAL.length + i] = Math.sin(i * 12.9898) * 20;
  return out;
}
const INTS = Int32Array.from([0, 1, -1, 2, -2, 3, 7, -7, 100, -100, 46340, -46341]);

/** Ulps of float32 between two values (0 when both are NaN or equal). */
function ulps32(x: number, y: number): number {
  if (Object.is(x, y) || (Number.isNaN(x) && Number.isNaN(y))) return 0;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return Number.POSITIVE_INFINITY;
  const f = new Float32Array([x, y]);
  const i = new Int32Array(f.buffer);
  const ord = (v: number) => (v < 0 ? 0x80000000 - v : v);
  return Math.abs(ord(i[0]) - ord(i[1]));
}

/** Expects `got` to be the reference rounded to `got`'s type, allowing `maxUlps` for float32. */
function expectRounded(got: TypedArray, ref: number[], label: string, maxUlps = 0): void {
  const want = new (got.constructor as new (n: number) => TypedArray)(ref.length);
  for (let i = 0; i < ref.length; i++) want[i] = ref[i];
  for (let i = 0; i < ref.length; i++) {
    const ok =
      maxUlps > 0
        ? ulps32(got[i], want[i]) <= maxUlps
        : Object.is(got[i], want[i]) ||
          (Number.isNaN(got[i]) && Number.isNaN(want[i])) ||
          (got[i] === 0 && want[i] === 0);
    if (!ok) throw new Error(`${label}: element ${i} is ${got[i]}, expected ${want[i]}`);
  }
}

const UNARY_CODES = Object.keys(UNARY) as UnaryCode[];
const BINARY_CODES = Object.keys(BINARY) as BinaryCode[];

describe('jsBackend.unary', () => {
  it('matches the scalar definitions on float64 and float32, special values included', () => {
    for (const ctor of [Float64Array, Float32Array]) {
      const x = values(ctor);
      for (const code of UNARY_CODES) {
        const out = code === 'logicalNot' ? new Uint8Array(x.length) : new ctor(x.length);
        k.unary(code, x, out);
        // sigmoid is evaluated in a different (overflow-safe) form: allow float64 rounding.
        if (code === 'sigmoid' && ctor === Float64Array) {
          const ref = [...x].map(UNARY.sigmoid);
          for (let i = 0; i < x.length; i++)
            if (Number.isNaN(ref[i])) expect(out[i]).toBeNaN();
            else expect(Math.abs(out[i] - ref[i])).toBeLessThanOrEqual(1e-15 * Math.abs(ref[i]));
        } else {
          // float32 exp, σ and tanh use their own polynomial: within 1 ulp of the rounded value.
          const ulp = ctor === Float32Array && ['exp', 'sigmoid', 'tanh'].includes(code) ? 1 : 0;
          expectRounded(out, [...x].map(UNARY[code]), `${code} ${ctor.name}`, ulp);
        }
      }
    }
  });

  it('handles int32 inputs with the generic loops', () => {
    for (const code of ['neg', 'abs', 'sign', 'square', 'relu', 'floor', 'ceil'] as UnaryCode[]) {
      const out = new Int32Array(INTS.length);
      k.unary(code, INTS, out);
      expectRounded(out, [...INTS].map(UNARY[code]), `${code} int32`);
    }
  });

  it('specialised float loops agree with the generic ones (mixed array kinds)', () => {
    const x = values(Float32Array);
    for (const code of UNARY_CODES) {
      if (code === 'logicalNot') continue;
      const fast = new Float32Array(x.length);
      const generic = new Float64Array(x.length);
      k.unary(code, x, fast);
      k.unary(code, x, generic);
      const ulp = ['exp', 'sigmoid', 'tanh'].includes(code) ? 1 : 0;
      expectRounded(fast, [...generic], `${code} f32 vs generic`, ulp);
    }
  });
});

describe('jsBackend.binary and binaryScalar', () => {
  it('matches the scalar definitions for every code on float64, float32 and int32', () => {
    const cases: [TypedArray, TypedArray][] = [
      [values(Float64Array), values(Float64Array).reverse()],
      [values(Float32Array), values(Float32Array).reverse()],
      [INTS, INTS.slice().reverse()],
    ];
    for (const [a, b] of cases) {
      const name = a.constructor.name;
      for (const code of BINARY_CODES) {
        if (code === 'pow' && a instanceof Int32Array) continue;
        const out = COMPARE.has(code)
          ? new Uint8Array(a.length)
          : new (a.constructor as new (n: number) => TypedArray)(a.length);
        k.binary(code, a, b, out);
        const ref = [...a].map((v, i) => BINARY[code](v, b[i]));
        expectRounded(out, ref, `${code} ${name}`);
      }
    }
  });

  it('with a scalar on either side equals the array kernel on a filled array', () => {
    for (const ctor of [Float64Array, Float32Array]) {
      const a = values(ctor);
      for (const s of [2, -0.5, 0, Number.NaN, Number.POSITIVE_INFINITY]) {
        for (const code of BINARY_CODES) {
          for (const left of [false, true]) {
            const outType = COMPARE.has(code) ? Uint8Array : ctor;
            const got = new outType(a.length);
            k.binaryScalar(code, a, s, got, left);
            const ref = [...a].map((v) => (left ? BINARY[code](s, v) : BINARY[code](v, s)));
            expectRounded(got, ref, `${code} ${ctor.name} scalar ${s} left=${left}`);
          }
        }
      }
    }
  });
});

describe('jsBackend.reduce', () => {
  const REF: Record<ReduceCode, (xs: number[]) => number> = {
    sum: (xs) => xs.reduce((p, q) => p + q, 0),
    prod: (xs) => xs.reduce((p, q) => p * q, 1),
    max: (xs) => (xs.some(Number.isNaN) ? Number.NaN : Math.max(...xs)),
    min: (xs) => (xs.some(Number.isNaN) ? Number.NaN : Math.min(...xs)),
  };

  it('reduces contiguous rows like the definitions, for any row length (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 23 }),
        fc.constantFrom<Float32ArrayConstructor | Float64ArrayConstructor>(
          Float32Array,
          Float64Array,
        ),
        fc.constantFrom<ReduceCode>('sum', 'prod', 'max', 'min'),
        fc.integer({ min: 0, max: 1000 }),
        (outer, inner, ctor, code, seed) => {
          const x = new ctor(outer * inner);
          for (let i = 0; i < x.length; i++) x[i] = Math.sin((i + seed) * 7.1) * 3;
          const out = new ctor(outer);
          k.reduce(code, x, outer, inner, out);
          for (let o = 0; o < outer; o++) {
            const want = REF[code]([...x.subarray(o * inner, (o + 1) * inner)]);
            expect(Math.abs(out[o] - want)).toBeLessThanOrEqual(
              (ctor === Float32Array ? 2e-7 : 1e-14) * Math.max(1, Math.abs(want)),
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('propagates NaN through max and min, and sums empty rows to 0', () => {
    for (const ctor of [Float32Array, Float64Array, Int32Array]) {
      const x = new ctor([1, 5, 2, 3]);
      const out = new ctor(2);
      k.reduce('max', x, 2, 2, out);
      expect([...out]).toEqual([5, 3]);
      k.reduce('min', x, 2, 2, out);
      expect([...out]).toEqual([1, 2]);
      k.reduce('sum', new ctor(0), 2, 0, out);
      expect([...out]).toEqual([0, 0]);
    }
    for (const ctor of [Float32Array, Float64Array]) {
      const x = new ctor([1, Number.NaN, 9, -1, 0, Number.NEGATIVE_INFINITY]);
      const out = new ctor(2);
      k.reduce('max', x, 2, 3, out);
      expect(out[0]).toBeNaN();
      expect(out[1]).toBe(0);
      k.reduce('min', x, 2, 3, out);
      expect(out[0]).toBeNaN();
      expect(out[1]).toBe(Number.NEGATIVE_INFINITY);
    }
  });
});
