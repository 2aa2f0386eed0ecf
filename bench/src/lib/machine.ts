import os from 'node:os';

/** What the numbers were measured on. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memGiB: number;
  node: string;
  v8: string;
  os: string;
  load: string;
}

/** Describes this machine: CPU model, core count, Node/V8 versions, current load average. */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    v8: process.versions.v8,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    load: loadAverage(),
  };
}

/** The 1/5/15-minute load averages, e.g. `0.12 0.30 0.25`. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}
