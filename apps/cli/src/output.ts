/** Terminal output: colours (only on a TTY, never with NO_COLOR), numbers, tables, atomic files. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import pc from 'picocolors';

/** Whether `stream` should get ANSI colours: a TTY, NO_COLOR unset, TERM not dumb. */
export function colorsFor(stream: NodeJS.WriteStream): ReturnType<typeof pc.createColors> {
  const env = process.env;
  const on =
    stream.isTTY === true && !('NO_COLOR' in env) && env.TERM !== 'dumb' && env.FORCE_COLOR !== '0';
  return pc.createColors(on);
}

/** Colours for stdout and stderr. */
export const out = colorsFor(process.stdout);
export const err = colorsFor(process.stderr);

/** Prints a line on stdout. */
export function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Prints a line on stderr (progress and notes, so stdout stays machine-readable). */
export function note(line = ''): void {
  process.stderr.write(`${line}\n`);
}

/** A number with ~`digits` significant digits, exponent form for very large or small magnitudes. */
export function fmt(v: number, digits = 6): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-4 && a < 1e6) return String(Number(v.toPrecision(digits)));
  return v.toExponential(digits - 1).replace(/\.?0+e/, 'e');
}

/** Renders rows as an aligned text table with a header rule; numbers right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.every((r) => /^[-+\d.e%∞]*$/i.test(r[i] ?? '')));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [
    out.bold(line(header)),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

let tmpCounter = 0;

/** Writes `data` to `path` atomically: a temporary file in the same folder, then a rename. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${++tmpCounter}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
