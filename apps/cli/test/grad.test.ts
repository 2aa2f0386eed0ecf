import { describe, expect, it } from 'vitest';
import { gd, json } from './helpers';

interface GradJson {
  value: number;
  gradient: Record<string, number>;
  hessian?: number[][];
  eigenvalues?: number[];
  verdict?: string;
}

describe('gd grad', () => {
  it('finds the saddle of x² − y² with Hessian eigenvalues −2, 2', () => {
    const r = gd(['grad', 'saddle', '--at', 'x=0,y=0', '--hessian', '--json']);
    expect(r.status).toBe(0);
    const j = json<GradJson>(r);
    expect(j.gradient).toEqual({ x: 0, y: 0 });
    expect(j.hessian).toEqual([
      [2, 0],
      [0, -2],
    ]);
    expect(j.eigenvalues).toEqual([-2, 2]);
    expect(j.verdict).toMatch(/^saddle point/);
  });

  it("calls Rosenbrock's (1, 1) a minimum, −x² − y² a maximum, and (2, 2) not critical", () => {
    const min = json<GradJson>(
      gd(['grad', 'rosenbrock', '--at', 'x=1,y=1', '--hessian', '--json']),
    );
    expect(min.hessian).toEqual([
      [802, -400],
      [-400, 200],
    ]);
    expect(min.verdict).toMatch(/^local minimum/);
    const [l1, l2] = min.eigenvalues ?? [];
    expect(l1 + l2).toBeCloseTo(1002, 9);
    expect(l1 * l2).toBeCloseTo(802 * 200 - 400 * 400, 6);
    // A formula starting with '-' goes after `--`, as for any command-line argument.
    const max = gd(['grad', '--at', 'x=0,y=0', '--hessian', '--json', '--', '-x^2 - y^2']);
    expect(json<GradJson>(max).verdict).toMatch(/^local maximum/);
    expect(
      json<GradJson>(gd(['grad', 'rosenbrock', '--at', 'x=2,y=2', '--hessian', '--json'])).verdict,
    ).toMatch(/^not a critical point/);
  });

  it("prints tanh'(4) ≈ 0.0013, the vanishing gradient", () => {
    const r = gd(['grad', 'tanh(x)', '--at', '4']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`∇f = (${1 - Math.tanh(4) ** 2})`);
  });
});

describe('gd gradcheck', () => {
  it('agrees with the centred difference on a smooth formula', () => {
    const r = gd(['gradcheck', 'x^2*y + exp(-x)/y', '--at', 'x=1,y=2', '--json']);
    expect(r.status).toBe(0);
    const j = json<{
      ok: boolean;
      rows: { variable: string; analytic: number; numerical: number; relativeError: number }[];
    }>(r);
    expect(j.ok).toBe(true);
    expect(j.rows.map((x) => x.variable)).toEqual(['x', 'y']);
    expect(j.rows[0].analytic).toBe(2 * 1 * 2 - Math.exp(-1) / 2);
    for (const row of j.rows) expect(row.relativeError).toBeLessThan(1e-7);
  });

  it('exits 1 when the analytic gradient disagrees (relu at its kink: subgradient 0, centred difference ½)', () => {
    const r = gd(['gradcheck', 'relu(x)', '--at', '0']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('gradient check failed');
  });
});
