import { LANGS, type Lang } from '../core/contract.js';
import type { KnowledgeBase } from '../engine/knowledge-base.js';
import { searchIndex } from './bm25-index.js';
import { terms } from './stem-terms.js';

/**
 * Guidance for supervisors and trainees: the guidelines and source passages most relevant to a question,
 * offline (BM25 over the compiled index). Answers in the asker's language where the guideline has it;
 * the source quote always stays in its document's language, because that is the ground truth.
 */
export interface GuidanceHit {
  guideline: string;
  rule: string;
  severity: string;
  principle: string;
  message: string;
  example: { incorrect: string; correct: string };
  preferred: string;
  source: { document: string; title: string; quote: string };
  score: number;
}

export interface PassageHit {
  passage: string;
  document: string;
  title: string;
  text: string;
  score: number;
}

export interface GuidanceAnswer {
  question: string;
  lang: Lang;
  guidelines: GuidanceHit[];
  passages: PassageHit[];
}

export function searchGuidance(kb: KnowledgeBase, question: string, options: { lang?: Lang; limit?: number } = {}): GuidanceAnswer {
  const lang = options.lang ?? kb.detector.detect(question).lang ?? 'en';
  const query = [...new Set(LANGS.flatMap((l) => terms(question, l)))];
  const hits = searchIndex(kb.artifact.index, query, 40);
  const limit = options.limit ?? 3;
  const titles = new Map(kb.artifact.documents.map((d) => [d.id, d.title]));
  const guidelines: GuidanceHit[] = [];
  const passages: PassageHit[] = [];
  const seenRules = new Set<string>();
  for (const hit of hits) {
    const [kind, ref] = hit.ref.split(':') as [string, string];
    if (kind === 'guideline' && guidelines.length < limit) {
      const g = kb.byId.get(ref);
      if (!g || seenRules.has(g.rule)) continue;
      seenRules.add(g.rule);
      const ex = g.data.examples[lang];
      guidelines.push({
        guideline: g.data.id, rule: g.rule, severity: g.data.severity, principle: g.data.principle.en, message: g.data.message[lang],
        example: { incorrect: ex.incorrect[0]!.text, correct: ex.correct[0]!.text }, preferred: g.data.preferred[lang][0]!,
        source: { document: g.data.source.document, title: titles.get(g.data.source.document) ?? '', quote: g.data.source.quote }, score: hit.score,
      });
    } else if (kind === 'passage' && passages.length < 2) {
      const p = kb.artifact.passages.find((x) => x.id === ref);
      if (p) passages.push({ passage: p.id, document: p.document, title: titles.get(p.document) ?? '', text: p.text, score: hit.score });
    }
  }
  return { question, lang, guidelines, passages };
}
