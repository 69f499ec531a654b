import { fold } from '../engine/fold-text.js';

/**
 * What an agent, supervisor or trainee typed, in any of the four languages: a command, or a draft to
 * review (optionally with the customer's message as `customer: … draft: …`).
 */
export type AgentIntent =
  | { kind: 'help' }
  | { kind: 'guidance'; question: string }
  | { kind: 'coaching'; situation: string }
  | { kind: 'practice' }
  | { kind: 'review-form' }
  | { kind: 'review'; draft: string; customer?: string };

const CUSTOMER = '(?:customer|asiakas|klient|klientka|ugyfel)';
const DRAFT = '(?:draft|reply|luonnos|vastaus|szkic|odpowiedz|piszkozat|valasz)';

const COMMANDS: [RegExp, (rest: string) => AgentIntent][] = [
  [/^(help|apua|ohje|pomoc|sugo|\?)$/, () => ({ kind: 'help' })],
  [/^(practice|practise|harjoittele|harjoitus|cwicz|cwiczenie|gyakorlas|gyakorolj)$/, () => ({ kind: 'practice' })],
  [/^(review|arvioi|ocen|ellenorzes)$/, () => ({ kind: 'review-form' })],
  [/^(guidance|ohjeistus|wytyczne|iranyelv|iranyelvek)[\s:]+/, (rest) => ({ kind: 'guidance', question: rest })],
  [/^what does (our|the) guidance say about\s+/, (rest) => ({ kind: 'guidance', question: rest })],
  [/^what (should|do|can) i say (when|if)\s+/, (rest) => ({ kind: 'coaching', situation: rest })],
  [/^mita (sanon|sanoisin|pitaisi sanoa|mun pitaisi sanoa),? (kun|jos)\s+/, (rest) => ({ kind: 'coaching', situation: rest })],
  [/^co (powiedziec|mam powiedziec|mowic),? (gdy|kiedy|jesli|jak)\s+/, (rest) => ({ kind: 'coaching', situation: rest })],
  [/^mit (mondjak|mondhatok|kell mondanom),? (ha|amikor|mikor)\s+/, (rest) => ({ kind: 'coaching', situation: rest })],
];

export function parseAgentMessage(text: string): AgentIntent {
  const trimmed = text.trim();
  const folded = fold(trimmed);
  for (const [re, make] of COMMANDS) {
    const m = re.exec(folded);
    if (m) return make(trimmed.slice(m[0].length).replace(/[?？]\s*$/, '').trim());
  }
  // "customer: … draft: …" in either order, any of the four languages, labels with or without diacritics.
  // Folding keeps offsets, so positions found in the folded text cut the original.
  const label = (name: string) => new RegExp(`(?:^|\\s)${name}\\s*:`, 'gu');
  const first = (re: RegExp, from: number) => {
    re.lastIndex = from;
    const m = re.exec(folded);
    return m ? { start: m.index + (m[0].length - m[0].trimStart().length), end: m.index + m[0].length } : null;
  };
  const c = first(label(CUSTOMER), 0);
  const d = first(label(DRAFT), 0);
  if (c && d && c.start === 0) {
    const draftLabel = first(label(DRAFT), c.end);
    if (draftLabel) return { kind: 'review', customer: trimmed.slice(c.end, draftLabel.start).trim() || undefined, draft: trimmed.slice(draftLabel.end).trim() };
  }
  if (c && d && d.start === 0) {
    const customerLabel = first(label(CUSTOMER), d.end);
    if (customerLabel) return { kind: 'review', draft: trimmed.slice(d.end, customerLabel.start).trim(), customer: trimmed.slice(customerLabel.end).trim() || undefined };
  }
  const onlyDraft = new RegExp(`^\\s*${DRAFT}\\s*:`, 'u').exec(folded);
  return { kind: 'review', draft: onlyDraft ? trimmed.slice(onlyDraft[0].length).trim() : trimmed };
}
