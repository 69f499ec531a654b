import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../core/paths.js';

/** Reads the project's .env when there is one (Node's own loader); real environment variables win. */
export function loadDotEnv(): void {
  const file = join(projectRoot(), '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}
