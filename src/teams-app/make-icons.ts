import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { colorIconPng, outlineIconPng } from './icons.js';
import { appPackageDir, COLOR_ICON_FILE, OUTLINE_ICON_FILE } from './paths.js';

/** Regenerate appPackage/color.png and outline.png (committed, so packaging never needs this step). */
function main(): void {
  const dir = appPackageDir();
  for (const [file, png] of [[COLOR_ICON_FILE, colorIconPng()], [OUTLINE_ICON_FILE, outlineIconPng()]] as const) {
    const path = join(dir, file);
    writeFileSync(path, png);
    process.stdout.write(`${path} (${png.length} bytes)\n`);
  }
}

try {
  main();
} catch (error: unknown) {
  process.stderr.write(`make-icons failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
