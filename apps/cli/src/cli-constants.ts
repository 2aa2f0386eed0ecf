/** Exit code of a process interrupted by SIGINT (128 + 2). */
export const EXIT_INTERRUPTED = 130;
