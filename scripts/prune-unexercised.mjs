#!/usr/bin/env node
// One-off migration (kept for the record): removes from knowledge/guidelines/*.yaml every pattern that none of
// its guideline's own examples exercises, except those listed in KEEP_JSON (patterns that found real faults on
// the development sets, for which new examples are written). Comments and layout are kept (yaml Document API).
// Usage: node scripts/prune-unexercised.mjs KEEP_JSON   (after npm run build)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { loadKnowledgeBase } from '../dist/src/engine/knowledge-base.js';
import { ruleCoverage } from '../dist/src/kb/rule-coverage.js';

const keep = new Set(JSON.parse(readFileSync(process.argv[2], 'utf8')).map((u) => `${u.guideline}/${u.lang}/${u.index}`));
const drop = new Map();
for (const u of ruleCoverage(loadKnowledgeBase())) {
  if (u.form !== 'pattern' || u.hits.length > 0 || keep.has(`${u.guideline}/${u.lang}/${u.index}`)) continue;
  drop.set(`${u.guideline}/${u.lang}`, [...(drop.get(`${u.guideline}/${u.lang}`) ?? []), u.index]);
}
const dir = 'knowledge/guidelines';
let removed = 0;
for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
  const path = join(dir, name);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  let changed = false;
  for (const entry of doc.contents.items) {
    const id = entry.get('id');
    for (const lang of ['fi', 'pl', 'hu', 'en']) {
      const indexes = drop.get(`${id}/${lang}`);
      if (!indexes) continue;
      const seq = entry.getIn(['patterns', lang]);
      for (const i of [...indexes].sort((a, b) => b - a)) seq.items.splice(i, 1);
      removed += indexes.length;
      changed = true;
    }
  }
  if (changed) writeFileSync(path, doc.toString({ lineWidth: 0 }));
}
console.log(`removed ${removed} patterns that no example exercises`);
