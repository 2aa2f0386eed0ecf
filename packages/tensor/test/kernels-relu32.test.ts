import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reluF32 } from '../src/kernels/relu32';

/** torch.relu's definition, applied to the float32 value. */
// biome-ignore lint/complexity/useMathMinMax: Math.max(−0, 0) is +0; torch.relu keeps −0
const relu = (v: number): number => (v < 0 ? 0 : v);

describe('reluF32', () => {
  it('is x < 0 ? 0 : x bit for bit on every float32 class (NaN payloads kept from 32 elements on)', () => {
    const bits = new Int32Array([
      0x00000000, // +0
      0x80000000 | 0, // −0
      0x00000001, // least subnormal
      0x80000001 | 0, // −least subnormal
      0x007fffff, // largest subnormal
      0x807fffff | 0,
      0x3f800000, // 1
      0xbf800000 | 0, // −1
      0x7f7fffff, // FLT_MAX
      0xff7fffff | 0, // −FLT_MAX
      0x7f800000, // +∞
      0xff800000 | 0, // −∞
      0x7fc00000, // NaN
      0xffc00000 | 0, // −NaN
      0x7f800001, // signalling-pattern NaN
      0xff800001 | 0, // negative NaN just past −∞
    ]);
    // Once as is (the short loop) and tiled to 64 elements (the bit-pattern loop).
    for (const reps of [1, 4]) {
      const xb = new Int32Array(bits.length * reps);
      for (let r = 0; r < reps; r++) xb.set(bits, r * bits.length);
      const x = new Float32Array(xb.buffer);
      const out = new Float32Array(x.length);
      reluF32(x, out);
      const ob = new Int32Array(out.buffer);
      for (let i = 0; i < x.length; i++) {
        const label = `bits 0x${(xb[i] >>> 0).toString(16)} (n = ${x.length})`;
        // The short loop goes through float64, which may quiet a signalling NaN's payload.
        if (Number.isNaN(x[i]) && reps === 1) expect(out[i], label).toBeNaN();
        else {
          const want = Number.isNaN(x[i])
            ? xb[i]
            : new Int32Array(Float32Array.of(relu(x[i])).buffer)[0];
          expect(ob[i], label).toBe(want);
        }
      }
    }
  });

  it('agrees with the definition on random float32 arrays, subarray views included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ noDefaultInfinity: false }), { maxLength: 100 }),
        fc.nat(3),
        (vals, off) => {
          const buf = new Float32Array(vals.length + off);
          buf.set(vals, off);
          const x = buf.subarray(off);
          const out = new Float32Array(vals.length + 1).subarray(1);
          reluF32(x, out);
          for (let i = 0; i < x.length; i++) {
            const w = relu(x[i]);
            if (Number.isNaN(w)) expect(out[i]).toBeNaN();
            else expect(Object.is(out[i], w)).toBe(true);
          }
        },
      ),
    );
  });
});
