#!/usr/bin/env node
// `npm run -s deps:graph`: the layers (scripts/layers.mjs) and every import between them, read from the TypeScript
// sources (static and dynamic imports alike, which the lint does not see); exits 1 when an import points upward
// or sideways, or botbuilder is imported outside its two folders. Nothing to build first.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { BOTBUILDER_EXCEPTIONS, BOTBUILDER_HOMES, LAYERS, notBelow } from './layers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rowOf = new Map(LAYERS.flatMap((names, row) => names.map((name) => [name, row])));

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The layer a file belongs to: its folder under src/, or dialogs / bench. */
function layerOf(path) {
  const parts = relative(root, path).split('/');
  return parts[0] === 'src' ? parts[1] : parts[0];
}

const arrows = new Map(); // "from → to" → count
const wrong = [];
const botbuilder = [];
let checked = 0;
for (const file of ['src', 'dialogs', 'bench'].flatMap((d) => sources(join(root, d)))) {
  const from = layerOf(file);
  const shown = relative(root, file);
  for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
    if (/^(botbuilder|botframework-)/.test(fileName)) {
      botbuilder.push(shown);
      if (!BOTBUILDER_HOMES.some((home) => shown.startsWith(home)) && !BOTBUILDER_EXCEPTIONS.includes(shown)) wrong.push(`${shown}: imports ${fileName} (botbuilder belongs in ${BOTBUILDER_HOMES.join(' and ')})`);
      continue;
    }
    if (!fileName.startsWith('.')) continue;
    const to = layerOf(resolve(dirname(file), fileName));
    if (to === from) continue;
    checked++;
    const key = `${from} → ${to}`;
    arrows.set(key, (arrows.get(key) ?? 0) + 1);
    if (!rowOf.has(from) || !rowOf.has(to)) wrong.push(`${shown}: imports ${fileName} (${!rowOf.has(from) ? from : to} is in no layer of scripts/layers.mjs)`);
    else if (notBelow(rowOf.get(from)).includes(to)) wrong.push(`${shown}: imports ${fileName} (${to} is not below ${from})`);
  }
}

const out = [];
out.push('Layers, lowest first (a folder imports only from rows below its own; one row\'s folders import neither each other, but in the top row):');
LAYERS.forEach((names, row) => out.push(`  ${row + 1}. ${names.join(', ')}`));
out.push('', 'Imports between layers (import statements):');
const width = Math.max(...LAYERS.flat().map((n) => n.length));
for (const from of LAYERS.flat()) {
  const to = [...arrows]
    .filter(([key]) => key.startsWith(`${from} → `))
    .map(([key, n]) => [key.split(' → ')[1], n])
    .sort(([a], [b]) => (rowOf.get(a) ?? 99) - (rowOf.get(b) ?? 99) || a.localeCompare(b))
    .map(([layer, n]) => `${layer} (${n})`);
  out.push(`  ${from.padEnd(width)} → ${to.length ? to.join(', ') : 'nothing'}`);
}
const homes = new Map();
for (const file of botbuilder) {
  const home = BOTBUILDER_HOMES.find((h) => file.startsWith(h)) ?? file;
  homes.set(home, (homes.get(home) ?? 0) + 1);
}
out.push('', `botbuilder imports: ${[...homes].map(([home, n]) => `${home} (${n})`).join(', ')}`);
out.push('');
if (wrong.length === 0) out.push(`No import points upward or sideways (${checked} imports between layers checked).`);
else out.push(`${wrong.length} import(s) point the wrong way:`, ...wrong.map((w) => `  ${w}`));
process.stdout.write(`${out.join('\n')}\n`);
process.exitCode = wrong.length === 0 ? 0 : 1;
