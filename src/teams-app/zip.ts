import { zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

// A fixed timestamp makes the same inputs give a byte-identical package.
const FIXED_DATE = new Date(2024, 0, 1, 0, 0, 0);

function checkName(name: string, seen: Set<string>): void {
  if (!name || name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) {
    throw new Error(`unsafe zip entry name: "${name}"`);
  }
  if (seen.has(name)) throw new Error(`duplicate zip entry: "${name}"`);
  seen.add(name);
}

/**
 * A ZIP archive of the entries, written by fflate (a maintained, dependency-free library): deflated where that
 * helps, stored where it does not (an empty file), every entry with the same fixed time so the Teams package is
 * byte-for-byte reproducible. Names that could escape the folder or repeat are refused first.
 */
export function createZip(entries: readonly ZipEntry[], modified: Date = FIXED_DATE): Buffer {
  const seen = new Set<string>();
  const files: Zippable = {};
  for (const entry of entries) {
    checkName(entry.name, seen);
    files[entry.name] = [entry.data, { level: entry.data.length === 0 ? 0 : 9, mtime: modified }];
  }
  return Buffer.from(zipSync(files));
}
