/**
 * The review contract (../shared/review-contract.md) as TypeScript types.
 * The engine, the CLI, the evaluation and every channel speak exactly these shapes.
 */

export const LANGS = ['fi', 'pl', 'hu', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const SEVERITIES = ['critical', 'major', 'minor'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CHANNELS = ['chat', 'email', 'phone-script'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Canonical rule codes and their severities, exactly as the contract's table gives them. */
export const RULE_SEVERITY = {
  'rude-or-judgemental': 'critical',
  'blames-customer': 'major',
  'vents-own-workload': 'major',
  'hollow-phrase': 'minor',
  'hollow-apology': 'minor',
  'one-word-reply': 'major',
  'not-my-department': 'major',
  'nothing-i-can-do': 'major',
  'i-dont-know': 'major',
  'policy-shield': 'major',
  'blames-third-party': 'major',
  'go-to-website': 'minor',
  'call-back-later': 'major',
  'transfer-runaround': 'major',
  'asks-details-again': 'minor',
  overpromise: 'major',
  'vague-wait': 'minor',
  'missing-next-step': 'major',
  'over-explaining': 'minor',
  'unconfirmed-details': 'minor',
  'missing-greeting': 'minor',
} as const satisfies Record<string, Severity>;

export type RuleCode = keyof typeof RULE_SEVERITY;
export const RULE_CODES = Object.keys(RULE_SEVERITY) as RuleCode[];

export type Verdict = 'send' | 'revise' | 'block';

export interface ReviewRequest {
  id?: string;
  draft: string;
  customer?: string;
  lang?: Lang;
  channel?: Channel;
  firstReply?: boolean;
}

export interface Finding {
  rule: RuleCode;
  guideline: string;
  severity: Severity;
  start: number;
  end: number;
  quote: string;
  message: string;
  source: { document: string; quote: string };
}

export interface Suggestion {
  style: 'warmer' | 'concise';
  text: string;
}

export interface NextStep {
  text: string;
  owner: 'agent';
  action: string;
  when: string;
}

export interface ReviewResult {
  id?: string;
  lang: Lang;
  verdict: Verdict;
  findings: Finding[];
  suggestions: Suggestion[];
  nextStep: NextStep;
  scores: { warmth: number; ownership: number; clarity: number };
  /** Present when something about the input deserves a word: unsupported language, truncated draft. */
  notes?: string[];
  /** Language detected from the text when the request gave none, or when it disagrees with the request. */
  detectedLang?: string;
}

/** The batch form's line for an input that could not be reviewed. */
export interface ReviewError {
  id: string | null;
  error: string;
}

export function verdictFor(findings: readonly Pick<Finding, 'severity'>[]): Verdict {
  if (findings.some((f) => f.severity === 'critical')) return 'block';
  if (findings.some((f) => f.severity === 'major')) return 'revise';
  return 'send';
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
