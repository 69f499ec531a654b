import { z } from 'zod';
import { RULE_SEVERITY } from '../../core/contract.js';

/**
 * What the LLM returns for 'propose-guidelines': candidate phrase guidelines drawn from one document.
 * The shape is checked here; the content (non-empty texts, a real rule code, a verbatim quote,
 * patterns that compile, examples that behave) is checked per candidate, so one weak candidate is
 * kept and marked instead of losing the whole answer.
 */
const perLang = <T extends z.ZodType>(item: T) => z.object({ fi: item, pl: item, hu: item, en: item });

export const CandidateSchema = z.object({
  rule: z.string(),
  principle: z.object({ en: z.string(), source: z.string() }),
  message: perLang(z.string()),
  /** A verbatim passage of the document the guideline rests on. */
  quote: z.string(),
  patterns: perLang(z.array(z.string())),
  preferred: perLang(z.array(z.string())),
  examples: perLang(
    z.object({
      incorrect: z.array(z.object({ text: z.string(), mark: z.string() })),
      correct: z.array(z.object({ text: z.string() })),
    }),
  ),
});
export type Candidate = z.infer<typeof CandidateSchema>;
/** prompts/propose-guidelines asks for `{"candidates": [...]}` (JSON mode wants an object); a bare list is accepted too. */
export const CandidateAnswerSchema = z.union([z.object({ candidates: z.array(CandidateSchema) }), z.array(CandidateSchema)]);
export const candidatesOf = (answer: z.infer<typeof CandidateAnswerSchema>): Candidate[] => (Array.isArray(answer) ? answer : answer.candidates);

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'rule';

/**
 * A candidate as a full guideline entry: id `<docid>-<rule>-<n>` (n the first free number), the
 * contract's severity for the rule, kind `phrase`, the document as its source.
 */
export function toGuidelineEntry(c: Candidate, docId: string, taken: ReadonlySet<string>): Record<string, unknown> {
  let n = 1;
  while (taken.has(`${docId}-${slug(c.rule)}-${n}`)) n++;
  const severity = (RULE_SEVERITY as Record<string, string>)[c.rule];
  return {
    id: `${docId}-${slug(c.rule)}-${n}`,
    rule: c.rule,
    ...(severity ? { severity } : {}),
    kind: 'phrase',
    principle: c.principle,
    message: c.message,
    source: { document: docId, quote: c.quote },
    patterns: c.patterns,
    preferred: c.preferred,
    examples: c.examples,
  };
}
