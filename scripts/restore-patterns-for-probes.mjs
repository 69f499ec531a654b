#!/usr/bin/env node
// One-off (kept for the record): probe sentences written blind to the patterns (one file per language pair,
// {lang, rule, kind, text}) are run through the current engine and through the catalogue as it was before the
// pruning (BASE_DIR: a build of commit b3bc23c). A violation the old catalogue caught and the current one misses
// names the pattern the pruning removed: it goes back into its guideline, with the probe as the example that
// exercises it. Prints counts, the restored patterns, and the harmless probes the current engine flags.
// Usage: node scripts/restore-patterns-for-probes.mjs BASE_DIR PROBES.jsonl... [--apply]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const args = process.argv.slice(2);
const apply = args.includes('--apply');
const [baseDir, ...files] = args.filter((a) => a !== '--apply');
const current = await import('../dist/src/engine/review.js');
const base = await import(join(baseDir, 'dist/src/engine/review.js'));
const { fold } = await import('../dist/src/engine/fold-text.js');
const { readArtifactJson } = await import('../dist/src/core/artifact-json.js');
const baseKb = readArtifactJson(readFileSync(join(baseDir, 'build/knowledge.json'), 'utf8'));
const probes = files.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)));
const found = (engine, p) => engine.review({ draft: p.text, lang: p.lang, channel: 'chat' }).findings.filter((f) => f.rule === p.rule);

const restore = new Map(); // guideline -> lang -> [{ source, example }]
const counts = { violations: 0, caughtNow: 0, caughtBefore: 0, restorable: 0, harmless: 0, harmlessFlagged: 0 };
for (const p of probes) {
  if (p.kind === 'harmless') {
    counts.harmless++;
    const f = found(current, p);
    if (f.length) {
      counts.harmlessFlagged++;
      console.log(`HARMLESS FLAGGED ${p.lang} ${p.rule} (${f[0].guideline}): ${p.text}`);
    }
    continue;
  }
  counts.violations++;
  if (found(current, p).length) { counts.caughtNow++; continue; }
  const before = found(base, p);
  if (!before.length) continue;
  counts.caughtBefore++;
  const g = baseKb.guidelines.find((x) => x.id === before[0].guideline);
  const folded = fold(p.text);
  const i = (g.compiled.patterns[p.lang] ?? []).findIndex((src) => new RegExp(src, 'u').test(folded));
  if (i < 0) continue;
  const source = g.patterns[p.lang][i];
  // Only patterns a reader can check come back (the lint's limits, src/kb/lint-rules.ts).
  if (source.length > 600 || (source.match(/\(\?<?[=!]/g) ?? []).length > 2) {
    console.log(`TOO LONG TO RESTORE ${g.id} ${p.lang}: ${source.length} characters`);
    continue;
  }
  const perLang = restore.get(g.id) ?? new Map();
  const list = perLang.get(p.lang) ?? [];
  if (!list.some((r) => r.source === source)) list.push({ source, example: p.text });
  perLang.set(p.lang, list);
  restore.set(g.id, perLang);
  counts.restorable++;
}
console.log(JSON.stringify(counts));
for (const [id, perLang] of restore) for (const [lang, list] of perLang) for (const r of list) console.log(`RESTORE ${id} ${lang}: ${r.source.slice(0, 100)}`);
if (!apply) process.exit(0);
const dir = 'knowledge/guidelines';
for (const name of ['rude-or-judgemental', 'blames-customer', 'vents-own-workload', 'hollow-phrase', 'hollow-apology', 'not-my-department', 'nothing-i-can-do', 'i-dont-know', 'policy-shield', 'blames-third-party', 'go-to-website', 'call-back-later', 'transfer-runaround', 'overpromise', 'vague-wait']) {
  const path = join(dir, `${name}.yaml`);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  let changed = false;
  for (const entry of doc.contents.items) {
    const perLang = restore.get(entry.get('id'));
    if (!perLang) continue;
    for (const [lang, list] of perLang) {
      if (!entry.hasIn(['patterns', lang])) entry.setIn(['patterns', lang], doc.createNode([]));
      const seq = entry.getIn(['patterns', lang]);
      const examples = entry.getIn(['examples', lang, 'incorrect']);
      for (const r of list) {
        seq.add(doc.createNode(r.source));
        examples.add(doc.createNode({ text: r.example, mark: 'x' }, { flow: true }));
      }
      changed = true;
    }
  }
  if (changed) writeFileSync(path, doc.toString({ lineWidth: 0 }));
}
console.log('applied: now fill the marks and check the examples');
