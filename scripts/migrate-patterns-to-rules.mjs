#!/usr/bin/env node
// One-off migration (kept for the record): rewrites as token rules (`rules:`) every pattern of
// knowledge/guidelines/*.yaml (not *_tokens.yaml) that token rules can express, then verifies the engine's
// findings do not change: on every guideline example and every draft of the development sets, the set of
// (item, rule code, start, end) must equal the one before. A conversion that changes a finding, or whose rules
// no example of its guideline exercises, is reverted (the pattern stays). Comments and layout are kept.
// Usage: npm run -s build && node scripts/migrate-patterns-to-rules.mjs [--dry]
// Prints counts only, never item texts.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { buildKnowledge } from '../dist/src/kb/build-knowledge.js';
import { loadKnowledge } from '../dist/src/kb/load-knowledge.js';
import { knowledgeDir } from '../dist/src/kb/paths.js';
import { knowledgeBaseFrom } from '../dist/src/engine/knowledge-base.js';
import { review } from '../dist/src/engine/review.js';
import { ruleCoverage } from '../dist/src/kb/rule-coverage.js';
import { parseTokenRule, MAX_STEPS } from '../dist/src/kb/parse-token-rule.js';
import { compilePattern } from '../dist/src/kb/compile-pattern.js';
import { fold } from '../dist/src/engine/fold-text.js';
import { maskMarkup } from '../dist/src/engine/mask-markup.js';
import { segmentSentences } from '../dist/src/engine/segment-sentences.js';
import { tokenize } from '../dist/src/engine/tokens/tokenize.js';
import { matchTokenRule } from '../dist/src/engine/tokens/token-rule.js';

const LANGS = ['fi', 'pl', 'hu', 'en'];
const DIR = 'knowledge/guidelines';
const DATA = ['dev.jsonl', 'heldout.jsonl', 'dev-realistic.jsonl', 'real-2017-calibration.jsonl'];
const MAX_RULES = 6;
const MAX_SKIP = 6;
const dry = process.argv.includes('--dry');

// ---------------------------------------------------------------- conversion

