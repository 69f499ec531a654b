import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knowledgeDir, projectRoot } from '../src/core/paths.js';
import { FROM_SHARED, requireFile } from './support/prerequisites.js';

// No sentence of an evaluation set may sit in knowledge/: a guideline example (or a comment, a lexicon
// entry, a preferred phrasing) copied from an eval draft makes the engine look better on that set than it
// is. A leak is a run of RUN words shared by an eval draft and any file under knowledge/. Words: lower-cased,
// diacritics removed, runs of [a-z0-9'] (so "Źle Pani wypełniła" is "zle pani wype ni a").
// Failures name the eval file, the item id and where the run sits in knowledge/, never the draft's text:
// test/data/fresh-2026-12.jsonl is a blind held-out set.
const RUN = 8;
const root = projectRoot();

/** The words of a text: lower case, no diacritics, runs of [a-z0-9']. */
function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .match(/[a-z0-9']+/g) ?? []
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}

/** Every RUN-word run of every file under knowledge/, with the places it starts at ("knowledge/x.yaml:12"). */
function knowledgeRuns(): Map<string, string[]> {
  const runs = new Map<string, string[]>();
  for (const file of filesUnder(knowledgeDir())) {
    const where = relative(root, file);
    const tokens = readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => words(line).map((w) => ({ w, line: i + 1 })));
    for (let i = 0; i + RUN <= tokens.length; i++) {
      const run = tokens
        .slice(i, i + RUN)
        .map((t) => t.w)
        .join(' ');
      const place = `${where}:${tokens[i]!.line}`;
      const places = runs.get(run);
      if (!places) runs.set(run, [place]);
      else if (!places.includes(place)) places.push(place);
    }
  }
  return runs;
}

/**
 * The stricter reading the repository's before-stop hook uses: the words of knowledge/ joined into one text, and a
 * draft's 8-word run found anywhere in it as a substring, so its first word may be the end of a longer word and
 * its last the start of one ("…z producentem, samą…" holds "producentem sama"). Indexed by the six inner words,
 * which must match whole, with the words either side kept to compare the two ends.
 */
function knowledgeMiddles(): Map<string, { before: string; after: string; place: string }[]> {
  const middles = new Map<string, { before: string; after: string; place: string }[]>();
  const tokens = filesUnder(knowledgeDir()).flatMap((file) => {
    const where = relative(root, file);
    return readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => words(line).map((w) => ({ w, place: `${where}:${i + 1}` })));
  });
  for (let i = 1; i + RUN - 1 < tokens.length; i++) {
    const key = tokens
      .slice(i, i + RUN - 2)
      .map((t) => t.w)
      .join(' ');
    const entry = { before: tokens[i - 1]!.w, after: tokens[i + RUN - 2]!.w, place: tokens[i - 1]!.place };
    const list = middles.get(key);
    if (list) list.push(entry);
    else middles.set(key, [entry]);
  }
  return middles;
}

/** The places in knowledge/ holding one of this text's runs as a substring of its joined words. */
function substringLeaksIn(text: string, middles: ReturnType<typeof knowledgeMiddles>): string[] {
  const w = words(text);
  const places = new Set<string>();
  for (let i = 0; i + RUN <= w.length; i++) {
    for (const m of middles.get(w.slice(i + 1, i + RUN - 1).join(' ')) ?? []) {
      if (m.before.endsWith(w[i]!) && m.after.startsWith(w[i + RUN - 1]!)) places.add(m.place);
    }
  }
  return [...places];
}

/** The places in knowledge/ that share a run with this text (empty when none). */
function leaksIn(text: string, runs: Map<string, string[]>): string[] {
  const w = words(text);
  const places = new Set<string>();
  for (let i = 0; i + RUN <= w.length; i++) {
    for (const place of runs.get(w.slice(i, i + RUN).join(' ')) ?? []) places.add(place);
  }
  return [...places];
}

const dataDir = join(root, 'test', 'data');
const sharedDev = join(root, '..', 'shared', 'eval', 'dev.jsonl');
const evalFiles = [
  ...readdirSync(dataDir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dataDir, f)),
  requireFile(sharedDev, FROM_SHARED),
];
const runs = knowledgeRuns();
const middles = knowledgeMiddles();

describe('knowledge/ shares no sentence with an evaluation set', () => {
  it('folds words the way the leak definition says', () => {
    expect(words("Źle Pani wypełniła, it's Kovács Anna 2024!")).toEqual(['zle', 'pani', 'wype', 'ni', 'a', "it's", 'kovacs', 'anna', '2024']);
  });

  it('finds a run copied from knowledge/ (the check is not vacuous)', () => {
    expect(runs.size).toBeGreaterThan(1000);
    const [run, places] = [...runs][runs.size >> 1]!;
    expect(leaksIn(`Hello there. ${run.toUpperCase()}, goodbye.`, runs)).toEqual(places);
    expect(leaksIn(run.split(' ').slice(1).join(' '), runs)).toEqual([]);
  });

  it('finds a run whose end words are parts of longer words in knowledge/', () => {
    const [run] = [...runs][runs.size >> 2]!;
    const w = run.split(' ');
    const cut = [w[0]!.slice(-1), ...w.slice(1, -1), w[RUN - 1]!.slice(0, 1)].join(' ');
    expect(leaksIn(cut, runs)).toEqual(w[0]!.length === 1 && w[RUN - 1]!.length === 1 ? leaksIn(run, runs) : []);
    expect(substringLeaksIn(cut, middles).length).toBeGreaterThan(0);
    expect(substringLeaksIn(['zzz', ...w.slice(1, -1), 'zzz'].join(' '), middles)).toEqual([]);
  });

  it('reads the evaluation sets', () => {
    expect(evalFiles.map((f) => basename(f))).toContain('dev.jsonl');
  });

  it.each(evalFiles.map((f) => [relative(root, f), f] as const))('%s: no draft shares an 8-word run with knowledge/', (name, file) => {
    const leaks: string[] = [];
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const item = JSON.parse(line) as { id?: unknown; draft?: unknown };
      const draft = typeof item.draft === 'string' ? item.draft : '';
      const places = [...new Set([...leaksIn(draft, runs), ...substringLeaksIn(draft, middles)])];
      if (places.length > 0) leaks.push(`${name} ${String(item.id ?? `line ${i + 1}`)}: shares a run with ${places.join(', ')}`);
    });
    expect(leaks).toEqual([]);
  });
});
