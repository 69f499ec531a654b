import { RegExpParser } from '@eslint-community/regexpp';
import type { Alternative } from '@eslint-community/regexpp/ast';

/**
 * The literal strings one of which every match of a compiled pattern must contain, read from the pattern's
 * syntax tree: `ei[\s,]+kuulu` needs "kuulu"; `(soitan|soitamme) huomenna` needs "huomenna" (one literal beats
 * two). The engine tests these with `String.includes` before it runs a guideline's patterns, so a pattern
 * whose words are not in the draft is never compiled or run: V8 compiles a regular expression on its first
 * run, and compiling every pattern of a language was most of the first review's time (start-up, `npm run bench`).
 *
 * Conservative by construction: anything it cannot read as a sure literal (a character class, an optional
 * part, a lookaround) requires nothing, and a pattern with no literal of at least `MIN_LITERAL` characters in
 * every alternative gets `null`: always run.
 */
export const MIN_LITERAL = 3;

const parser = new RegExpParser({ ecmaVersion: 2024 });

function shortest(set: string[]): number {
  return Math.min(...set.map((s) => s.length));
}

/** The better of two requirements: long enough first, then fewer literals (fewer `includes`), then longer. */
function better(a: string[] | null, b: string[] | null): string[] | null {
  if (!a || !b) return a ?? b;
  const okA = shortest(a) >= MIN_LITERAL;
  const okB = shortest(b) >= MIN_LITERAL;
  if (okA !== okB) return okA ? a : b;
  if (a.length !== b.length) return a.length < b.length ? a : b;
  return shortest(a) >= shortest(b) ? a : b;
}

/** One alternative: a run of plain characters is a literal; a required group gives its own alternatives' sets. */
function inSequence(alternative: Alternative): string[] | null {
  let best: string[] | null = null;
  let run = '';
  const endRun = () => {
    if (run !== '') best = better(best, [run]);
    run = '';
  };
  for (const el of alternative.elements) {
    if (el.type === 'Character') {
      run += String.fromCodePoint(el.value);
      continue;
    }
    endRun();
    if (el.type === 'Group' || el.type === 'CapturingGroup') best = better(best, inAlternatives(el.alternatives));
    else if (el.type === 'Quantifier' && el.min >= 1) {
      const inner = el.element;
      if (inner.type === 'Character') best = better(best, [String.fromCodePoint(inner.value)]);
      else if (inner.type === 'Group' || inner.type === 'CapturingGroup') best = better(best, inAlternatives(inner.alternatives));
    }
    // Character classes, sets, assertions, back-references and optional parts require nothing.
  }
  endRun();
  return best && shortest(best) >= MIN_LITERAL ? best : null;
}

function inAlternatives(alternatives: Alternative[]): string[] | null {
  const all = new Set<string>();
  for (const a of alternatives) {
    const need = inSequence(a);
    if (!need) return null;
    for (const s of need) all.add(s);
  }
  return [...all];
}

/** The literals a match of `source` (a `u`-flag pattern) must contain one of, or `null` where none is sure. */
export function requiredLiterals(source: string): string[] | null {
  const pattern = parser.parsePattern(source, 0, source.length, { unicode: true });
  return inAlternatives(pattern.alternatives);
}

/** A literal that contains another is implied by it: "soitan" needs no test where "soit" is tested. */
function withoutImplied(all: Iterable<string>): string[] {
  const sorted = [...new Set(all)].sort((a, b) => a.length - b.length);
  return sorted.filter((l, i) => !sorted.slice(0, i).some((shorter) => l.includes(shorter)));
}

/** Per pattern, its literals (fewest tests first), or `null` where a pattern has none. */
export function requiredLiteralsOfEach(sources: string[]): (string[] | null)[] {
  return sources.map((s) => {
    const need = requiredLiterals(s);
    return need ? withoutImplied(need) : null;
  });
}

/** For a guideline's patterns in one language: the union of their literals, or `null` if any pattern has none. */
export function requiredLiteralsOfAll(sources: string[]): string[] | null {
  const each = requiredLiteralsOfEach(sources);
  return each.every((n) => n !== null) ? withoutImplied(each.flatMap((n) => n!)) : null;
}
