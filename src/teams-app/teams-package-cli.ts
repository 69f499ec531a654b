import { buildTeamsPackage } from './build-teams-package.js';

/** `npm run teams:package`: print the path of the written zip; exit 1 with the reason on any error. */
async function main(): Promise<void> {
  const built = await buildTeamsPackage();
  // stdout carries only the path so scripts can capture it.
  if (!built.schema.validated) process.stderr.write(`teams:package: warning: manifest not schema-checked (${built.schema.reason})\n`);
  process.stdout.write(`${built.outFile}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`teams:package failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
