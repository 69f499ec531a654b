import { mkdtempSync, cpSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_CODES, RULE_SEVERITY } from '../src/core/contract.js';
import { loadKnowledge } from '../src/kb/load-knowledge.js';
import { knowledgeDir } from '../src/core/paths.js';

const knowledge = loadKnowledge(knowledgeDir());

describe('knowledge catalogue', () => {
  it('vendors the five documents with their metadata', () => {
    expect(knowledge.documents.map((d) => [d.id, d.lang])).toEqual([['000', 'fi'], ['001', 'fi'], ['002', 'fi'], ['003', 'pl'], ['004', 'hu']]);
    for (const d of knowledge.documents) expect(d.text.length).toBeGreaterThan(1000);
  });

  it('quotes every source verbatim', () => {
    for (const g of knowledge.guidelines) {
      const doc = knowledge.documents.find((d) => d.id === g.source.document);
      expect(doc?.text.includes(g.source.quote), `${g.id}: quote not in document ${g.source.document}`).toBe(true);
    }
  });

  it('covers every canonical rule code with the contract severity', () => {
    const covered = new Set(knowledge.guidelines.map((g) => g.rule));
    expect([...RULE_CODES].filter((r) => !covered.has(r))).toEqual([]);
    for (const g of knowledge.guidelines) expect(g.severity).toBe(RULE_SEVERITY[g.rule as keyof typeof RULE_SEVERITY]);
  });

  it('never lets a preferred phrasing invent a time: times are placeholders', () => {
    for (const g of knowledge.guidelines) {
      for (const phrases of Object.values(g.preferred)) {
        for (const p of phrases) expect(p, `${g.id}: ${p}`).not.toMatch(/\b\d{1,2}[:.]\d{2}\b|\b\d{1,2} ?(am|pm)\b/i);
      }
    }
  });
});

describe('a broken knowledge file fails with file, entry and field', () => {
  function brokenCopy(edit: (yaml: string) => string): string {
    const dir = mkdtempSync(join(tmpdir(), 'warmline-kb-'));
    cpSync(knowledgeDir(), dir, { recursive: true });
    const file = join(dir, 'guidelines', 'one-word-reply.yaml');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    return dir;
  }

  it('names a wrong severity', () => {
    const dir = brokenCopy((y) => y.replace('severity: major', 'severity: huge'));
    expect(() => loadKnowledge(dir)).toThrow(/one-word-reply\.yaml: one-word-reply-bare-answer: 'severity'/);
  });

  it('names a quote that is not in the document', () => {
    const dir = brokenCopy((y) => y.replace('quote: "Az operátorok', 'quote: "Az operatorok'));
    expect(() => loadKnowledge(dir)).toThrow(/'source\.quote' is not a verbatim passage of document 004/);
  });

  it('names a missing field', () => {
    const dir = brokenCopy((y) => y.replace(/ {2}principle:\n {4}en: .*\n {4}source: .*\n/, ''));
    expect(() => loadKnowledge(dir)).toThrow(/one-word-reply-bare-answer: 'principle'/);
  });

  it('names an invalid pattern', () => {
    const dir = brokenCopy((y) => y.replace('kind: one-word-reply', 'kind: one-word-reply\n  patterns: { en: ["(broken"] }'));
    expect(() => loadKnowledge(dir)).toThrow(/'patterns\.en\.0' pattern "\(broken" is not valid/);
  });

  it('names a pair of tone cues whose class is not defined, and a cue-pairs guideline without cues', () => {
    const undefinedClass = brokenCopy((y) =>
      y.replace('kind: one-word-reply', 'kind: cue-pairs\n  cues: { classes: { wink: { en: ["😉"] } }, pairs: ["wink+count"] }'),
    );
    expect(() => loadKnowledge(undefinedClass)).toThrow(/'cues\.pairs' names the class "count"/);
    const noCues = brokenCopy((y) => y.replace('kind: one-word-reply', 'kind: cue-pairs'));
    expect(() => loadKnowledge(noCues)).toThrow(/'cues' is required for kind cue-pairs/);
  });
});
