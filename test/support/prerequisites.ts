import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * What a test needs from outside the repository: the shared test material beside it (../shared/external), Debian's
 * chromium, python3. When one is missing the test fails and says how to get it; it never skips silently, so a
 * green run means every test ran. `.ci/run` provides all of them.
 */
export function requireFile(path: string, how: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${how}`);
  return path;
}

export function requireCommand(command: string, how: string): string {
  if (spawnSync(command, ['--version']).status !== 0) throw new Error(`${command} is not installed or does not run: ${how}`);
  return command;
}

/** How to get what is missing, for the messages above. */
export const FROM_SHARED = 'it comes with the shared test material in ../shared beside the repository (../shared/external/README.md says what is there)';
export const FROM_DEBIAN = (pkg: string) => `install Debian's ${pkg} (apt-get install -y ${pkg}; .ci/run does it)`;
