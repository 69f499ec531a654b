import type { Lang, ReviewResult, RuleCode, Severity, Verdict } from '../core/contract.js';

/** Where a review was asked for. */
export type ReviewSiteName = 'chat' | 'compose' | 'web' | 'api' | 'cli';

/** Who asked, as the channel knows it; the event log keeps only a keyed hash of the user. */
export interface EventCaller {
  user?: string;
  tenant?: string;
  site?: ReviewSiteName;
  channel?: string;
  /**
   * The team, for the supervisors' filter: the Teams team's id where the activity came from a team channel, else
   * Teams' conversation kind (personal, groupChat); absent where the channel knows no team (web chat, API, CLI).
   */
  team?: string;
}

/**
 * What the supervisors' figures are made of (issue 10): a review (what was found) and then what the agent did
 * with it, and a trainee's practice answer (its scenario and score): codes, severities, verdicts and choices. A review carries its draft to the sink, which keeps it only
 * where the deployment asked (REVIEW_STORE_TEXT=true) and drops it at once otherwise; customer text never.
 */
export type ReviewEvent =
  | { kind: 'review'; reviewId: string; caller: EventCaller; lang: Lang; verdict: Verdict; mode: 'offline' | 'llm'; findings: { rule: RuleCode; severity: Severity }[]; draft?: string }
  | { kind: 'choice'; reviewId: string; caller: EventCaller; choice: 'alternative:warmer' | 'alternative:concise' | 'preview-sent' | 'own-draft' }
  | { kind: 'practice'; reviewId: string; caller: EventCaller; lang: Lang; scenario: string; score: number };

/** Receives events; must never slow or fail a review (the log batches and drops, counted, if it must). */
export interface ReviewEventSink {
  record(event: ReviewEvent): void;
}

/**
 * The review event of one result, the same from every site (the bot, the HTTP API, the CLI), so no channel
 * invents its own shape. Only codes, severities and the verdict are taken from the result (and the draft, for the
 * sink to keep or drop).
 */
export function reviewEventOf(reviewId: string, caller: EventCaller, result: ReviewResult, draft?: string): ReviewEvent {
  return {
    kind: 'review',
    reviewId,
    caller,
    lang: result.lang,
    verdict: result.verdict,
    mode: (result as { llm?: { mode?: string } }).llm?.mode === 'llm' ? 'llm' : 'offline',
    findings: result.findings.map((f) => ({ rule: f.rule, severity: f.severity })),
    ...(draft ? { draft } : {}),
  };
}
