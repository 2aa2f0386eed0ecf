import type { Command } from 'commander';

export function registerLandscape(program: Command): void {
  program.command('landscape').description('landscape (in progress)');
}
