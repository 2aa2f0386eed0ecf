import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  ChainedScheduler,
  ConstantLR,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  CyclicLR,
  ExponentialLR,
  LambdaLR,
  LinearLR,
  type LRScheduler,
  MultiplicativeLR,
  MultiStepLR,
  OneCycleLR,
  type OptimizerLike,
  PolynomialLR,
  ReduceLROnPlateau,
  type Scheduler,
  type SchedulerState,
  SequentialLR,
  StepLR,
} from '../src/index.js';

/** Same functions as LAMBDAS in fixtures/gen_schedules.py. */
export const LAMBDAS: Record<string, (x: number) => number> = {
  pow095: (e) => 0.95 ** e,
  floordiv30: (e) => Math.floor(e / 30),
  warmup10: (e) => Math.min(1.0, (e + 1) / 10),
  mul098: () => 0.98,
  mulEvery10: (e) => (e % 10 === 0 ? 0.9 : 1.0),
  halfPow: (x) => 0.5 ** x,
  invLinear: (x) => 1.0 / (1.0 + 0.01 * x),
};

export interface GroupView {
  lr: number;
  momentum?: number;
  betas?: number[];
  initialLr?: number;
}

export interface SubSpec {
  scheduler: string;
  options: Record<string, unknown>;
}

export interface GoldenCase {
  name: string;
  scheduler: string;
  optimizer: 'sgd' | 'adam' | 'plain';
  options: Record<string, unknown>;
  groupsBefore: GroupView[];
  /** null: step(); number: step(epoch) or the metric; 'resume': rebuild with lastEpoch. */
  calls: (number | null | 'resume')[];
  lr: number[][];
  lastLr: (number[] | null)[];
  momentum: number[][] | null;
  groupsAfter: GroupView[];
  schedulers?: SubSpec[];
  lastEpoch?: number;
}

const data = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'schedules.json'), 'utf8'),
) as { torch: string; steps: number; cases: GoldenCase[] };

export const TOLERANCE = 1e-12;

/** Golden cases for one scheduler class. */
export function casesFor(scheduler: string): GoldenCase[] {
  const cases = data.cases.filter((c) => c.scheduler === scheduler);
  if (cases.length === 0) throw new Error(`no golden cases for ${scheduler}`);
  return cases;
}

/** A fresh dummy optimizer with the case's groups (deep copies). */
export function makeOptimizer(c: GoldenCase): OptimizerLike & { paramGroups: GroupView[] } {
  return { paramGroups: c.groupsBefore.map((g) => structuredClone(g)) };
}

function resolveOptions(options: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) {
    if (k === 'lrLambda' || k === 'scaleFn') {
      out[k] = Array.isArray(v) ? v.map((name) => LAMBDAS[name as string]) : LAMBDAS[v as string];
    } else {
      out[k] = v;
    }
  }
  return out;
}

// biome-ignore lint/suspicious/noExplicitAny: a table of constructors with different option types
const CLASSES: Record<string, new (opt: OptimizerLike, options: any) => Scheduler> = {
  LambdaLR,
  MultiplicativeLR,
  StepLR,
  MultiStepLR,
  ConstantLR,
  LinearLR,
  ExponentialLR,
  PolynomialLR,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  CyclicLR,
  OneCycleLR,
  ReduceLROnPlateau,
};

function buildOne(opt: OptimizerLike, spec: SubSpec): Scheduler {
  const Cls = CLASSES[spec.scheduler];
  if (!Cls) throw new Error(`unknown scheduler ${spec.scheduler}`);
  return new Cls(opt, resolveOptions(spec.options));
}

/** Constructs the case's scheduler on `opt`, as the generator did. */
export function build(
  c: GoldenCase,
  opt: OptimizerLike,
  extra: Record<string, unknown> = {},
): Scheduler {
  if (c.scheduler === 'SequentialLR') {
    const subs = (c.schedulers ?? []).map((s) => buildOne(opt, s) as LRScheduler);
    return new SequentialLR(opt, { schedulers: subs, ...(c.options as { milestones: number[] }) });
  }
  if (c.scheduler === 'ChainedScheduler') {
    const subs = (c.schedulers ?? []).map((s) => buildOne(opt, s) as LRScheduler);
    return new ChainedScheduler(subs);
  }
  return buildOne(opt, { scheduler: c.scheduler, options: { ...c.options, ...extra } });
}

/**
 * Performs one recorded call and returns the scheduler to use from now on ('resume' builds a
 * new one with `lastEpoch` = the old one's, as the generator does).
 */
export function call(
  c: GoldenCase,
  opt: OptimizerLike,
  sched: Scheduler,
  arg: number | null | 'resume',
): Scheduler {
  if (arg === 'resume') return build(c, opt, { lastEpoch: (sched as LRScheduler).lastEpoch });
  if (sched instanceof ReduceLROnPlateau) sched.step(arg as number);
  else if (arg === null) (sched as LRScheduler).step();
  else (sched as LRScheduler).step(arg);
  return sched;
}

