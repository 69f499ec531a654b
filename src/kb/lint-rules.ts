/**
 * Limits a readable rule keeps. A pattern longer than MAX_PATTERN_LENGTH is a list of sentences rather than a
 * rule (the old catalogue had patterns of 1,632 characters that nobody could check); split it by meaning.
 * Lookarounds are how a regular expression says "not followed by": past MAX_LOOKAROUNDS in one pattern the
 * exceptions belong in `unless` or in a token rule's `!word`, where a reader sees them.
 */
export const MAX_PATTERN_LENGTH = 600;
export const MAX_LOOKAROUNDS = 2;

export function lintRule(form: 'pattern' | 'rule' | 'cue', source: string): string[] {
  if (form !== 'pattern') return [];
  const problems: string[] = [];
  if (source.length > MAX_PATTERN_LENGTH) problems.push(`${source.length} characters (limit ${MAX_PATTERN_LENGTH}): split it`);
  const lookarounds = (source.match(/\(\?<?[=!]/g) ?? []).length;
  if (lookarounds > MAX_LOOKAROUNDS) problems.push(`${lookarounds} lookarounds (limit ${MAX_LOOKAROUNDS}): move the exceptions to unless`);
  return problems;
}
