import type { Command } from 'commander';

export function registerLecture(program: Command): void {
  program.command('lecture').description('lecture (in progress)');
}
