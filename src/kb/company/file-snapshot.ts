import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Remembers the given files (or that they do not exist) and returns a function that puts them back:
 * a kb:add or kb:accept whose rebuild fails leaves the knowledge folder as it found it.
 */
export function snapshotFiles(paths: readonly string[]): () => void {
  const saved = paths.map((path) => ({ path, data: existsSync(path) ? readFileSync(path) : null }));
  return () => {
    for (const { path, data } of saved) {
      if (data === null) rmSync(path, { force: true });
      else writeFileSync(path, data);
    }
  };
}
