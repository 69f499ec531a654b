import { describe, expect, it } from 'vitest';
import { searchGuidance } from '../src/retrieval/search-guidance.js';
import { testKnowledgeBase } from './kb-fixture.js';

// Supervisors' and trainees' questions, in their own words and languages: the right guideline comes first,
// its message is in the asker's language, and its source quote is verbatim.
const kb = await testKnowledgeBase();
const cases: [string, string][] = [
  ['what does our guidance say about transfers?', 'transfer-runaround'],
  ['what does our guidance say about apologies', 'hollow-apology'],
  ['how long can I put someone on hold', 'vague-wait'],
  ['mitä ohjeet sanovat anteeksipyynnöistä', 'hollow-apology'],
  ['miten tervehdin asiakasta', 'missing-greeting'],
  ['co mówią wytyczne o oddzwanianiu do klienta', 'call-back-later'],
  ['klient pyta o regulamin, czy mogę się na niego powołać', 'policy-shield'],
  ['mit mond az irányelv a szabályzatra hivatkozásról', 'policy-shield'],
  ['mit mondjak, ha nem tudom a választ', 'i-dont-know'],
];

describe('guidance retrieval', () => {
  it.each(cases)('%s → %s', (question, rule) => {
    const answer = searchGuidance(kb, question);
    expect(answer.guidelines[0]?.rule).toBe(rule);
    const g = answer.guidelines[0]!;
    expect(kb.artifact.documents.find((d) => d.id === g.source.document)?.text).toContain(g.source.quote);
    expect(g.message).toBe(kb.byId.get(g.guideline)!.data.message[answer.lang]);
  });
});
