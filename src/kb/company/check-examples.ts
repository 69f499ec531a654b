import { LANGS, type Lang } from '../../core/contract.js';
import { knowledgeBaseFrom, type KnowledgeBase } from '../../engine/knowledge-base.js';
import { review } from '../../engine/review.js';
import type { KnowledgeArtifact } from '../build-knowledge.js';
import type { CorrectExample } from '../../core/knowledge-schema.js';

type CompiledGuideline = KnowledgeArtifact['guidelines'][number];

function findingsOf(kb: KnowledgeBase, ex: CorrectExample, lang: Lang) {
  try {
    return review({ draft: ex.text, customer: ex.customer, firstReply: ex.firstReply, channel: ex.channel, lang }, { kb }).findings;
  } catch (error) {
    return (error as Error).message;
  }
}

const short = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}…` : s);

/**
 * The examples test (test/guideline-examples.test.ts) for one candidate, before it is accepted: each
 * incorrect example must be marked at `mark` by the candidate itself and by its rule in the whole
 * knowledge base; each correct one must stay clean of the rule. The candidate must also leave alone
 * the correct examples of the guidelines already there for its rule, or accepting it would break them.
 */
export function exampleProblems(g: CompiledGuideline, artifact: KnowledgeArtifact): string[] {
  const withIt = knowledgeBaseFrom({ ...artifact, guidelines: [...artifact.guidelines, g] });
  const alone = knowledgeBaseFrom({ ...artifact, guidelines: [g] });
  const problems: string[] = [];
  for (const lang of LANGS) {
    for (const ex of g.examples[lang].incorrect) {
      const at = `examples.${lang}.incorrect ${short(ex.text)}`;
      if (!ex.text.includes(ex.mark)) {
        problems.push(`${at}: the mark ${short(ex.mark)} is not part of the text`);
        continue;
      }
      const own = findingsOf(alone, ex, lang);
      const all = findingsOf(withIt, ex, lang);
      if (typeof own === 'string' || typeof all === 'string') {
        problems.push(`${at}: cannot be reviewed: ${typeof own === 'string' ? own : String(all)}`);
        continue;
      }
      const marked = own.filter((f) => f.guideline === g.id).map((f) => f.quote);
      const ruleMarks = all.filter((f) => f.rule === g.rule).map((f) => f.quote);
      if (!marked.includes(ex.mark) || !ruleMarks.includes(ex.mark)) {
        const found = [...new Set([...marked, ...ruleMarks])].map(short).join(', ') || 'nothing';
        problems.push(`${at}: should mark ${short(ex.mark)}, marks ${found}`);
      }
    }
    for (const ex of g.examples[lang].correct) {
      const all = findingsOf(withIt, ex, lang);
      const hit = typeof all === 'string' ? all : all.find((f) => f.rule === g.rule);
      if (typeof hit === 'string') problems.push(`examples.${lang}.correct ${short(ex.text)}: cannot be reviewed: ${hit}`);
      else if (hit) problems.push(`examples.${lang}.correct ${short(ex.text)}: should stay clean, but ${short(hit.quote)} is marked (${hit.guideline})`);
    }
  }
  for (const other of artifact.guidelines.filter((o) => o.rule === g.rule)) {
    for (const lang of LANGS) {
      for (const ex of other.examples[lang].correct) {
        const found = findingsOf(alone, ex, lang);
        if (typeof found !== 'string' && found.length > 0) {
          problems.push(`would mark ${short(found[0]!.quote)} in the correct example of ${other.id} (${lang}) ${short(ex.text)}`);
        }
      }
    }
  }
  return problems;
}
