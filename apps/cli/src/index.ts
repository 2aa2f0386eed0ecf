/**
 * The gd command line as a library: `main(argv)` runs a command and resolves to its exit code.
 *
 * @packageDocumentation
 */
export { main, version, EXIT_INTERRUPTED } from './cli';
export { UsageError } from './errors';