function momentumOf(g: GroupView): number | null {
  if (g.betas) return g.betas[0];
  return g.momentum ?? null;
}

let worst = 0;
/** Largest |gd − PyTorch| seen by {@link expectRow} in this test file. */
export function worstDeviation(): number {
  return worst;
}

/** Asserts two rows agree to {@link TOLERANCE}, tracking the worst deviation. */
export function expectRow(
  actual: readonly number[],
  expected: readonly number[],
  what: string,
): void {
  expect(actual.length, what).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(actual[i] - expected[i]);
    if (d > worst) worst = d;
    if (!(d <= TOLERANCE)) {
      expect.fail(`${what}[${i}]: got ${actual[i]}, PyTorch ${expected[i]} (|Δ| = ${d})`);
    }
  }
}

/** Checks the state right after call `k` (k = 0: after construction) against the golden row. */
export function expectAt(
  c: GoldenCase,
  opt: { paramGroups: GroupView[] },
  sched: Scheduler,
  k: number,
): void {
  expectRow(
    opt.paramGroups.map((g) => g.lr),
    c.lr[k],
    `${c.name}: lr after call ${k}`,
  );
  const last = c.lastLr[k];
  if (last !== null) expectRow(sched.getLastLr(), last, `${c.name}: getLastLr after call ${k}`);
  if (c.momentum !== null) {
    expectRow(
      opt.paramGroups.map((g) => momentumOf(g) ?? Number.NaN),
      c.momentum[k],
      `${c.name}: momentum after call ${k}`,
    );
  }
}

/** Runs a whole case and compares every step, the final lastEpoch and the groups' bookkeeping. */
export function runGolden(c: GoldenCase): void {
  const opt = makeOptimizer(c);
  let sched = build(c, opt);
  expectAt(c, opt, sched, 0);
  c.calls.forEach((arg, k) => {
    sched = call(c, opt, sched, arg);
    expectAt(c, opt, sched, k + 1);
  });
  if (c.lastEpoch !== undefined) {
    expect((sched as unknown as { lastEpoch: number }).lastEpoch).toBe(c.lastEpoch);
  }
  c.groupsAfter.forEach((g, i) => {
    if (g.initialLr !== undefined) {
      expectRow(
        [opt.paramGroups[i].initialLr ?? Number.NaN],
        [g.initialLr],
        `${c.name}: initialLr[${i}]`,
      );
    }
  });
}

/**
 * Runs half the case, saves `stateDict()` through JSON, restores it into a scheduler built on a
 * fresh optimizer (whose groups are restored too, as `opt.loadStateDict` would), finishes the
 * run there and compares with PyTorch.
 */
export function runRoundTrip(c: GoldenCase): void {
  const half = Math.floor(c.calls.length / 2);
  const opt = makeOptimizer(c);
  let sched = build(c, opt);
  for (let k = 0; k < half; k++) sched = call(c, opt, sched, c.calls[k]);
  const saved = JSON.parse(JSON.stringify(sched.stateDict())) as SchedulerState;
  const savedGroups = structuredClone(opt.paramGroups);

  const opt2 = makeOptimizer(c);
  let sched2 = build(c, opt2);
  opt2.paramGroups.splice(0, opt2.paramGroups.length, ...savedGroups);
  sched2.loadStateDict(saved);
  expect(sched2.getLastLr()).toEqual(sched.getLastLr());
  for (let k = half; k < c.calls.length; k++) {
    sched2 = call(c, opt2, sched2, c.calls[k]);
    expectAt(c, opt2, sched2, k + 1);
  }
}

/** The epoch index after each recorded call (0 after construction). */
export function epochsOf(c: GoldenCase): number[] {
  const out = [0];
  let t = 0;
  for (const arg of c.calls) {
    t = arg === null || arg === 'resume' ? t + 1 : arg;
    out.push(t);
  }
  return out;
}

/** Compares a pure schedule for group `g` with the golden lr at every recorded epoch. */
export function expectScheduleMatches(c: GoldenCase, schedule: (t: number) => number, g = 0): void {
  const ts = epochsOf(c);
  expectRow(
    ts.map((t) => schedule(t)),
    c.lr.map((row) => row[g]),
    `${c.name}: closed-form schedule, group ${g}`,
  );
}

/** Golden cases whose calls are all plain `step()` from a fresh start. */
export function plainCases(scheduler: string): GoldenCase[] {
  return casesFor(scheduler).filter(
    (c) => c.calls.every((a) => a === null) && c.options.lastEpoch === undefined,
  );
}

/** Golden cases of a scheduler that never resume (the closed forms describe a fresh run). */
export function freshCases(scheduler: string): GoldenCase[] {
  return casesFor(scheduler).filter(
    (c) => !c.calls.includes('resume') && c.options.lastEpoch === undefined,
  );
}
