/**
 * Runs a command's `main`, which resolves with the exit code; an error it throws is one plain line on standard
 * error (prefixed with the command's name) and exit code 1, never a stack trace for a user to read.
 */
export function runCli(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