const WORD = /^[\p{L}\p{N}']+$/u;
/** A word of a pattern as a token-rule alternative: `word` or `word*` (prefix of at least two characters). */
function tokenWord(w) {
  if (w.endsWith('*')) {
    const prefix = w.slice(0, -1);
    return WORD.test(prefix) && fold(prefix).length >= 2 ? w : null;
  }
  return WORD.test(w) ? w : null;
}

/** Same-length word sequences as few variants (lists of steps) as possible: one choice per position when the
 * set is the product of its positions, else grouped by everything but the first (or last) word. */
function factor(seqs) {
  const k = seqs[0].length;
  if (k === 1) return [[[...new Set(seqs.map((s) => s[0]))].join('|')]];
  const keys = new Set(seqs.map((s) => s.join(' ')));
  const cols = Array.from({ length: k }, (_, i) => [...new Set(seqs.map((s) => s[i]))]);
  if (cols.reduce((n, c) => n * c.length, 1) === keys.size) return [cols.map((c) => c.join('|'))];
  const groupBy = (at) => {
    const groups = new Map();
    for (const s of seqs) {
      const key = s.filter((_, i) => i !== at).join(' ');
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    return [...groups.values()].map((g) => g[0].map((w, i) => (i === at ? [...new Set(g.map((s) => s[at]))].join('|') : w)));
  };
  const a = groupBy(0);
  const b = groupBy(k - 1);
  return a.length <= b.length ? a : b;
}

/** A group's alternatives (already split into words) as variants; `optional` adds the empty variant. */
function groupVariants(alts, optional) {
  const byLen = new Map();
  for (const a of alts) byLen.set(a.length, [...(byLen.get(a.length) ?? []), a]);
  const variants = [...byLen.keys()].sort((x, y) => x - y).flatMap((len) => factor(byLen.get(len)));
  if (!optional) return variants;
  if (variants.length === 1 && variants[0].length === 1) return [[`${variants[0][0]}?`]];
  return [[], ...variants];
}

/** The token rules that match what `pattern` matches, or null when it is not in the convertible subset. */
export function convert(lang, pattern) {
  let src = pattern.trim();
  // A trailing `(?![a-z])` adds nothing to the compiler's own end-of-word boundary (unless the pattern ends in `*`).
  if (src.endsWith('(?![a-z])')) {
    src = src.slice(0, -'(?![a-z])'.length);
    if (/\*\)?\??$/.test(src)) return null;
  }
  const elements = []; // each: list of variants; a variant is a list of steps
  let i = 0;
  while (i < src.length) {
    if (src[i] === ' ') {
      i++;
      continue;
    }
    if (src[i] === '(') {
      const close = src.indexOf(')', i);
      if (close < 0) return null;
      const body = src.slice(i + 1, close);
      if (body.includes('(') || body.startsWith('?')) return null;
      let j = close + 1;
      let optional = false;
      if (src[j] === '?') {
        optional = true;
        j++;
      }
      const rawAlts = body.split('|');
      const trailing = rawAlts.map((a) => a.endsWith(' '));
      // `(ma )?x`: the group carries its own separator and is glued to the next word; `(a|b) x`: space after.
      if (trailing.every(Boolean)) {
        if (j >= src.length || src[j] === ' ') return null;
      } else if (trailing.some(Boolean)) return null;
      else if (j < src.length && src[j] !== ' ') return null;
      const alts = [];
      for (const a of rawAlts) {
        const words = a.trim().split(' ');
        if (a.trim() === '' || a.trim() !== a.replace(/ $/, '') || words.some((w) => !tokenWord(w))) return null;
        alts.push(words);
      }
      elements.push(groupVariants(alts, optional));
      i = j;
      continue;
    }
    let j = i;
    while (j < src.length && src[j] !== ' ' && src[j] !== '(') j++;
    const item = src.slice(i, j);
    if (j < src.length && src[j] === '(') return null;
    i = j;
    const skip = /^~(\d)?$/.exec(item);
    if (skip) {
      const n = skip[1] ? Number(skip[1]) : 3;
      if (n < 1 || n > MAX_SKIP) return null;
      elements.push([[item]]);
      continue;
    }
    if (/^[\p{L}\p{N}']{2,}\?$/u.test(item)) {
      // regex `word?`: the last letter may be missing
      const w = item.slice(0, -1);
      elements.push([[`${w}|${w.slice(0, -1)}`]]);
      continue;
    }
    const w = tokenWord(item);
    if (!w) return null;
    elements.push([[w]]);
  }
  if (elements.length === 0) return null;
  let rules = [[]];
  for (const variants of elements) {
    rules = rules.flatMap((r) => variants.map((v) => [...r, ...v]));
    if (rules.length > MAX_RULES) return null;
  }
  const out = [];
  for (const steps of rules) {
    if (steps.length === 0 || steps.length > MAX_STEPS) return null;
    const source = steps.join(' ');
    try {
      parseTokenRule(lang, source);
    } catch {
      return null;
    }
    out.push(source);
  }
  return [...new Set(out)];
}

// ---------------------------------------------------------------- verification

const knowledge = loadKnowledge(knowledgeDir());
const original = structuredClone(knowledge.guidelines);

// Which guideline lives in which file (only files that are not *_tokens.yaml are migrated).
const fileOf = new Map();
for (const name of readdirSync(DIR).filter((n) => n.endsWith('.yaml'))) {
  const doc = parseDocument(readFileSync(join(DIR, name), 'utf8'));
  for (const entry of doc.contents.items) fileOf.set(entry.get('id'), name);
}

/** Conversions: key `${id}/${lang}/${index}` -> rules. */
const conversions = new Map();
let candidates = 0;
for (const g of original) {
  if (g.kind !== 'phrase' && g.kind !== 'occurrence') continue;
  if (fileOf.get(g.id).endsWith('_tokens.yaml')) continue;
  for (const lang of LANGS) {
    (g.patterns?.[lang] ?? []).forEach((p, index) => {
      candidates++;
      const rules = convert(lang, p);
      if (rules) conversions.set(`${g.id}/${lang}/${index}`, rules);
    });
  }
}
const convertible = conversions.size;

function applied(active) {
  return original.map((g) => {
    const copy = structuredClone(g);
    for (const lang of LANGS) {
      const patterns = g.patterns?.[lang] ?? [];
      const moved = patterns.flatMap((_, index) => active.get(`${g.id}/${lang}/${index}`) ?? []);
      if (moved.length === 0) continue;
      const kept = patterns.filter((_, index) => !active.has(`${g.id}/${lang}/${index}`));
      copy.rules = { ...(copy.rules ?? {}), [lang]: [...(copy.rules?.[lang] ?? []), ...moved] };
      if (kept.length > 0) copy.patterns[lang] = kept;
      else delete copy.patterns[lang];
    }
    if (copy.patterns && Object.keys(copy.patterns).length === 0) delete copy.patterns;
    return copy;
  });
}

const items = [];
for (const g of original) {
  for (const lang of LANGS) {
    const ex = g.examples[lang];
    for (const [kind, list] of [['incorrect', ex.incorrect], ['correct', ex.correct]]) {
      list.forEach((e, n) =>
        items.push({ key: `ex:${g.id}/${lang}/${kind}/${n}`, request: { draft: e.text, customer: e.customer, firstReply: e.firstReply, channel: e.channel, lang } }),
      );
    }
  }
}
for (const file of DATA) {
  readFileSync(join('test/data', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .forEach((line, n) => {
      const it = JSON.parse(line);
      items.push({ key: `${file}:${it.id ?? n}`, request: { draft: it.draft, customer: it.customer, firstReply: it.firstReply, channel: it.channel, lang: it.lang } });
    });
}

async function findingsWith(guidelines) {
  const kb = knowledgeBaseFrom(await buildKnowledge({ ...knowledge, guidelines }));
  const all = new Map(); // `${item}|${rule}|${start}|${end}` -> { item, rule, start, end, lang }
  for (const it of items) {
    let result;
    try {
      result = review(it.request, { kb });
    } catch (error) {
      all.set(`${it.key}|error|${error.message}`, { item: it, rule: 'error' });
      continue;
    }
    for (const f of result.findings) all.set(`${it.key}|${f.rule}|${f.start}|${f.end}`, { item: it, rule: f.rule, start: f.start, end: f.end, lang: result.lang ?? it.request.lang });
  }
  return { kb, all };
}

/** Spans of one converted pattern (the regex and its rules) in a draft. */
function spansOf(key, draft, lang) {
  const [id, l, index] = key.split('/');
  const g = original.find((x) => x.id === id);
  const folded = fold(maskMarkup(draft).text);
  const spans = [];
  const re = new RegExp(compilePattern(g.patterns[l][Number(index)]), 'gu');
  for (const m of folded.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  const tokens = tokenize(lang, folded, segmentSentences(draft));
  for (const r of conversions.get(key)) {
    for (const [a, b] of matchTokenRule(parseTokenRule(lang, r), tokens)) spans.push([tokens[a].start, tokens[b - 1].end]);
  }
  return spans;
}

const ruleOf = new Map(original.map((g) => [g.id, g.rule]));
const before = await findingsWith(original);
const active = new Map(conversions);
let revertedByFindings = 0;
let revertedByCoverage = 0;
for (let round = 1; ; round++) {
  const after = await findingsWith(applied(active));
  const changed = [...[...before.all].filter(([k]) => !after.all.has(k)), ...[...after.all].filter(([k]) => !before.all.has(k))].map(([, v]) => v);
  const revert = new Set();
  for (const f of changed) {
    const lang = f.item.request.lang;
    const same = [...active.keys()].filter((k) => k.split('/')[1] === lang && ruleOf.get(k.split('/')[0]) === f.rule);
    const hit = f.rule === 'error' ? [] : same.filter((k) => spansOf(k, f.item.request.draft, lang).some(([a, b]) => a < f.end && b > f.start));
    for (const k of hit.length > 0 ? hit : same) revert.add(k);
  }
  if (changed.length > 0 && revert.size === 0) {
    // cannot attribute: give up on every conversion of the affected rule codes
    for (const f of changed) for (const k of active.keys()) if (ruleOf.get(k.split('/')[0]) === f.rule) revert.add(k);
  }
  for (const k of revert) active.delete(k);
  revertedByFindings += revert.size;
  let unexercised = 0;
  if (changed.length === 0) {
    for (const u of ruleCoverage(after.kb)) {
      if (u.form !== 'rule' || u.hits.length > 0) continue;
      for (const [k, rules] of active) {
        const [id, lang] = k.split('/');
        if (id === u.guideline && lang === u.lang && rules.includes(u.source)) {
          active.delete(k);
          unexercised++;
        }
      }
    }
    revertedByCoverage += unexercised;
  }
  console.log(`round ${round}: ${changed.length} finding(s) differ; reverted ${revert.size} for findings, ${unexercised} unexercised`);
  if (changed.length === 0 && unexercised === 0) break;
}
const ruleCount = active.size === 0 ? 0 : [...active.values()].reduce((n, r) => n + r.length, 0);
console.log(`${items.length} items checked; ${before.all.size} findings before and after`);
console.log(`${candidates} patterns in migratable guidelines; ${convertible} convertible; ${active.size} converted into ${ruleCount} token rules; reverted ${revertedByFindings} (findings) + ${revertedByCoverage} (coverage)`);

// ---------------------------------------------------------------- writing

if (!dry) {
  for (const name of readdirSync(DIR).filter((n) => n.endsWith('.yaml') && !n.endsWith('_tokens.yaml'))) {
    const path = join(DIR, name);
    const doc = parseDocument(readFileSync(path, 'utf8'));
    let changed = false;
    for (const entry of doc.contents.items) {
      const id = entry.get('id');
      for (const lang of LANGS) {
        const seq = entry.getIn(['patterns', lang]);
        if (!seq) continue;
        const indexes = seq.items.map((_, i) => i).filter((i) => active.has(`${id}/${lang}/${i}`));
        if (indexes.length === 0) continue;
        const moved = indexes.flatMap((i) => active.get(`${id}/${lang}/${i}`));
        if (!entry.has('rules')) {
          const at = entry.items.findIndex((p) => p.key.value === 'patterns');
          entry.items.splice(at, 0, doc.createPair('rules', Object.assign(doc.createNode({}), { flow: false })));
        }
        const rulesMap = entry.get('rules');
        const existing = rulesMap.get(lang);
        const quoted = (r) => Object.assign(doc.createNode(r), { type: 'QUOTE_DOUBLE' });
        if (existing) for (const r of moved) existing.add(quoted(r));
        else rulesMap.set(lang, Object.assign(doc.createNode([]), { items: moved.map(quoted) }));
        for (const i of [...indexes].sort((a, b) => b - a)) seq.items.splice(i, 1);
        if (seq.items.length === 0) entry.get('patterns').delete(lang);
        changed = true;
      }
      const patterns = entry.get('patterns');
      if (patterns && patterns.items.length === 0) entry.delete('patterns');
      // keep the languages of `rules` in the file's order
      const rulesMap = entry.get('rules');
      if (rulesMap) rulesMap.items.sort((a, b) => LANGS.indexOf(a.key.value) - LANGS.indexOf(b.key.value));
    }
    if (changed) {
      const text = doc.toString({ lineWidth: 0 }).replace(/\[ ("(?:[^"\\]|\\.)*"(?:, "(?:[^"\\]|\\.)*")*) \]/g, '[$1]');
      writeFileSync(path, text);
    }
  }
  console.log('written');
}
