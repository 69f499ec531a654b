import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TEMPLATE_FILE = 'manifest.template.json';
export const COLOR_ICON_FILE = 'color.png';
export const OUTLINE_ICON_FILE = 'outline.png';
export const PACKAGE_FILE = 'warmline-teams.zip';
const SCHEMA_FILE = 'MicrosoftTeams.schema.v1.17.json';

/** The project root: the nearest folder with appPackage/, found from here so src/ (vitest) and dist/src/ (node) agree. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'appPackage', TEMPLATE_FILE))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export const appPackageDir = (root = projectRoot()) => join(root, 'appPackage');
export const defaultPackagePath = (root = projectRoot()) => join(root, 'build', PACKAGE_FILE);

/** The official schema lives in the shared external-data folder next to the project, not in it. */
export const defaultSchemaPath = (root = projectRoot()) =>
  process.env.TEAMS_MANIFEST_SCHEMA ?? join(root, '..', 'shared', 'external', 'teams-manifest', SCHEMA_FILE);
