/**
 * The one way a command-line entry point ends: with `main`'s exit code when it returns one
 * (when it returns nothing the process lives on, e.g. a server, and ends by itself), or, when it throws, the message `describe` gives for the error on stderr and
 * the exit code `exitCodeOf` gives (1 by default). Never a stack trace for expected errors.
 */
export function runMain(
  main: () => Promise<number | void>,
  describe: (err: unknown) => string,
  exitCodeOf: (err: unknown) => number = () => 1,
): void {
  main().then(
    (code) => {
      if (code !== undefined) exitAfterFlush(code);
    },
    (err: unknown) => {
      console.error(describe(err));
      exitAfterFlush(exitCodeOf(err));
    },
  );
}

/** Exits once stdout and stderr have flushed: a pipe takes 64 KB before it blocks. */
function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
