import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: the nearest folder above this module with a `knowledge/` folder (src/ and dist/src/ alike). */
let root: string | undefined;

export function projectRoot(): string {
  if (root) return root;
  root = findRoot();
  return root;
}

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'knowledge')) && existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export const defaultArtifactPath = () => process.env.WARMLINE_KB ?? join(projectRoot(), 'build', 'knowledge.json');
export const knowledgeDir = () => join(projectRoot(), 'knowledge');
