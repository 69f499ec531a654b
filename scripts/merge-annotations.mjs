#!/usr/bin/env node
// Merges two annotators' labels of the real-reply sample into an evaluation file (../shared/eval/README.md format)
// and reports how far they agree. A code both annotators are sure of is expected; a code that either one raised
// or found debatable (and not both sure) is allowed: it neither scores nor costs. The verdict follows the
// expected codes' severities, as the contract defines it.
// Usage: node scripts/merge-annotations.mjs ITEMS.unlabelled.jsonl A.labels.jsonl B.labels.jsonl OUT.jsonl
import { readFileSync, writeFileSync } from 'node:fs';

const SEVERITY = {
  'rude-or-judgemental': 'critical', 'blames-customer': 'major', 'vents-own-workload': 'major', 'hollow-phrase': 'minor',
  'hollow-apology': 'minor', 'one-word-reply': 'major', 'not-my-department': 'major', 'nothing-i-can-do': 'major',
  'i-dont-know': 'major', 'policy-shield': 'major', 'blames-third-party': 'major', 'go-to-website': 'minor',
  'call-back-later': 'major', 'transfer-runaround': 'major', 'asks-details-again': 'minor', overpromise: 'major',
  'vague-wait': 'minor', 'missing-next-step': 'major', 'over-explaining': 'minor', 'unconfirmed-details': 'minor',
  'missing-greeting': 'minor',
};
const [itemsPath, aPath, bPath, outPath] = process.argv.slice(2);
const lines = (p) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const items = lines(itemsPath);
const byId = (rows) => new Map(rows.map((r) => [r.id, r]));
const a = byId(lines(aPath));
const b = byId(lines(bPath));

let both = 0, onlyA = 0, onlyB = 0, exactSame = 0;
const confusion = { goodGood: 0, goodFlawed: 0, flawedGood: 0, flawedFlawed: 0 };
const out = [];
for (const item of items) {
  const la = a.get(item.id), lb = b.get(item.id);
  if (!la || !lb) throw new Error(`${item.id}: missing from an annotator's file`);
  for (const code of [...la.expect, ...la.maybe, ...lb.expect, ...lb.maybe]) if (!SEVERITY[code]) throw new Error(`${item.id}: unknown code ${code}`);
  const ea = new Set(la.expect), eb = new Set(lb.expect);
  const expect = [...ea].filter((c) => eb.has(c)).sort();
  const allow = [...new Set([...la.expect, ...la.maybe, ...lb.expect, ...lb.maybe])].filter((c) => !expect.includes(c)).sort();
  both += expect.length;
  onlyA += [...ea].filter((c) => !eb.has(c)).length;
  onlyB += [...eb].filter((c) => !ea.has(c)).length;
  if (ea.size === eb.size && expect.length === ea.size) exactSame++;
  confusion[`${ea.size ? 'flawed' : 'good'}${eb.size ? 'Flawed' : 'Good'}`]++;
  const severities = expect.map((c) => SEVERITY[c]);
  const verdict = severities.includes('critical') ? 'block' : severities.includes('major') ? 'revise' : 'send';
  const { brand: _brand, ...request } = item;
  out.push({ ...request, expect, allow, verdict, note: `A: ${la.note} | B: ${lb.note}` });
}
writeFileSync(outPath, out.map((o) => JSON.stringify(o)).join('\n') + '\n');
const n = items.length;
const f1 = (2 * both) / (2 * both + onlyA + onlyB);
const po = (confusion.goodGood + confusion.flawedFlawed) / n;
const pa = (confusion.goodGood + confusion.goodFlawed) / n, pb = (confusion.goodGood + confusion.flawedGood) / n;
const pe = pa * pb + (1 - pa) * (1 - pb);
const kappa = (po - pe) / (1 - pe);
console.log(JSON.stringify({ file: outPath, items: n, codesBoth: both, codesOnlyA: onlyA, codesOnlyB: onlyB, codeF1: +f1.toFixed(3), itemsIdentical: exactSame, goodVsFlawed: confusion, goodVsFlawedKappa: +kappa.toFixed(3), expectedCodes: out.reduce((s, o) => s + o.expect.length, 0), goodItems: out.filter((o) => o.expect.length === 0).length }));
