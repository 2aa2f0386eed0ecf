/**
 * jax-js (`@jax-js/jax`) on its WebAssembly device, the way its users write code: `jit` for
 * fused, compiled steps, `valueAndGrad` for gradients, explicit reference counting (`.ref`
 * keeps an array alive across a use; every call consumes its arguments).
 */
import {
  type Array as JArray,
  defaultDevice,
  init,
  jit,
  nn,
  numpy as np,
  valueAndGrad,
} from '@jax-js/jax';
import type { MlpConfig } from './mlp';

/** Starts jax-js's wasm device; false (with the reason logged) when it cannot start. */
export async function loadJax(log: (m: string) => void): Promise<boolean> {
  try {
    const devices = await init('wasm');
    if (!devices.includes('wasm')) throw new Error(`devices: ${devices.join(', ')}`);
    defaultDevice('wasm');
    return true;
  } catch (e) {
    log(`jax-js: skipped (${e instanceof Error ? e.message : String(e)})`);
    return false;
  }
}

/** A jitted `op(A)·op(B)` on N×N float32 matrices; each call computes and waits for C. */
export function jaxMatmul(
  a: Float32Array,
  b: Float32Array,
  n: number,
  transA: boolean,
  transB: boolean,
): { run: () => Promise<void>; result: () => Float32Array; dispose: () => void } {
  const A = np.array(a).reshape([n, n]);
  const B = np.array(b).reshape([n, n]);
  const f = jit((x: JArray, y: JArray) =>
    np.matmul(transA ? x.transpose() : x, transB ? y.transpose() : y),
  );
  return {
    run: async () => {
      const c = f(A.ref, B.ref);
      await c.blockUntilReady();
      c.dispose();
    },
    result: () => f(A.ref, B.ref).dataSync() as Float32Array,
    dispose: () => {
      A.dispose();
      B.dispose();
      f.dispose();
    },
  };
}

/** jitted exp(x)·x + 1 (fused into one kernel by `jit`). */
export function jaxExpMulAdd(data: Float32Array): {
  run: () => Promise<void>;
  result: () => Float32Array;
  dispose: () => void;
} {
  const x = np.array(data);
  const f = jit((v: JArray) => np.exp(v.ref).mul(v).add(1));
  return {
    run: async () => {
      const y = f(x.ref);
      await y.blockUntilReady();
      y.dispose();
    },
    result: () => f(x.ref).dataSync() as Float32Array,
    dispose: () => {
      x.dispose();
      f.dispose();
    },
  };
}

type Params = { w: JArray[]; b: JArray[] };

/**
 * One jitted training step of the MLP: forward, mean cross-entropy, gradients, and the SGD or
 * Adam (PyTorch's formula) update, all inside `jit`; state is threaded through as arrays.
 */
export function jaxMlpStep(
  cfg: MlpConfig,
  x: Float32Array,
  y: Int32Array,
): { run: () => Promise<number>; dispose: () => void } {
  const L = cfg.sizes.length - 1;
  const classes = cfg.sizes[L];
  const X = np.array(x).reshape([cfg.batch, cfg.sizes[0]]);
  const Y = nn.oneHot(np.array(y, { dtype: np.int32 }), classes);
  let seed = 1;
  const uniform = (n: number, bound: number) => {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      out[i] = (2 * (seed / 4294967296) - 1) * bound;
    }
    return out;
  };
  let params: Params = { w: [], b: [] };
  for (let l = 0; l < L; l++) {
    const fanIn = cfg.sizes[l];
    const fanOut = cfg.sizes[l + 1];
    const bound = 1 / Math.sqrt(fanIn);
    params.w.push(np.array(uniform(fanIn * fanOut, bound)).reshape([fanIn, fanOut]));
    params.b.push(np.array(uniform(fanOut, bound)));
  }
  const zerosLike = (p: Params): Params => ({
    w: p.w.map((w) => np.zerosLike(w.ref)),
    b: p.b.map((b) => np.zerosLike(b.ref)),
  });
  let m = zerosLike(params);
  let v = zerosLike(params);
  const act = cfg.activation === 'relu' ? nn.relu : nn.sigmoid;
  const lossFn = (p: Params, xs: JArray, ys: JArray): JArray => {
    let h = xs;
    for (let l = 0; l < L; l++) {
      h = np.matmul(h, p.w[l]).add(p.b[l]);
      if (l < L - 1) h = act(h);
    }
    return nn
      .logSoftmax(h)
      .mul(ys)
      .sum()
      .mul(-1 / cfg.batch);
  };
  const vg = valueAndGrad(lossFn);
  const lr = cfg.lr;
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  const sgd = jit((p: Params, xs: JArray, ys: JArray) => {
    const [loss, g] = vg(tree(p), xs, ys);
    const upd = (a: JArray, ga: JArray) => a.sub(ga.mul(lr));
    return [loss, { w: p.w.map((w, i) => upd(w, g.w[i])), b: p.b.map((b, i) => upd(b, g.b[i])) }];
  });
  const adam = jit(
    (p: Params, mm: Params, vv: Params, step: JArray, bc2sqrt: JArray, xs: JArray, ys: JArray) => {
      const [loss, g] = vg(tree(p), xs, ys);
      const one = (a: JArray, ma: JArray, va: JArray, ga: JArray): [JArray, JArray, JArray] => {
        const m1 = ma.mul(b1).add(ga.ref.mul(1 - b1));
        const v1 = va.mul(b2).add(ga.ref.mul(ga).mul(1 - b2));
        const den = np.sqrt(v1.ref).div(bc2sqrt.ref).add(eps);
        const a1 = a.sub(m1.ref.mul(step.ref).div(den));
        return [a1, m1, v1];
      };
      const w = p.w.map((w, i) => one(w, mm.w[i], vv.w[i], g.w[i]));
      const b = p.b.map((b, i) => one(b, mm.b[i], vv.b[i], g.b[i]));
      step.dispose();
      bc2sqrt.dispose();
      const pick = (k: 0 | 1 | 2): Params => ({ w: w.map((t) => t[k]), b: b.map((t) => t[k]) });
      return [loss, pick(0), pick(1), pick(2)];
    },
  );
  let t = 0;
  const run = async (): Promise<number> => {
    let loss: JArray;
    if (cfg.optimizer === 'sgd') {
      const out = sgd(params, X.ref, Y.ref) as unknown as [JArray, Params];
      loss = out[0];
      params = out[1];
    } else {
      t++;
      const stepSize = np.array([lr / (1 - b1 ** t)]);
      const bc2 = np.array([Math.sqrt(1 - b2 ** t)]);
      const out = adam(params, m, v, stepSize, bc2, X.ref, Y.ref) as unknown as [
        JArray,
        Params,
        Params,
        Params,
      ];
      [loss, params, m, v] = out;
    }
    const d = await loss.data();
    return d[0];
  };
  const dispose = () => {
    for (const s of [params, m, v]) for (const a of [...s.w, ...s.b]) a.dispose();
    X.dispose();
    Y.dispose();
    sgd.dispose();
    adam.dispose();
  };
  return { run, dispose };
}

/** Takes a reference to every array of a parameter tree (so it survives being consumed). */
function tree(p: Params): Params {
  return { w: p.w.map((w) => w.ref), b: p.b.map((b) => b.ref) };
}
