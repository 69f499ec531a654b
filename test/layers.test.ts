import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/core/paths.js';

// The lint checks static imports per folder; deps:graph also reads dynamic ones. Both read scripts/layers.mjs.
describe('npm run -s deps:graph', () => {
  it('finds no import pointing up or sideways, dynamic imports included, and botbuilder only in its folders', () => {
    const out = spawnSync(process.execPath, [join(projectRoot(), 'scripts', 'deps-graph.mjs')], { encoding: 'utf8' });
    expect(out.stdout).toMatch(/No import points upward or sideways \(\d+ imports between layers checked\)/);
    expect(out.status).toBe(0);
  });
});
